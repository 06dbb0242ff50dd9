// Results for docs/reliability.md. Each scenario records its row when it has passed its checks; rows are
// written only when `npm run bench:reliability` asks for them (RELIABILITY_RESULTS_DIR), so CI never touches the tree.
import fs from "node:fs";
import path from "node:path";

export interface ScenarioResult {
  /** Orders the table; ids compare segment by segment as numbers ("2.10" after "2.9"). */
  id: string;
  scenario: string;
  faults: string;
  outcome: string;
  /** Users or keys lost or orphaned, measured against the emulator's store. */
  lost: number;
}

export const resultsDirEnv = "RELIABILITY_RESULTS_DIR";
const rowsFile = "rows.jsonl";

export function recordScenario(result: ScenarioResult): void {
  const dir = process.env[resultsDirEnv];
  if (!dir) return;
  // One short line per append: concurrent test files never interleave within a line.
  fs.appendFileSync(path.join(dir, rowsFile), JSON.stringify(result) + "\n");
}

export function readResults(dir: string): ScenarioResult[] {
  const file = path.join(dir, rowsFile);
  if (!fs.existsSync(file)) return [];
  const rows = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as ScenarioResult);
  return rows.sort((a, b) => compareIds(a.id, b.id));
}

function compareIds(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Count a list of items as "1 user" / "3 users". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
