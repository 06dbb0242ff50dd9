// LiteLLM's /key, /model and /credentials endpoints and the paged listings (docs/litellm-api.md, "Keys, models,
// credentials"). Calls go through the client's send(), sharing its retries, timeouts, TLS and scrubbing.
// Objects are returned as LiteLLM sends them (the declarative resources map fields themselves).
import { isLiteLLMError } from "./errors";
import { expectObject, malformed } from "./answers";
import { allPages } from "./paging";
import type { Transport } from "./transport";

export type ApiObject = Record<string, unknown>;

async function orNull<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (e) {
    if (isLiteLLMError(e) && e.isNotFound) return null;
    throw e;
  }
}

export class LiteLLMManagement {
  constructor(private readonly http: Transport) {}

  // ---- keys ----

  /** POST /key/generate: the answer holds the secret (`key`) and the hash (`token`). Not safe to retry. */
  async generateKey(body: ApiObject, signal?: AbortSignal): Promise<{ key: string; token: string }> {
    const res = await this.http.send({ method: "POST", path: "/key/generate", body, idempotent: false, signal });
    const b = expectObject(res.body, "POST", "/key/generate");
    const token = typeof b.token === "string" ? b.token : typeof b.token_id === "string" ? b.token_id : null;
    if (typeof b.key !== "string" || !token) throw malformed("POST", "/key/generate", "no key or token in the answer");
    return { key: b.key, token };
  }

  /** GET /key/info by hash: the row (without its token), or null when LiteLLM has no such key. */
  keyInfo(token: string, signal?: AbortSignal): Promise<ApiObject | null> {
    return orNull(async () => {
      const res = await this.http.send({ method: "GET", path: "/key/info", query: { key: token }, idempotent: true, signal });
      const info = expectObject(res.body, "GET", "/key/info").info;
      if (!info || typeof info !== "object") throw malformed("GET", "/key/info", "no info in the answer");
      return { ...(info as ApiObject), token };
    });
  }

  async updateKey(token: string, fields: ApiObject, signal?: AbortSignal): Promise<void> {
    await this.http.send({ method: "POST", path: "/key/update", body: { ...fields, key: token }, idempotent: true, signal });
  }

  async setKeyBlocked(token: string, blocked: boolean, signal?: AbortSignal): Promise<void> {
    await this.http.send({ method: "POST", path: blocked ? "/key/block" : "/key/unblock", body: { key: token }, idempotent: true, signal });
  }

  /** POST /key/regenerate (enterprise licence): the new secret and hash. */
  async regenerateKey(token: string, signal?: AbortSignal): Promise<{ key: string; token: string }> {
    const res = await this.http.send({ method: "POST", path: "/key/regenerate", body: { key: token }, idempotent: false, signal });
    const b = expectObject(res.body, "POST", "/key/regenerate");
    const next = typeof b.token_id === "string" ? b.token_id : typeof b.token === "string" ? b.token : null;
    if (typeof b.key !== "string" || !next) throw malformed("POST", "/key/regenerate", "no key or token in the answer");
    return { key: b.key, token: next };
  }

  /** POST /key/delete; false when LiteLLM no longer had the key. */
  async deleteKey(token: string, signal?: AbortSignal): Promise<boolean> {
    return (await orNull(() => this.http.send({ method: "POST", path: "/key/delete", body: { keys: [token] }, idempotent: true, signal }))) !== null;
  }

  /** GET /key/list with full rows, every page. */
  async listKeys(filters: Record<string, string>, signal?: AbortSignal): Promise<ApiObject[]> {
    const rows = await allPages(this.http, "/key/list", { ...filters, return_full_object: "true" }, "size", (b) => (Array.isArray(b.keys) ? b.keys : []), signal);
    return rows.filter((r): r is ApiObject => r !== null && typeof r === "object");
  }

  // ---- model deployments ----

  /** POST /model/new with the caller's model_info.id, so a retry after a lost answer is refused, not doubled. */
  async newModel(body: ApiObject, signal?: AbortSignal): Promise<void> {
    await this.http.send({ method: "POST", path: "/model/new", body, idempotent: false, signal });
  }

  /** One deployment by id through /v2/model/info, or null. */
  async modelInfo(modelId: string, signal?: AbortSignal): Promise<ApiObject | null> {
    const found = await this.listModels({ modelId }, signal);
    return found.find((m) => (m.model_info as ApiObject | undefined)?.id === modelId) ?? null;
  }

