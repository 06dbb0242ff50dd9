// Authentication as user_api_key_auth does it (reference §1): header precedence, the master key compared
// in constant time, and the exact 401 bodies. Keys minted by the emulator authenticate as their owner,
// who is an admin only with user_role proxy_admin; every management route here needs an admin.

import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { proxyError } from "./errors";
import type { EmuResponse } from "./http-types";
import { hashKey } from "./keys";
import type { EmulatorStore } from "./store";

export const PROXY_ADMIN_NAME = "default_user_id";

export interface Caller {
  role: string;
  userId: string;
}

export type AuthOutcome = { ok: true; caller: Caller } | { ok: false; response: EmuResponse };

type Extracted = { kind: "key"; key: string } | { kind: "none" } | { kind: "malformed" };

const FALLBACK_HEADERS = ["api-key", "x-api-key", "x-goog-api-key", "ocp-apim-subscription-key"];

export function extractApiKey(headers: IncomingHttpHeaders, keyHeaderName: string | null = null): Extracted {
  if (keyHeaderName !== null) {
    // general_settings.litellm_key_header_name: the key comes from that header alone, with or without "Bearer ".
    const custom = headerValue(headers, keyHeaderName.toLowerCase());
    return custom ? { kind: "key", key: custom.replace(/^Bearer\s+/i, "").trim() } : { kind: "none" };
  }
  const litellm = headerValue(headers, "x-litellm-api-key");
  if (litellm) return { kind: "key", key: litellm.replace(/^Bearer\s+/i, "").trim() };
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const m = /^(?:Bearer|bearer|Basic) (.*)$/s.exec(authorization);
    const key = m ? m[1]!.trim() : "";
    return key ? { kind: "key", key } : { kind: "malformed" };
  }
  for (const name of FALLBACK_HEADERS) {
    const value = headerValue(headers, name);
    if (value) return { kind: "key", key: value };
  }
  return { kind: "none" };
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const raw = headers[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}

export interface AuthContext {
  masterKey: string;
  legacy: boolean;
  store: EmulatorStore;
  /** general_settings.litellm_key_header_name, when the proxy sets one. */
  keyHeaderName?: string | null;
}

export function authenticate(headers: IncomingHttpHeaders, ctx: AuthContext): AuthOutcome {
  const extracted = extractApiKey(headers, ctx.keyHeaderName ?? null);
  if (extracted.kind === "none") return deny("Authentication Error, No api key passed in.");
  if (extracted.kind === "malformed") return deny("Authentication Error, Malformed API Key passed in. Ensure Key has `Bearer ` prefix.");
  const key = extracted.key;
  if (isMasterKey(key, ctx.masterKey)) return { ok: true, caller: { role: "proxy_admin", userId: PROXY_ADMIN_NAME } };
  if (!key.startsWith("sk-")) return deny(`LiteLLM Virtual Key expected. Received=${maskKey(key)}, expected to start with 'sk-'.`);
  const row = ctx.store.getKey(hashKey(key));
  if (!row) {
    // The text leaves the key out: a mistyped master key must not come back in an error.
    const message = "Authentication Error, Invalid proxy server token passed. Unable to find token in cache or `LiteLLM_VerificationTokenTable`";
    return ctx.legacy ? deny(message) : { ok: false, response: proxyError(401, message, "token_not_found_in_db", "key") };
  }
  const owner = row.user_id === null ? undefined : ctx.store.getUser(row.user_id);
  return { ok: true, caller: { role: owner?.user_role ?? "internal_user", userId: row.user_id ?? "" } };
}

/** Every route the emulator serves is an admin route. */
export function requireAdmin(caller: Caller, route: string): EmuResponse | undefined {
  if (caller.role === "proxy_admin") return undefined;
  return proxyError(
    401,
    `Authentication Error, Only proxy admin can be used to generate, delete, update info for new keys/users/teams. Route=${route}. Your role=${caller.role}`,
    "auth_error",
  );
}

function deny(message: string): AuthOutcome {
  return { ok: false, response: proxyError(401, message, "auth_error") };
}

export function maskKey(key: string): string {
  return key.length <= 8 ? "****" : `${key.slice(0, 4)}****${key.slice(-4)}`;
}

/** Constant time regardless of where the strings differ or how long they are. */
export function isMasterKey(candidate: string, masterKey: string): boolean {
  const a = createHash("sha256").update(candidate).digest();
  const b = createHash("sha256").update(masterKey).digest();
  return timingSafeEqual(a, b);
}
