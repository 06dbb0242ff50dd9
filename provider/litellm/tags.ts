// LiteLLM's /tag endpoints (docs/litellm-api.md, "Tags"). LiteLLM answers every tag error with a 500 whose
// detail starts with the real status ("404: Tag x not found"); a missing tag is settled by /tag/list instead.
import { expectObject, malformed } from "./answers";
import type { ApiRow, BudgetFields } from "./budgets";
import type { Transport } from "./transport";

export interface TagFields extends BudgetFields {
  description?: string | null;
  models?: string[];
  budget_id?: string;
}

export class LiteLLMTags {
  constructor(private readonly http: Transport) {}

  async create(name: string, fields: TagFields, signal?: AbortSignal): Promise<void> {
    const res = await this.http.send({ method: "POST", path: "/tag/new", body: { ...fields, name }, idempotent: false, signal });
    expectObject(res.body, "POST", "/tag/new");
  }

  /** The tag from GET /tag/list (which includes its budget); null when LiteLLM has no stored tag by that name. */
  async info(name: string, signal?: AbortSignal): Promise<ApiRow | null> {
    const res = await this.http.send({ method: "GET", path: "/tag/list", idempotent: true, signal });
    if (!Array.isArray(res.body)) throw malformed("GET", "/tag/list", "the answer is not a list");
    // Tags only seen in spend logs come back with models null and no created_by: they are not stored tags.
    const row = res.body.find((t) => t && typeof t === "object" && (t as ApiRow).name === name && (t as ApiRow).models !== null);
    return (row as ApiRow | undefined) ?? null;
  }

  /** POST /tag/update. LiteLLM replaces description and models: send both every time. */
  async update(name: string, fields: TagFields, signal?: AbortSignal): Promise<void> {
    const res = await this.http.send({ method: "POST", path: "/tag/update", body: { ...fields, name }, idempotent: true, signal });
    expectObject(res.body, "POST", "/tag/update");
  }

  /** POST /tag/delete; false when the tag was already gone. */
  async delete(name: string, signal?: AbortSignal): Promise<boolean> {
    if ((await this.info(name, signal)) === null) return false;
    await this.http.send({ method: "POST", path: "/tag/delete", body: { name }, idempotent: true, signal });
    return true;
  }
}

export function tagsOf(client: Transport): LiteLLMTags {
  return new LiteLLMTags(client);
}
