// Runs node's built-in test runner over every *.test.ts under the given folders (Node 20's --test does not
// expand globs itself). Usage: node scripts/run-tests.mjs [folder...]   (default: provider test)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const folders = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith("--"));

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : testFiles(full);
    return entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

const files = (folders.length ? folders : ["provider", "test"]).flatMap((f) => {
  const full = path.resolve(root, f);
  return fs.statSync(full).isFile() ? [full] : testFiles(full);
}).sort().map((f) => path.relative(root, f));
if (files.length === 0) {
  console.error("no test files found");
  process.exit(1);
}
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...passThrough, ...files], { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
