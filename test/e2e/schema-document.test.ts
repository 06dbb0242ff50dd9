// One source: the schema Terraform sees from the built provider is exactly the schema document.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createWorkspace, providerBlock, repoRoot, type Workspace } from "../support/terraform";

let ws: Workspace | undefined;
after(() => ws?.dispose());

test("terraform providers schema -json equals schema/litellm.schema.json", async () => {
  ws = createWorkspace({ apiBase: "http://127.0.0.1:9", apiKey: "sk-unused", files: { "main.tf": providerBlock } });
  const r = await ws.ok(["providers", "schema", "-json"]);
  const served = JSON.parse(r.stdout);
  const document = JSON.parse(fs.readFileSync(path.join(repoRoot, "schema", "litellm.schema.json"), "utf8"));
  assert.deepEqual(served, document);
});
