// The layers' import rules (.dependency-cruiser.cjs) hold: one test per rule, each naming the imports that break it.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { before, describe, test } from "node:test";
import { promisify } from "node:util";

const root = path.resolve(__dirname, "../..");
const config = require(path.join(root, ".dependency-cruiser.cjs")) as { forbidden: { name: string; comment: string }[] };

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}
interface CruiseResult {
  modules: { source: string; dependencies: { resolved: string }[] }[];
  summary: { violations: Violation[] };
}

async function cruise(): Promise<CruiseResult> {
  const bin = path.join(root, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
  const args = [bin, "--config", ".dependency-cruiser.cjs", "--output-type", "json", "provider", "test", "scripts", "schema/cdktf"];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: root, maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(stdout) as CruiseResult;
}

function describeViolation(v: Violation): string {
  const via = v.cycle?.length ? ` (cycle: ${[v.from, ...v.cycle.map((c) => c.name)].join(" → ")})` : "";
  return `  ${v.from} imports ${v.to}${via}`;
}

describe("import rules", () => {
  let result: CruiseResult;
  before(async () => {
    result = await cruise();
  });

  test("the cruise resolves the layers' imports", () => {
    const main = result.modules.find((m) => m.source === "provider/main.ts");
    assert.ok(main, "provider/main.ts was not cruised");
    assert.ok(
      main.dependencies.some((d) => d.resolved.startsWith("provider/protocol/")),
      "provider/main.ts shows no import of provider/protocol/: TypeScript imports are not being resolved",
    );
  });

  for (const rule of config.forbidden) {
    test(`${rule.name}: ${rule.comment}`, () => {
      const broken = result.summary.violations.filter((v) => v.rule.name === rule.name);
      assert.equal(broken.length, 0, `rule ${rule.name} (.dependency-cruiser.cjs) is broken by:\n${broken.map(describeViolation).join("\n")}`);
    });
  }
});
