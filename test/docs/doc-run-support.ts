// Runs the docs as a new user would: the fenced blocks of README.md, docs/installation.md and docs/cdktf.md are
// read from the files (never copied into tests), and run in a sandbox with a clean HOME, no Terraform CLI
// configuration, the packed tarball in place of the npm registry, and the emulator as the LiteLLM proxy.
//
// Conventions in the docs:
// - a block whose previous line is `*Not run by the doc tests: <reason>.*` is left out, visibly;
// - ```text blocks are sample output or path patterns: a test may compare them, none runs them;
// - every other block must be run by the test of its doc, which `claim`s it; `assertAllClaimed` fails on a block
//   that no test ran, so a new block cannot slip past.
// The few substitutions a sandbox needs (the tarball for `litellm-tf` in `npm install`, the emulator's URL for
// https://litellm.example.com, a free port for 4000) are made by `substitute` below and nowhere else.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import type { TestContext } from "node:test";

export const root = path.resolve(__dirname, "..", "..");
const notRunMarker = /^\*Not run by the doc tests: (.+)\.\*$/;

export type DocBlock = { doc: string; line: number; lang: string; text: string; notRun?: string };

/** Fenced blocks of a doc, including fences indented inside list items (their indentation removed). */
export function docBlocks(doc: string): DocBlock[] {
  const lines = fs.readFileSync(path.join(root, doc), "utf8").split("\n");
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(indent));
    const previous = lines.slice(0, i).reverse().find((l) => l.trim() !== "")?.trim() ?? "";
    const notRun = notRunMarker.exec(previous)?.[1];
    blocks.push({ doc, line: i + 1, lang: open[2] ?? "", text: `${body.join("\n")}\n`, ...(notRun ? { notRun } : {}) });
    i = j;
  }
  return blocks;
}

/** The blocks of one doc that tests must run, and which of them did. */
export class DocRun {
  readonly blocks: DocBlock[];
  private readonly claimed = new Set<DocBlock>();
  constructor(readonly doc: string) {
    this.blocks = docBlocks(doc);
  }

  /** The one runnable block of `lang` whose text contains `marker`; it counts as run by the caller. */
  claim(lang: string, marker: string): DocBlock {
    const found = this.blocks.filter((b) => b.lang === lang && !b.notRun && b.text.includes(marker));
    assert.equal(found.length, 1, `${this.doc}: expected one \`\`\`${lang} block containing ${JSON.stringify(marker)}, found ${found.length}`);
    this.claimed.add(found[0]!);
    return found[0]!;
  }

  /** Every block of `lang` (runnable, not claimed yet) for which `select` holds. */
  claimAll(lang: string, select: (b: DocBlock) => boolean): DocBlock[] {
    const found = this.blocks.filter((b) => b.lang === lang && !b.notRun && !this.claimed.has(b) && select(b));
    for (const b of found) this.claimed.add(b);
    return found;
  }

  sample(marker: string): string {
    const found = this.blocks.filter((b) => b.lang === "text" && b.text.includes(marker));
    assert.equal(found.length, 1, `${this.doc}: expected one text block containing ${JSON.stringify(marker)}`);
    return found[0]!.text;
  }

  assertAllClaimed(): void {
    const missed = this.blocks.filter((b) => b.lang !== "text" && !b.notRun && !this.claimed.has(b));
    assert.deepEqual(
      missed.map((b) => `${b.doc}:${b.line} (${b.lang}) ${b.text.split("\n")[0]}`),
      [],
      "doc blocks that no doc-run test runs: run them in test/docs, or mark them `*Not run by the doc tests: <reason>.*`",
    );
  }
}

export type Sandbox = {
  dir: string;
  home: string;
  env: NodeJS.ProcessEnv;
  /** Runs shell text (a doc block, or lines of one) with bash -e; resolves with its output. */
  sh(script: string, options?: { cwd?: string; expectedCode?: number; env?: NodeJS.ProcessEnv }): Promise<RunResult>;
};

export type RunResult = { code: number | null; stdout: string; stderr: string };

let tarball: string | undefined;
/** `npm pack` of this checkout (dist/ is built by `npm test` before the tests run), once per test process. */
export function packedTarball(): string {
  if (tarball) return tarball;
  if (!fs.existsSync(path.join(root, "dist", "cli.js"))) throw new Error("dist/ is missing: run npm run build first");
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), "litellm-doc-pack-"));
  process.on("exit", () => fs.rmSync(dest, { recursive: true, force: true }));
  const packed = spawnSync("npm", ["pack", "--ignore-scripts", "--pack-destination", dest, "--json"], { cwd: root, encoding: "utf8" });
  assert.equal(packed.status, 0, packed.stderr);
  tarball = path.join(dest, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0]!.filename);
  return tarball;
}