  async patchModel(modelId: string, body: ApiObject, signal?: AbortSignal): Promise<void> {
    await this.http.send({ method: "PATCH", path: `/model/${encodeURIComponent(modelId)}/update`, body, idempotent: true, signal });
  }

  /** POST /model/delete; false when LiteLLM no longer had it (it answers 400 then, so a read decides). */
  async deleteModel(modelId: string, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.http.send({ method: "POST", path: "/model/delete", body: { id: modelId }, idempotent: true, signal });
      return true;
    } catch (e) {
      if (isLiteLLMError(e) && e.status === 400 && (await this.modelInfo(modelId, signal)) === null) return false;
      throw e;
    }
  }

  /**
   * GET /v2/model/info, every page. The whole table (no filter) is one read shared by concurrent callers, such
   * as a refresh of many access groups; its rows are shared too, so callers must not change them.
   */
  async listModels(filters: Record<string, string>, signal?: AbortSignal): Promise<ApiObject[]> {
    const read = () => allPages(this.http, "/v2/model/info", filters, "size", (b) => (Array.isArray(b.data) ? b.data : []), signal);
    const whole = Object.keys(filters).length === 0 && this.http.shared;
    const rows = whole ? await this.http.shared!("GET /v2/model/info", read) : await read();
    return rows.filter((r): r is ApiObject => r !== null && typeof r === "object");
  }

  /**
   * The public names of the team's own team models. LiteLLM names a team model's deployment
   * model_name_<team_id>_<uuid>, so a search on that prefix narrows the listing; the rows are then checked by
   * model_info.team_id, as LiteLLM's own _get_team_deployments does.
   */
  async teamModelNames(teamId: string, signal?: AbortSignal): Promise<string[]> {
    const rows = await this.listModels({ search: `model_name_${teamId}_` }, signal);
    const names = rows.map((r) => r.model_info as ApiObject | undefined).filter((i) => i?.team_id === teamId).map((i) => i!.team_public_model_name);
    return [...new Set(names.filter((n): n is string => typeof n === "string" && n !== ""))];
  }

  // ---- credentials ----

  async createCredential(body: ApiObject, signal?: AbortSignal): Promise<void> {
    await this.http.send({ method: "POST", path: "/credentials", body, idempotent: false, signal });
  }

  /** GET /credentials/by_name/{name}: values masked by LiteLLM; null when unknown. */
  credential(name: string, signal?: AbortSignal): Promise<ApiObject | null> {
    return orNull(async () => {
      const res = await this.http.send({ method: "GET", path: `/credentials/by_name/${encodeURIComponent(name)}`, idempotent: true, signal });
      return expectObject(res.body, "GET", "/credentials/by_name");
    });
  }

  async updateCredential(name: string, body: ApiObject, signal?: AbortSignal): Promise<void> {
    await this.http.send({ method: "PATCH", path: `/credentials/${encodeURIComponent(name)}`, body, idempotent: true, signal });
  }

  async deleteCredential(name: string, signal?: AbortSignal): Promise<boolean> {
    if ((await this.credential(name, signal)) === null) return false;
    await this.http.send({ method: "DELETE", path: `/credentials/${encodeURIComponent(name)}`, idempotent: true, signal });
    return true;
  }

  // ---- listings ----

  /** GET /user/list, every page. */
  async listUsers(filters: Record<string, string>, signal?: AbortSignal): Promise<ApiObject[]> {
    const rows = await allPages(this.http, "/user/list", filters, "page_size", (b) => (Array.isArray(b.users) ? b.users : []), signal);
    return rows.filter((r): r is ApiObject => r !== null && typeof r === "object");
  }

  /** GET /v2/team/list, every page. */
  async listTeams(filters: Record<string, string>, signal?: AbortSignal): Promise<ApiObject[]> {
    const rows = await allPages(this.http, "/v2/team/list", filters, "page_size", (b) => (Array.isArray(b.teams) ? b.teams : []), signal);
    return rows.filter((r): r is ApiObject => r !== null && typeof r === "object");
  }
}

export function managementOf(client: Transport): LiteLLMManagement {
  return new LiteLLMManagement(client);
}
