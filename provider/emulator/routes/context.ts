// What every route handler gets besides the request.

import type { Caller } from "../auth";
import type { EmuRequest, EmuResponse } from "../http-types";
import type { EmulatorStore } from "../store";
import type { ProxySettings } from "../proxy-settings";

export interface RouteContext {
  store: EmulatorStore;
  /** LiteLLM ≤ 1.80.7 behaviour (reference §10). */
  legacy: boolean;
  /** An enterprise licence (LiteLLM's premium_user): needed to make team admins. */
  enterprise: boolean;
  /** The proxy's config.yaml settings: server-side defaults for /user/new and /team/new. */
  settings: ProxySettings;
  now(): number;
  caller: Caller;
  newUserId(): string;
}

export type RouteHandler = (req: EmuRequest, ctx: RouteContext) => EmuResponse;
