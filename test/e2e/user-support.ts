// Shared by the litellm_user end-to-end tests: an emulator behind a recording proxy (the emulator's own
// request log holds no bodies, and these tests must prove what LiteLLM received), workspaces pointed at it,
// and readers for `terraform show -json` of states and saved plans.
import http from "node:http";
import type { AddressInfo } from "node:net";
import assert from "node:assert/strict";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { createWorkspace, providerBlock, type Workspace } from "../support/terraform";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The parsed JSON body, or undefined when there was none. Headers (the master key) are never kept. */
  body: unknown;
}

export interface Recorder {
  url: string;
  requests: RecordedRequest[];
  /** Bodies of the requests to one endpoint, oldest first. */
  bodies(method: string, path: string): Record<string, unknown>[];
  count(method: string, path: string): number;
  clear(): void;
  close(): Promise<void>;
}

/** A proxy in front of `target` that remembers every request's method, path, query and body. */
export async function startRecorder(target: string): Promise<Recorder> {
  const requests: RecordedRequest[] = [];
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? "/", target);
      let body: unknown;
      if (raw.length) {
        try {
          body = JSON.parse(raw.toString("utf8"));
        } catch {
          body = raw.toString("utf8");
        }
      }
      requests.push({ method: req.method ?? "GET", path: url.pathname, query: url.searchParams, body });
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      // A reset injected by the emulator must reach the provider as a reset too.
      forward.on("error", () => res.destroy());
      forward.end(raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const matching = (method: string, path: string) => requests.filter((r) => r.method === method && r.path === path);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    bodies: (method, path) => matching(method, path).map((r) => r.body as Record<string, unknown>),
    count: (method, path) => matching(method, path).length,
    clear: () => void requests.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface UserTestEnv {
  emu: TestEmulator;
  rec: Recorder;
  /** A workspace whose provider talks to the emulator through the recorder. */
  workspace(mainTf?: string): Workspace;
  close(): Promise<void>;
}

export async function startUserTestEnv(options: { legacy?: boolean } = {}): Promise<UserTestEnv> {
  const emu = await startTestEmulator(options);
  const rec = await startRecorder(emu.url);
  const workspaces: Workspace[] = [];
  return {
    emu,
    rec,
    workspace(mainTf) {
      const ws = createWorkspace({ apiBase: rec.url, apiKey: emu.masterKey });
      if (mainTf !== undefined) ws.write({ "main.tf": mainTf });
      if (process.env.E2E_TIMING) {
        const run = ws.terraform;
        ws.terraform = async (args, extra) => {
          const t = Date.now();
          const r = await run(args, extra);
          console.error(`TIMING ${Date.now() - t}ms terraform ${args.join(" ")}`);
          return r;
        };
      }
      workspaces.push(ws);
      return ws;
    },
    async close() {
      for (const ws of workspaces) ws.dispose();
      await rec.close();
      await emu.close();
    },
  };
}

/** main.tf text: the provider block and the given resources. */
export const tf = (body: string): string => `${providerBlock}\n${body}\n`;

export interface ShownResource {
  address: string;
  values: Record<string, unknown>;
  sensitive_values?: Record<string, unknown>;
}

/** The resources (and data sources) in state, by address. */
export async function stateResources(ws: Workspace): Promise<Map<string, ShownResource>> {
  const show = await ws.stateJson();
  return new Map((show.values?.root_module?.resources ?? []).map((x) => [x.address, x]));
}

export async function stateOf(ws: Workspace, address: string): Promise<Record<string, unknown>> {
  const found = (await stateResources(ws)).get(address);
  assert.ok(found, `${address} is in state`);
  return found.values;
}

export interface ResourceChange {
  address: string;
  change: {
    actions: string[];
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    after_unknown: Record<string, unknown>;
    after_sensitive: Record<string, unknown> | false;
    replace_paths?: unknown[][];
  };
}

export interface Diagnostic {
  severity: "error" | "warning";
  summary: string;
  detail: string;
  address?: string;
  range?: { filename: string; start: { line: number } };
  snippet?: { code: string };
}

export interface SavedPlan {
  /** Every diagnostic of the plan (the human output folds similar warnings into one). */
  diagnostics: Diagnostic[];
  changes: Map<string, ResourceChange>;
}

/** Diagnostics from terraform's -json line stream. */
export function jsonDiagnostics(stdout: string): Diagnostic[] {
  return stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as { type: string; diagnostic?: Diagnostic })
    .filter((m) => m.type === "diagnostic" && m.diagnostic)
    .map((m) => m.diagnostic!);
}

/** `terraform plan -out` then `terraform show -json` of the saved plan. Leaves plan.bin for `apply plan.bin`. */
export async function savedPlan(ws: Workspace, expectedCode = 2, extraArgs: string[] = []): Promise<SavedPlan> {
  const planned = await ws.ok(["plan", "-json", "-detailed-exitcode", "-out=plan.bin", ...extraArgs], expectedCode);
  const shown = await ws.ok(["show", "-json", "plan.bin"]);
  const plan = JSON.parse(shown.stdout) as { resource_changes?: ResourceChange[] };
  return { diagnostics: jsonDiagnostics(planned.stdout), changes: new Map((plan.resource_changes ?? []).map((c) => [c.address, c])) };
}

export function changeOf(plan: SavedPlan, address: string): ResourceChange["change"] {
  const c = plan.changes.get(address);
  assert.ok(c, `the plan has a change for ${address}`);
  return c.change;
}

/** Applies with -no-color and returns everything terraform printed. */
export async function apply(ws: Workspace, args: string[] = ["-auto-approve"], expectedCode = 0): Promise<string> {
  const r = await ws.ok(["apply", "-no-color", ...args], expectedCode);
  return r.stdout + r.stderr;
}

/** `terraform plan -detailed-exitcode` must find nothing to do. */
export async function planIsClean(ws: Workspace): Promise<string> {
  const r = await ws.ok(["plan", "-no-color", "-detailed-exitcode"], 0);
  return r.stdout + r.stderr;
}

/** The emulator's row for a user, as /user/info shows it, straight from the emulator (not recorded). */
export function storedUser(emu: TestEmulator, userId: string) {
  const row = emu.store.getUser(userId);
  assert.ok(row, `LiteLLM has user ${userId}`);
  return row;
}

export function storedUserByEmail(emu: TestEmulator, email: string) {
  const rows = emu.store.findUsersByEmail(email);
  assert.equal(rows.length, 1, `LiteLLM has exactly one user with email ${email}`);
  return rows[0];
}
