// The emulator for tests: started in-process on a free port, with a fresh master key per test file.
import { randomBytes } from "node:crypto";
import { startEmulator } from "../../provider/emulator";

export type TestEmulator = Awaited<ReturnType<typeof startEmulator>> & { masterKey: string };

/** `enterprise`: as with an enterprise licence, which LiteLLM needs for team admins. */
export async function startTestEmulator(options: { legacy?: boolean; enterprise?: boolean } = {}): Promise<TestEmulator> {
  const masterKey = `sk-test-${randomBytes(12).toString("hex")}`;
  const emulator = await startEmulator({ port: 0, masterKey, legacy: options.legacy ?? false, enterprise: options.enterprise ?? false });
  return Object.assign(emulator, { masterKey });
}

export interface EmulatorState {
  users: Record<string, unknown>[];
  keys: Record<string, unknown>[];
}

/** Everything the emulator holds, as its inspection endpoint answers. */
export async function emulatorSnapshot<T>(emu: TestEmulator): Promise<T> {
  const res = await fetch(`${emu.url}/_emulator/state`, { headers: { Authorization: `Bearer ${emu.masterKey}` } });
  if (!res.ok) throw new Error(`GET /_emulator/state answered ${res.status}`);
  return (await res.json()) as T;
}

/** The users and keys the emulator holds. */
export async function emulatorState(emu: TestEmulator): Promise<EmulatorState> {
  const body = await emulatorSnapshot<Partial<EmulatorState>>(emu);
  return { users: body.users ?? [], keys: body.keys ?? [] };
}

/** Calls a LiteLLM endpoint with the master key, as an out-of-band admin would. */
export async function adminCall(emu: TestEmulator, method: "GET" | "POST" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${emu.masterKey}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed };
}
