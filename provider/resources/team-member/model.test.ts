import { test } from "node:test";
import assert from "node:assert/strict";
import { newObject } from "../../values/value";
import type { LiteLLMTeam } from "../../litellm/teams";
import { memberId, memberStateFromServer, nativeBudget, parseMemberId } from "./model";

test("import IDs are team_id:user_id; the user_id may itself hold colons", () => {
  assert.deepEqual(parseMemberId("team-1:alice"), { teamId: "team-1", userId: "alice" });
  assert.deepEqual(parseMemberId("team-1:urn:user:7"), { teamId: "team-1", userId: "urn:user:7" });
  for (const bad of ["team-1", ":alice", "team-1:", ""]) assert.equal(parseMemberId(bad), undefined, bad);
  assert.equal(memberId("t", "u"), "t:u");
});

test("a budget of 0 and no budget both send null", () => {
  assert.equal(nativeBudget(newObject([["max_budget_in_team", 0]])), null);
  assert.equal(nativeBudget(newObject([["max_budget_in_team", null]])), null);
  assert.equal(nativeBudget(newObject([["max_budget_in_team", 12.5]])), 12.5);
});

test("state from the team's member entry and membership row", () => {
  const team: LiteLLMTeam = {
    team_id: "t1", team_alias: null, models: [], max_budget: null, budget_duration: null, tpm_limit: null, rpm_limit: null,
    metadata: {}, blocked: false, spend: 0,
    organization_id: null, soft_budget: null, team_member_permissions: [], memberBudget: { max_budget: null, budget_duration: null, rpm_limit: null, tpm_limit: null }, model_aliases: {}, router_settings: {}, 
    members: [{ user_id: "u1", user_email: "u1@example.com", role: "admin" }],
    memberBudgets: new Map([["u1", 7]]),
  };
  const state = newObject();
  memberStateFromServer(state, team, { user_id: "u1", user_email: "u1@example.com", role: "admin" }, null);
  assert.deepEqual(
    [state.id, state.team_id, state.user_id, state.user_email, state.role, state.max_budget_in_team],
    ["t1:u1", "t1", "u1", "u1@example.com", "admin", 7],
  );
  const noBudget = newObject();
  memberStateFromServer(noBudget, { ...team, memberBudgets: new Map() }, { user_id: "u1", user_email: null, role: "user" }, null);
  assert.equal(noBudget.max_budget_in_team, 0);
});
