// Shared by the team end-to-end tests: an emulator (optionally with an enterprise licence, which LiteLLM needs
// for team admins), workspaces pointed at it, and what the emulator holds, teams included.
import { after, before, beforeEach } from "node:test";
import { emulatorSnapshot, startTestEmulator, type TestEmulator } from "../support/emulator";
import { createWorkspace, providerBlock, resourcesByAddress, type Workspace } from "../support/terraform";

export function startTeamEmulator(options: { enterprise?: boolean } = {}): Promise<TestEmulator> {
  return startTestEmulator(options);
}

export interface TeamState {
  users: { user_id: string; user_email: string | null; teams: string[]; updated_at: string }[];
  keys: Record<string, unknown>[];
  teams: { team_id: string; team_alias: string | null; members_with_roles: { user_id: string | null; role: string }[]; [k: string]: unknown }[];
  team_memberships: { team_id: string; user_id: string; litellm_budget_table: { max_budget: number | null } | null }[];
}

export function teamState(emu: TestEmulator): Promise<TeamState> {
  return emulatorSnapshot<TeamState>(emu);
}

/** LiteLLM adds the master key's user as the admin of every team it creates, and keeps a user row for it. */
export const PROXY_ADMIN = "default_user_id";

/** True when LiteLLM holds nothing but its own placeholder admin user, in no team. */
export function isEmpty(state: TeamState): boolean {
  const others = state.users.filter((u) => u.user_id !== PROXY_ADMIN);
  const admin = state.users.find((u) => u.user_id === PROXY_ADMIN);
  return others.length === 0 && state.keys.length === 0 && state.teams.length === 0 && state.team_memberships.length === 0 && (admin?.teams.length ?? 0) === 0;
}

/**
 * A test file's emulator: started before its tests (handed to `started`), reset before each test when asked, and
 * closed after them together with every workspace made through the returned set.
 */
export function teamTestFile(
  options: { enterprise?: boolean; resetEachTest?: boolean },
  started: (emu: TestEmulator) => void,
): ReturnType<typeof teamWorkspaces> {
  let emu: TestEmulator | undefined;
  const workspaces = teamWorkspaces(() => emu!);
  before(async () => {
    emu = await startTeamEmulator({ enterprise: options.enterprise });
    started(emu);
  });
  if (options.resetEachTest) beforeEach(() => emu!.reset());
  after(async () => {
    workspaces.disposeAll();
    await emu?.close();
  });
  return workspaces;
}

export function teamWorkspaces(emu: () => TestEmulator): { create(config: string): Workspace; disposeAll(): void } {
  const all: Workspace[] = [];
  return {
    create(config) {
      const ws = createWorkspace({ apiBase: emu().url, apiKey: emu().masterKey, files: { "main.tf": `${providerBlock}\n${config}` } });
      all.push(ws);
      return ws;
    },
    disposeAll() {
      for (const ws of all) ws.dispose();
    },
  };
}

export async function stateOf(ws: Workspace): Promise<Map<string, Record<string, unknown>>> {
  return resourcesByAddress(await ws.stateJson());
}
