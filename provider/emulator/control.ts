// The emulator's own API under /_emulator/, for tests: faults, a state dump, reset and the request log.
// Only the master key may use it.

import { authenticate, isMasterKey, extractApiKey } from "./auth";
import { fastapiDetail, proxyError } from "./errors";
import { FaultInjector, FaultRuleError } from "./faults";
import { jsonResponse, type EmuRequest, type EmuResponse } from "./http-types";
import type { RequestLog } from "./request-log";
import { keyColumnsView, userRowView } from "./rows";
import type { EmulatorStore } from "./store";
import { membershipView, teamRowView } from "./team-rows";
import { budgetRowView } from "./governance-rows";
import { organizationWithMembersView, tagView } from "./governance-views";

export interface ControlDeps {
  store: EmulatorStore;
  faults: FaultInjector;
  requests: RequestLog;
  masterKey: string;
  legacy: boolean;
  reset(): void;
}

export function handleControl(req: EmuRequest, deps: ControlDeps): EmuResponse {
  const denied = requireMasterKey(req, deps);
  if (denied) return denied;
  const route = `${req.method} ${req.path.replace(/\/+$/, "")}`;
  switch (route) {
    case "GET /_emulator/faults":
      return jsonResponse(200, { faults: deps.faults.list() });
    case "POST /_emulator/faults":
      return addFaults(req, deps.faults);
    case "DELETE /_emulator/faults":
      deps.faults.clear();
      return jsonResponse(200, { faults: [] });
    case "GET /_emulator/state":
      return jsonResponse(200, {
        legacy: deps.legacy,
        users: [...deps.store.users.values()].map(userRowView),
        keys: [...deps.store.keys.values()].map(keyColumnsView),
        teams: [...deps.store.teams.values()].map(teamRowView),
        team_memberships: [...deps.store.memberships.values()].map((m) => membershipView(m, m.budget_id === null ? undefined : deps.store.budgets.get(m.budget_id))),
        budgets: [...deps.store.budgets.values()].map(budgetRowView),
        organizations: [...deps.store.organizations.values()].map((o) => organizationWithMembersView(deps.store, o)),
        tags: [...deps.store.tags.values()].map((t) => tagView(deps.store, t, true)),
      });
    case "POST /_emulator/reset":
      deps.reset();
      return jsonResponse(200, { reset: true });
    case "GET /_emulator/requests":
      return jsonResponse(200, { total: deps.requests.total(), counts: deps.requests.counts(), requests: deps.requests.entries() });
    case "DELETE /_emulator/requests":
      deps.requests.clear();
      return jsonResponse(200, { total: 0, counts: {}, requests: [] });
    default:
      return fastapiDetail(404, "Not Found");
  }
}

function requireMasterKey(req: EmuRequest, deps: ControlDeps): EmuResponse | undefined {
  const extracted = extractApiKey(req.headers);
  if (extracted.kind === "key" && isMasterKey(extracted.key, deps.masterKey)) return undefined;
  const outcome = authenticate(req.headers, { masterKey: deps.masterKey, legacy: deps.legacy, store: deps.store });
  if (!outcome.ok) return outcome.response;
  return proxyError(401, "Authentication Error, the emulator control API needs the master key.", "auth_error");
}

/** Accepts a list of rules, one rule, or {"rules": [...], "seed": n}. */
function addFaults(req: EmuRequest, faults: FaultInjector): EmuResponse {
  if (req.body.kind !== "json") return fastapiDetail(400, "Send a JSON list of fault rules");
  const value = req.body.value as unknown;
  let rules: unknown[];
  if (Array.isArray(value)) rules = value;
  else if (typeof value === "object" && value !== null && ("rules" in value || "seed" in value)) {
    const { rules: listed, seed } = value as { rules?: unknown; seed?: unknown };
    if (seed !== undefined && !Number.isInteger(seed)) return fastapiDetail(400, "seed must be an integer");
    if (listed !== undefined && !Array.isArray(listed)) return fastapiDetail(400, "rules must be a list");
    if (seed !== undefined) faults.reseed(seed as number);
    rules = (listed as unknown[] | undefined) ?? [];
  } else rules = [value];
  try {
    faults.add(rules);
  } catch (e) {
    if (e instanceof FaultRuleError) return fastapiDetail(400, e.message);
    throw e;
  }
  return jsonResponse(200, { faults: faults.list() });
}
