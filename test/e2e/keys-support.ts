// Shared by the key, model and credential end-to-end tests: what the emulator holds, and the state file's text.
import fs from "node:fs";
import path from "node:path";
import type { TestEmulator } from "../support/emulator";
import type { Workspace } from "../support/terraform";

export interface ManagementState {
  keys: { token: string; key_alias: string | null; blocked: boolean | null; metadata: Record<string, unknown>; expires: string | null; [k: string]: unknown }[];
  models: { model_id: string; model_name: string; litellm_params: Record<string, unknown>; model_info: Record<string, unknown> }[];
  credentials: { credential_name: string; credential_values: Record<string, unknown>; credential_info: Record<string, unknown> }[];
}

export async function managementState(emu: TestEmulator): Promise<ManagementState> {
  const res = await fetch(`${emu.url}/_emulator/state`, { headers: { Authorization: `Bearer ${emu.masterKey}` } });
  if (!res.ok) throw new Error(`GET /_emulator/state answered ${res.status}`);
  return (await res.json()) as ManagementState;
}

/** The raw terraform.tfstate, as a reader of the file would see it. */
export function stateFileText(ws: Workspace): string {
  return fs.readFileSync(path.join(ws.dir, "terraform.tfstate"), "utf8");
}
