// Helpers for the emulator's own tests: a started emulator and a tiny JSON client over real sockets.

import { after, before, beforeEach } from "node:test";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "./index";

export const MASTER = "sk-1234";
export const ADMIN = { authorization: `Bearer ${MASTER}` };

export interface Answer {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

export async function call(emu: RunningEmulator, method: string, path: string, init: { body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(init.headers ?? ADMIN) };
  let payload: string | undefined = init.raw;
  if (init.body !== undefined) {
    payload = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(emu.url + path, { method, headers, body: payload });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text, headers: res.headers };
}

export const get = (emu: RunningEmulator, path: string, headers?: Record<string, string>) => call(emu, "GET", path, { headers });
export const post = (emu: RunningEmulator, path: string, body: unknown, headers?: Record<string, string>) => call(emu, "POST", path, { body, headers });

/** One emulator per test file, emptied before each test. */
export function useEmulator(options: EmulatorOptions = {}): { readonly emu: RunningEmulator } {
  const holder: { emu?: RunningEmulator } = {};
  before(async () => {
    holder.emu = await startEmulator(options);
  });
  beforeEach(() => holder.emu!.reset());
  after(async () => {
    await holder.emu?.close();
  });
  return {
    get emu() {
      return holder.emu!;
    },
  };
}

/** Waits for a condition that another party makes true; no deadline of its own (the test runner has one). */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
}

export const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const PY_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00$/;
