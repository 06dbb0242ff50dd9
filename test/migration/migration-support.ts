// Shared by the migration tests: the peer-shaped configurations in configs/, rewritten by changing only the
// provider's `source` line, as a user moving to litellm-tf would.
import fs from "node:fs";
import path from "node:path";

export const configsDir = path.join(__dirname, "configs");

/** The peers' provider addresses the configurations were written for. */
export const peerSources = ["ncecere/litellm", "BerriAI/litellm"];

export function peerConfigs(): { name: string; text: string }[] {
  return fs
    .readdirSync(configsDir)
    .filter((f) => f.endsWith(".tf"))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(configsDir, name), "utf8") }));
}

/** The configuration with its `source` line pointing at litellm-tf, and the number of lines that changed. */
export function withOurSource(text: string): { text: string; changedLines: number } {
  const rewritten = text.replace(/^(\s*source\s*=\s*)"([^"]+)"/m, (_m, lead: string, source: string) => (peerSources.includes(source) ? `${lead}"litellm-tf/litellm"` : _m));
  const before = text.split("\n"), after = rewritten.split("\n");
  return { text: rewritten, changedLines: before.filter((line, i) => line !== after[i]).length };
}
