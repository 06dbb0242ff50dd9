// Routes one parsed request to its LiteLLM handler, in FastAPI's order: unknown path/method, body decoding,
// authentication, then validation and the handler itself (which may answer early by throwing a Reply).

import { authenticate, requireAdmin } from "./auth";
import { fastapiDetail, wrappedServerError } from "./errors";
import { isReply, type EmuRequest, type EmuResponse } from "./http-types";
import type { RouteContext } from "./routes/context";
import { ROUTES } from "./routes/index";
import type { EmulatorStore } from "./store";
import type { ProxySettings } from "./proxy-settings";

export interface DispatchDeps {
  store: EmulatorStore;
  legacy: boolean;
  /** LiteLLM's premium_user: an enterprise licence is set. */
  enterprise: boolean;
  masterKey: string;
  /** What the proxy's config.yaml sets (defaults, key header). */
  settings: ProxySettings;
  now(): number;
  newUserId(): string;
  onHandlerError(error: unknown): void;
}

export function dispatch(req: EmuRequest, deps: DispatchDeps): EmuResponse {
  const methods = ROUTES[req.path];
  if (!methods) return redirectSlash(req) ?? fastapiDetail(404, "Not Found");
  const route = methods[req.method];
  if (!route) return { ...fastapiDetail(405, "Method Not Allowed"), headers: { allow: Object.keys(methods).join(", ") } };
  // FastAPI decodes a JSON body before it runs any dependency, auth included.
  if (req.method !== "GET" && req.body.kind === "invalid") return req.body.response;

  let caller: RouteContext["caller"] = { role: "anonymous", userId: "" };
  if (!route.public) {
    const outcome = authenticate(req.headers, { ...deps, keyHeaderName: deps.settings.keyHeaderName });
    if (!outcome.ok) return outcome.response;
    const denied = requireAdmin(outcome.caller, req.path);
    if (denied) return denied;
    caller = outcome.caller;
  }
  const ctx: RouteContext = { store: deps.store, legacy: deps.legacy, enterprise: deps.enterprise, settings: deps.settings, now: deps.now, newUserId: deps.newUserId, caller };
  try {
    return route.handler(req, ctx);
  } catch (e) {
    if (isReply(e)) return e.response;
    deps.onHandlerError(e);
    return wrappedServerError("Internal error in the LiteLLM emulator");
  }
}

/** Starlette's redirect_slashes: "/user/new/" answers 307 to "/user/new", keeping the query. */
function redirectSlash(req: EmuRequest): EmuResponse | undefined {
  const bare = req.path.replace(/\/+$/, "");
  if (bare === req.path || !ROUTES[bare]) return undefined;
  const host = req.headers.host ?? "127.0.0.1";
  const scheme = req.secure ? "https" : "http";
  const location = `${scheme}://${host}${bare}${req.rawQuery ? `?${req.rawQuery}` : ""}`;
  return { status: 307, rawBody: "", headers: { location } };
}
