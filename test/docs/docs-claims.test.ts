// What the docs quote from the provider must exist in the provider: diagnostic summaries, environment variables,
// the spelling mappings, and a word on every attribute beyond the generated Schema section.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { loadProviderSchema, renderDocs } from "../../scripts/generate-docs";
import { budgetDurationAliases, roleAliases } from "../../provider/resources/seed-semantics";

const root = path.resolve(__dirname, "..", "..");
const pages = renderDocs(root);
const page = (rel: string) => pages.get(rel) ?? assert.fail(`no generated page ${rel}`);
const prose = (rel: string) => page(rel).split("\n## Schema\n")[0];

function providerSources(dir = path.join(root, "provider")): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return providerSources(full);
      return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? fs.readFileSync(full, "utf8") : "";
    })
    .join("\n");
}

test("every warning and error the docs name is one the provider emits", () => {
  const sources = providerSources();
  let quoted = 0;
  for (const [rel, text] of pages) {
    for (const m of text.matchAll(/\*\*(Warning|Error): ([^*]+)\*\*/g)) {
      const summary = m[2].replace(/\s+/g, " ").trim();
      quoted++;
      const oneOf = /^Give Exactly One Of (.+)$/.exec(summary);
      if (oneOf) {
        // The framework's exactlyOneOf words it from the attribute names, which the page's Schema must list.
        assert.ok(sources.includes("`Give Exactly One Of ${"), "exactlyOneOf's summary is gone from the framework");
        for (const name of oneOf[1].split(" And ")) assert.ok(text.includes(`- \`${name}\``), `docs/${rel} names ${name}, which its Schema does not list`);
        continue;
      }
      assert.ok(sources.includes(JSON.stringify(summary)), `docs/${rel} names ${m[1]} "${summary}", which no provider code emits`);
    }
  }
  assert.ok(quoted >= 8, `expected the resource's warnings and errors to be named, found ${quoted}`);
});

test("every environment variable in the provider page is one the provider reads", () => {
  const providerCode = fs.readFileSync(path.join(root, "provider", "resources", "provider.ts"), "utf8");
  const vars = new Set(page("index.md").match(/LITELLM_[A-Z_]+/g) ?? []);
  assert.ok(vars.size >= 6, "each provider argument's variable is documented");
  for (const v of vars) assert.ok(providerCode.includes(`env.${v}`), `docs/index.md names ${v}, which provider.ts does not read`);
});

test("the resource page states each spelling the provider maps", () => {
  const text = prose("resources/user.md");
  for (const [alias, native] of [...Object.entries(roleAliases), ...Object.entries(budgetDurationAliases)]) {
    assert.ok(text.includes(`\`${alias}\` → \`${native}\``), `the mapping ${alias} → ${native} is documented`);
  }
});

test("the prose of each page mentions every attribute, not only the Schema section", () => {
  const schema = loadProviderSchema(root);
  const cases = [
    ["index.md", schema.provider.block],
    ["resources/user.md", schema.resource_schemas!.litellm_user.block],
    ["data-sources/user.md", schema.data_source_schemas!.litellm_user.block],
  ] as const;
  for (const [rel, block] of cases) {
    const text = prose(rel);
    const missing = Object.keys(block.attributes ?? {}).filter((a) => !text.includes(`\`${a}\``) && !new RegExp(`\\b${a}\\s*=`).test(text));
    assert.deepEqual(missing, [], `docs/${rel} says nothing about these attributes outside its Schema section`);
  }
});
