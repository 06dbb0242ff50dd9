// The part of a LiteLLM proxy's config.yaml that changes what the management API does (docs/litellm-api.md,
// "Server-side defaults" and "The key header"): read with the yaml library, kept as plain data for the routes.
import { parse } from "yaml";

export interface ProxySettings {
  /** general_settings.litellm_key_header_name: the only header the key is read from when set. */
  keyHeaderName: string | null;
  /** litellm_settings.default_internal_user_params: copied into /user/new for every role but proxy_admin. */
  defaultInternalUserParams: Record<string, unknown> | null;
  /** litellm_settings.max_internal_user_budget: /user/new's budget for an internal_user sent without one. */
  maxInternalUserBudget: number | null;
  /** litellm_settings.internal_user_budget_duration: the same for budget_duration. */
  internalUserBudgetDuration: string | null;
  /** litellm_settings.default_team_settings: a list; /team/new takes max_budget from its first entry. */
  defaultTeamSettings: Record<string, unknown>[] | null;
}

export const noProxySettings: ProxySettings = {
  keyHeaderName: null,
  defaultInternalUserParams: null,
  maxInternalUserBudget: null,
  internalUserBudgetDuration: null,
  defaultTeamSettings: null,
};

export class ProxyConfigError extends Error {
  override readonly name = "ProxyConfigError";
}

/** The settings in a config.yaml text; other sections (model_list, router_settings, ...) are ignored. */
export function parseProxyConfig(text: string): ProxySettings {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new ProxyConfigError(`the file is not valid YAML: ${(e as Error).message}`);
  }
  if (doc === null || doc === undefined) return { ...noProxySettings };
  const root = mapping(doc, "the file");
  const general = root.general_settings === undefined || root.general_settings === null ? {} : mapping(root.general_settings, "general_settings");
  const litellm = root.litellm_settings === undefined || root.litellm_settings === null ? {} : mapping(root.litellm_settings, "litellm_settings");
  return {
    keyHeaderName: optional(general.litellm_key_header_name, "general_settings.litellm_key_header_name", "string"),
    defaultInternalUserParams:
      litellm.default_internal_user_params == null ? null : mapping(litellm.default_internal_user_params, "litellm_settings.default_internal_user_params"),
    maxInternalUserBudget: optional(litellm.max_internal_user_budget, "litellm_settings.max_internal_user_budget", "number"),
    internalUserBudgetDuration: optional(litellm.internal_user_budget_duration, "litellm_settings.internal_user_budget_duration", "string"),
    defaultTeamSettings: teamSettings(litellm.default_team_settings),
  };
}

function mapping(v: unknown, where: string): Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw new ProxyConfigError(`${where} must be a mapping`);
  return v as Record<string, unknown>;
}

function optional<T extends "string" | "number">(v: unknown, where: string, type: T): (T extends "string" ? string : number) | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== type) throw new ProxyConfigError(`${where} must be a ${type}`);
  return v as T extends "string" ? string : number;
}

function teamSettings(v: unknown): Record<string, unknown>[] | null {
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v)) throw new ProxyConfigError("litellm_settings.default_team_settings must be a list of mappings");
  return v.map((e, i) => mapping(e, `litellm_settings.default_team_settings[${i}]`));
}
