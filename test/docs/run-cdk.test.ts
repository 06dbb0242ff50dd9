// docs/cdktf.md, run block by block as a new user would (see doc-run-support.ts for the conventions): an app
// installed from the packed tarball, synthesized, deployed from the implied mirror against the emulator, planned
// clean and destroyed, with CDK Terrain and with CDKTF; every snippet type-checks and synthesizes; and the
// generateConfigForImport worked example imports a user LiteLLM made, whose key survives.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startEmulator } from "../../provider/emulator";
import { apiCall, commandLines, DocRun, root, run, sandbox, substitute, typeCheck, wrapFragment, type Sandbox } from "./doc-run-support";

const doc = new DocRun("docs/cdktf.md");
const timeout = { timeout: 900_000 };
type Kit = "cdktn" | "cdktf";
// The doc is written for CDK Terrain and says: for CDKTF read `cdktf` wherever it says `cdktn`.
const forKit = (text: string, kit: Kit) => (kit === "cdktn" ? text : text.replaceAll("cdktn", "cdktf"));
// cdktn-cli 0.24 wants Node 22; CI has Node 20 (see test/cdktf/cdktn-cli-on-node20.cjs, and the doc's note).
const node20Shim = { NODE_OPTIONS: `--require ${path.join(root, "test", "cdktf", "cdktn-cli-on-node20.cjs")}` };

async function installApp(box: Sandbox, kit: Kit): Promise<string> {
  const app = path.join(box.dir, `${kit}-app`);
  fs.mkdirSync(app);
  await box.sh(substitute(doc.claim("sh", `npm install --save-dev ${kit}-cli@`).text), { cwd: app });
  fs.writeFileSync(path.join(app, "cdktf.json"), doc.claim("json", '"terraformProviders"').text);
  fs.writeFileSync(path.join(app, "main.ts"), forKit(doc.claim("ts", "app.synth()").text, kit));
  fs.writeFileSync(path.join(app, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, skipLibCheck: true } }));
  return app;
}

/** The "Synth and deploy" block, line by line (each after the `export` line), checking the server between. */
async function deployAndDestroy(box: Sandbox, app: string, kit: Kit, emulatorUrl: string): Promise<void> {
  const env = kit === "cdktn" ? node20Shim : {};
  const [exportLine, ...steps] = commandLines(doc.claim("sh", "npx cdktn deploy users")).map((l) => forKit(substitute(l, emulatorUrl), kit));
  assert.match(exportLine!, /^export LITELLM_API_BASE=/);
  const users = async () => ((await apiCall(emulatorUrl, "sk-1234", "GET", "/user/list")).json.users as Array<{ user_email: string | null }>).map((u) => u.user_email);
  for (const step of steps) {
    await box.sh(`${exportLine}\n${step}`, { cwd: app, env });
    if (/ deploy /.test(step)) {
      assert.ok((await users()).includes("alice@example.com"), `${step} created alice`);
      const stackDir = path.join(app, "cdktf.out", "stacks", "users");
      await box.sh("terraform plan -detailed-exitcode -no-color", { cwd: stackDir, env: { LITELLM_API_BASE: emulatorUrl, LITELLM_API_KEY: "sk-1234" } });
    }
    if (/ destroy /.test(step)) assert.ok(!(await users()).includes("alice@example.com"), `${step} deleted alice`);
  }
}

/** Every snippet (a constructor body) in an app of its own, type-checked together, then each synthesized. */
async function checkSnippets(box: Sandbox, app: string, kit: Kit): Promise<void> {
  const snippets = doc.blocks.filter((b) => b.lang === "ts" && !b.text.includes("app.synth()"));
  doc.claimAll("ts", (b) => snippets.includes(b));
  assert.ok(snippets.length >= 4, "the provider, resources and import snippets");
  const files = snippets.map((b, i) => {
    const file = `snippet-${b.line}.ts`;
    fs.writeFileSync(path.join(app, file), wrapFragment(forKit(b.text, kit), `snippet${i}`));
    return file;
  });
  await typeCheck(app, files);
  for (const file of files) {
    const synth = await run(process.execPath, [path.join(app, "node_modules", "tsx", "dist", "cli.mjs"), file], { cwd: app, env: { ...box.env, CDKTF_OUTDIR: path.join(app, "snippets.out") } });
    assert.equal(synth.code, 0, `${file}\n${synth.stderr}`);
  }
}

for (const kit of ["cdktn", "cdktf"] as const) {
  test(`cdktf.md with ${kit}: install from the tarball, the complete app, install the provider, synth, deploy, plan clean, destroy; every snippet`, timeout, async (t) => {
    const box = sandbox(t, `cdk-${kit}`);
    const emulator = await startEmulator({ port: 0, masterKey: "sk-1234" });
    t.after(() => emulator.close());
    const app = await installApp(box, kit);
    await typeCheck(app, ["main.ts"]);
    const install = await box.sh(doc.claim("sh", "npx litellm-tf install").text, { cwd: app });
    assert.match(install.stdout, /without any CLI configuration/);
    await deployAndDestroy(box, app, kit, emulator.url);
    await checkSnippets(box, app, kit);
  });
}

test("cdktf.md: the generateConfigForImport worked example imports a user LiteLLM made, and its key survives", timeout, async (t) => {
  const box = sandbox(t, "cdk-import");
  const emulator = await startEmulator({ port: 0, masterKey: "sk-1234" });
  t.after(() => emulator.close());
  // The user of the doc's sample output, made with LiteLLM's defaults (so with a virtual key).
  const created = await apiCall(emulator.url, "sk-1234", "POST", "/user/new", { user_email: "legacy@example.com", user_alias: "legacy", max_budget: 25, models: ["gpt-4"] });
  assert.equal(created.status, 200, JSON.stringify(created.json));
  const key = String(created.json.key);
  assert.match(key, /^sk-/);

  const app = await installApp(box, "cdktn");
  await box.sh(doc.claim("sh", "npx litellm-tf install").text, { cwd: app });
  const worked = doc.blocks.find((b) => b.lang === "ts" && b.text.includes("maxBudget: 25") && b.text.includes(".importFrom("));
  assert.ok(worked, "the worked example");
  fs.writeFileSync(path.join(app, "main.ts"), wrapFragment(worked.text, "users"));
  const env = { ...node20Shim, LITELLM_API_BASE: emulator.url, LITELLM_API_KEY: "sk-1234" };
  await box.sh("npx cdktn deploy users --auto-approve --skip-provider-lock", { cwd: app, env });
  const stackDir = path.join(app, "cdktf.out", "stacks", "users");
  await box.sh("terraform plan -detailed-exitcode -no-color", { cwd: stackDir, env });
  const listed = await apiCall(emulator.url, "sk-1234", "GET", "/user/list");
  const emails = listed.json.users.map((u: { user_email: string | null }) => u.user_email).filter(Boolean);
  assert.deepEqual(emails, ["legacy@example.com"], "adopted, not created again");
  // LiteLLM still holds the key (an admin read finds it), and the key itself still authenticates: the
  // emulator, like LiteLLM, refuses a non-admin key on admin routes only after it has recognised it.
  const info = await apiCall(emulator.url, "sk-1234", "GET", `/key/info?key=${encodeURIComponent(key)}`);
  assert.equal(info.status, 200, `the key LiteLLM made still exists: ${JSON.stringify(info.json)}`);
  const asUser = await apiCall(emulator.url, key, "GET", "/user/list");
  assert.match(JSON.stringify(asUser.json), /Only proxy admin/, "the key authenticates (as a non-admin)");

  doc.assertAllClaimed();
});
