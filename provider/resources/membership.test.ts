import { test } from "node:test";
import assert from "node:assert/strict";
import { alreadyMemberText, parseMembershipId } from "./membership";

test("membership IDs are group_id:user_id; the user_id may itself hold colons", () => {
  assert.deepEqual(parseMembershipId("team-1:alice"), { groupId: "team-1", userId: "alice" });
  assert.deepEqual(parseMembershipId("team-1:urn:user:7"), { groupId: "team-1", userId: "urn:user:7" });
  for (const bad of ["team-1", ":alice", "team-1:", ""]) assert.equal(parseMembershipId(bad), undefined, bad);
});

test("an existing membership is refused with the import that adopts it", () => {
  assert.match(alreadyMemberText("organization", "o1", "u1"), /already a member of organization o1\. .*terraform import <address> o1:u1\.$/);
});
