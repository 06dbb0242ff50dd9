// Shared by the governance end-to-end tests (budgets, organizations, members, tags): what the emulator holds.
import { after, before } from "node:test";
import type { TestEmulator } from "../support/emulator";
import { startTeamEmulator, teamWorkspaces } from "./team-support";

export interface GovernanceState {
  users: { user_id: string; user_email: string | null }[];
  teams: { team_id: string; organization_id: string | null }[];
  budgets: { budget_id: string; max_budget: number | null; tpm_limit: number | null; budget_duration: string | null }[];
  organizations: { organization_id: string; organization_alias: string; budget_id: string; metadata: Record<string, unknown>; members: { user_id: string; user_role: string; budget_id: string | null }[] }[];
  tags: { name: string; description: string | null; models: string[]; litellm_budget_table?: { budget_id: string; max_budget: number | null } }[];
}

export async function governanceState(emu: TestEmulator): Promise<GovernanceState> {
  const res = await fetch(`${emu.url}/_emulator/state`, { headers: { Authorization: `Bearer ${emu.masterKey}` } });
  if (!res.ok) throw new Error(`GET /_emulator/state answered ${res.status}`);
  return (await res.json()) as GovernanceState;
}

/** One emulator and its workspaces for a test file, started before its tests and disposed after them. */
export function useGovernanceEmulator(): { readonly emu: TestEmulator; readonly workspaces: ReturnType<typeof teamWorkspaces> } {
  const holder: { emu?: TestEmulator } = {};
  const workspaces = teamWorkspaces(() => holder.emu!);
  before(async () => {
    holder.emu = await startTeamEmulator();
  });
  after(async () => {
    workspaces.disposeAll();
    await holder.emu?.close();
  });
  return {
    get emu() {
      return holder.emu!;
    },
    workspaces,
  };
}