/** The user's npm cache (not configuration): installs in the sandbox reuse what `npm ci` downloaded. */
const npmCache = spawnSync("npm", ["config", "get", "cache"], { encoding: "utf8" }).stdout.trim();

/** A new user's machine: empty HOME, no Terraform CLI configuration, npm's global prefix inside the sandbox. */
export function sandbox(t: TestContext, name: string): Sandbox {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `litellm-doc-${name}-`));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const home = path.join(dir, "home");
  const prefix = path.join(dir, "npm-global");
  fs.mkdirSync(home);
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(TF_|LITELLM_|CDKTF_|CDKTN_|npm_|NODE_OPTIONS$|INIT_CWD$)/i.test(k)) env[k] = v;
  }
  Object.assign(env, {
    HOME: home,
    PATH: `${path.join(prefix, "bin")}${path.delimiter}${process.env.PATH}`,
    CHECKPOINT_DISABLE: "1",
    npm_config_prefix: prefix,
    npm_config_cache: npmCache,
    npm_config_prefer_offline: "true",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
  });
  const sh: Sandbox["sh"] = async (script, options = {}) => {
    const result = await run("bash", ["-euo", "pipefail", "-c", script], { cwd: options.cwd ?? dir, env: { ...env, ...options.env } });
    const expected = options.expectedCode ?? 0;
    assert.equal(result.code, expected, `${script}\nexited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
    return result;
  };
  return { dir, home, env, sh };
}

export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The sandbox's stand-ins: the tarball for the registry's litellm-tf, the emulator for the proxy, a free port. */
export function substitute(text: string, emulatorUrl?: string): string {
  let out = text.replace(/\bnpm install (-g |--save-dev )?litellm-tf\b/g, (_m, flag: string | undefined) => `npm install ${flag ?? ""}${packedTarball()}`);
  if (emulatorUrl) out = out.replaceAll("https://litellm.example.com", emulatorUrl.replace(/\/$/, ""));
  return out.replace(/--port 4000\b/g, "--port 0");
}

/** Lines of a shell block, without comments-only and empty lines. */
export function commandLines(block: DocBlock): string[] {
  return block.text.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("#"));
}

/** Starts a long-running command from a doc and waits for its first stdout line. */
export async function startDaemon(t: TestContext, script: string, box: Sandbox, cwd = box.dir): Promise<string> {
  // Its own process group: npx starts the command as a child of its own, and all of them must stop.
  const child: ChildProcess = spawn("bash", ["-c", `exec ${script}`], { cwd, env: box.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  t.after(() => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
  });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  return new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once("line", (line) => resolve(line.trim()));
    child.once("exit", (code) => reject(new Error(`${script} exited ${code} before printing a line\n${stderr}`)));
  });
}

export async function apiCall(url: string, masterKey: string, method: "GET" | "POST", route: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(new URL(route, url), {
    method,
    headers: { authorization: `Bearer ${masterKey}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/**
 * A ts block that is a constructor body (it uses `this`), inside a one-stack app of the kit it imports, as the
 * doc's complete app is: with the app's provider unless the snippet makes its own.
 */
export function wrapFragment(fragment: string, stack: string): string {
  const lines = fragment.trimEnd().split("\n");
  const kit = /from "cdktf"|from "litellm-tf\/cdktf"/.test(fragment) ? "cdktf" : "cdktn";
  const ownProvider = fragment.includes("LitellmProvider(");
  return [
    ...lines.filter((l) => l.startsWith("import ")),
    `import { App as DocApp, TerraformStack as DocStack } from "${kit}";`,
    `import { Construct as DocConstruct } from "constructs";`,
    ...(ownProvider ? [] : [`import { provider as docProvider } from "litellm-tf/${kit}";`]),
    "",
    "class FragmentStack extends DocStack {",
    "  constructor(scope: DocConstruct, id: string) {",
    "    super(scope, id);",
    ...(ownProvider ? [] : [`    new docProvider.LitellmProvider(this, "litellm", {});`]),
    ...lines.filter((l) => !l.startsWith("import ")).map((l) => `    ${l}`),
    "  }",
    "}",
    "const docApp = new DocApp();",
    `new FragmentStack(docApp, ${JSON.stringify(stack)});`,
    "docApp.synth();",
    "",
  ].join("\n");
}

export const tsconfigForApps = JSON.stringify({
  compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, skipLibCheck: true, types: ["node"] },
});

/** Type-checks `files` (names relative to `appDir`, which has a node_modules) with the app's own tsconfig. */
export async function typeCheck(appDir: string, files: string[]): Promise<void> {
  const config = path.join(appDir, "tsconfig.doc-run.json");
  fs.writeFileSync(config, JSON.stringify({ ...JSON.parse(tsconfigForApps), files }));
  const tsc = await run(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", config], { cwd: appDir, env: process.env });
  assert.equal(tsc.code, 0, `tsc ${files.join(" ")}\n${tsc.stdout}${tsc.stderr}`);
}
