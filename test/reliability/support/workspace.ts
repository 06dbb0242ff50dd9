// Terraform workspaces for the reliability scenarios: a provider block with the settings a scenario needs,
// and the emulator's store read back to compare with state.
import { createHash } from "node:crypto";
import { createWorkspace, type Workspace } from "../../support/terraform";
import { after, before, beforeEach } from "node:test";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";

export interface ProviderSettings {
  max_retries?: number;
  request_timeout?: number;
  ca_cert_file?: string;
  insecure_skip_verify?: boolean;
  api_base?: string;
}

export function providerHcl(settings: ProviderSettings = {}): string {
  const lines = Object.entries(settings)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `  ${k} = ${JSON.stringify(v)}`);
  return `terraform {
  required_providers {
    litellm = {
      source = "litellm-tf/litellm"
    }
  }
}

provider "litellm" {
${lines.join("\n")}
}
`;
}

export function workspaceFor(emu: TestEmulator, files: Record<string, string>, env: NodeJS.ProcessEnv = {}): Workspace {
  return createWorkspace({ apiBase: emu.url, apiKey: emu.masterKey, files, env });
}

export interface StateInstance {
  address: string;
  values: Record<string, unknown>;
  sensitive_values?: Record<string, unknown>;
  tainted: boolean;
}

/** litellm_user resource instances in state (not data sources), tainted ones included. */
export async function usersInState(ws: Workspace): Promise<StateInstance[]> {
  const show = (await ws.stateJson()) as unknown as {
    values?: { root_module?: { resources?: (Omit<StateInstance, "tainted"> & { mode: string; type: string; tainted?: boolean })[] } };
  };
  return (show.values?.root_module?.resources ?? [])
    .filter((r) => r.mode === "managed" && r.type === "litellm_user")
    .map((r) => ({ address: r.address, values: r.values, sensitive_values: r.sensitive_values, tainted: r.tainted === true }));
}

/**
 * What the comparison of state and the emulator found: users on LiteLLM that state does not know (orphans),
 * users in state that LiteLLM does not have, and keys nobody holds.
 */
export interface Reconciliation {
  orphanUsers: string[];
  missingUsers: string[];
  orphanKeys: string[];
}

export function reconcile(emu: TestEmulator, state: StateInstance[]): Reconciliation {
  const inState = new Set(state.map((s) => String(s.values.user_id)));
  const onServer = new Set(emu.store.users.keys());
  // LiteLLM stores the sha256 of each key; state holds the raw key.
  const heldKeys = new Set(state.flatMap((s) => (typeof s.values.key === "string" ? [keyToken(s.values.key)] : [])));
  return {
    orphanUsers: [...onServer].filter((id) => !inState.has(id)),
    missingUsers: [...inState].filter((id) => !onServer.has(id)),
    orphanKeys: [...emu.store.keys.keys()].filter((token) => !heldKeys.has(token)),
  };
}

export function lostCount(r: Reconciliation): number {
  return r.orphanUsers.length + r.missingUsers.length + r.orphanKeys.length;
}

export function keyToken(rawKey: string): string {
  return createHash("sha256").update(rawKey).digest("hex");
}

/** Terraform wraps diagnostics to the terminal width; match messages on the text with its line breaks undone. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ");
}

/**
 * The hooks every scenario file needs: one emulator for the file, reset before each test, and every workspace
 * made through `workspace()` disposed at the end with the emulator.
 */
export function emulatorScenario(): { readonly emu: TestEmulator; workspace(files: Record<string, string>, on?: TestEmulator): Workspace } {
  let emu: TestEmulator | undefined;
  const workspaces: Workspace[] = [];
  before(async () => {
    emu = await startTestEmulator();
  });
  beforeEach(() => emu!.reset());
  after(async () => {
    for (const ws of workspaces) ws.dispose();
    await emu?.close();
  });
  return {
    get emu() {
      if (!emu) throw new Error("the scenario's emulator starts in before()");
      return emu;
    },
    workspace(files, on) {
      const ws = workspaceFor(on ?? this.emu, files);
      workspaces.push(ws);
      return ws;
    },
  };
}
