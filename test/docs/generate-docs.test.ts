// The docs generator on its own: the Schema section, the template language, and the default page.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderDocs, renderTemplate, schemaMarkdown, typeText, writeDocs, type PageContext } from "../../scripts/generate-docs";

const temps: string[] = [];
after(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});
function tempRepo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "litellm-docs-"));
  temps.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

test("type names follow the registry's wording", () => {
  assert.equal(typeText("string"), "String");
  assert.equal(typeText("bool"), "Boolean");
  assert.equal(typeText(["list", "string"]), "List of String");
  assert.equal(typeText(["map", ["set", "number"]]), "Map of Set of Number");
  assert.throws(() => typeText(["weird", "string"]), /unsupported attribute type/);
});

test("attributes are grouped Required / Optional / Read-Only and sorted by name", () => {
  const md = schemaMarkdown({
    attributes: {
      zeta: { type: "string", optional: true, description: "Z." },
      alpha: { type: "string", optional: true, computed: true, description: "A." },
      secret: { type: "string", computed: true, sensitive: true, description: "S." },
      name: { type: "string", required: true, description: "N." },
      old: { type: "number", optional: true, deprecated: true },
    },
  });
  assert.equal(
    md,
    [
      "## Schema",
      "### Required",
      "- `name` (String) N.",
      "### Optional",
      "- `alpha` (String) A.\n- `old` (Number, Deprecated)\n- `zeta` (String) Z.",
      "### Read-Only",
      "- `secret` (String, Sensitive) S.",
    ].join("\n\n"),
  );
});

test("nested blocks and nested attributes get their own anchored sections", () => {
  const md = schemaMarkdown({
    attributes: {
      limits: { nested_type: { nesting_mode: "list", attributes: { rpm: { type: "number", required: true } } }, optional: true, description: "Limits." },
    },
    block_types: {
      timeouts: { nesting_mode: "single", block: { attributes: { create: { type: "string", optional: true } } } },
      rule: { nesting_mode: "list", min_items: 1, max_items: 3, block: { description: "Rules.", block_types: { match: { nesting_mode: "set", block: { attributes: { path: { type: "string", required: true } } } } } } },
    },
  });
  assert.match(md, /### Required\n\n- `rule` \(Block List, Min: 1, Max: 3\) Rules\. \(see \[below for nested schema\]\(#nestedblock--rule\)\)/);
  assert.match(md, /- `limits` \(Attributes List\) Limits\. \(see \[below for nested schema\]\(#nestedatt--limits\)\)/);
  assert.match(md, /- `timeouts` \(Block\) \(see \[below for nested schema\]\(#nestedblock--timeouts\)\)/);
  assert.match(md, /<a id="nestedatt--limits"><\/a>\n### Nested Schema for `limits`\n\nRequired:\n\n- `rpm` \(Number\)/);
  assert.match(md, /<a id="nestedblock--rule--match"><\/a>\n### Nested Schema for `rule\.match`\n\nRequired:\n\n- `path` \(String\)/);
  assert.ok(md.indexOf('id="nestedblock--rule"') < md.indexOf('id="nestedblock--rule--match"'), "a nested schema comes before its own nested schemas");
});

const ctx: PageContext = { Name: "litellm_thing", Type: "Resource", ProviderName: "litellm", Description: "A thing.", SchemaMarkdown: "## Schema" };

test("templates fill fields and embed files from the repository", () => {
  const repo = tempRepo({ "examples/a.tf": "resource \"x\" \"y\" {}\n\n", "examples/i.sh": "terraform import x.y 1\n" });
  const out = renderTemplate('# {{ .Name }} ({{.Type}})\n{{ tffile "examples/a.tf" }}\n{{ codefile "shell" "examples/i.sh" }}\n', ctx, "t", repo);
  assert.equal(out, '# litellm_thing (Resource)\n```terraform\nresource "x" "y" {}\n```\n```shell\nterraform import x.y 1\n```\n');
});

test("templates fail loudly on what they do not understand", () => {
  const repo = tempRepo({});
  assert.throws(() => renderTemplate("{{ .Nope }}", ctx, "t.tmpl", repo), /t\.tmpl: unknown field \{\{ \.Nope \}\}/);
  assert.throws(() => renderTemplate("{{ .Description | trimspace }}", ctx, "t.tmpl", repo), /unsupported template action/);
  assert.throws(() => renderTemplate('{{ tffile "missing.tf" }}', ctx, "t.tmpl", repo), /missing\.tf does not exist/);
  assert.throws(() => renderTemplate('{{ tffile "../outside.tf" }}', ctx, "t.tmpl", repo), /outside the repository/);
  assert.throws(() => renderTemplate("{{ .Name ", ctx, "t.tmpl", repo), /unclosed/);
});

test("a resource without a template gets the default page; stale pages are removed on write", () => {
  const schema = {
    provider_schemas: {
      "registry.terraform.io/litellm-tf/litellm": {
        provider: { block: { description: "P.", attributes: { api_base: { type: "string", optional: true, description: "URL." } } } },
        resource_schemas: { litellm_team: { block: { description: "Manages a team.", attributes: { team_id: { type: "string", computed: true } } } } },
        data_source_schemas: {},
      },
    },
  };
  const repo = tempRepo({
    "schema/litellm.schema.json": JSON.stringify(schema),
    "examples/resources/litellm_team/resource.tf": 'resource "litellm_team" "t" {}\n',
    "examples/resources/litellm_team/import.sh": "terraform import litellm_team.t team-1\n",
  });
  const pages = renderDocs(repo);
  assert.deepEqual([...pages.keys()], ["index.md", "resources/team.md"]);
  const team = pages.get("resources/team.md")!;
  assert.match(team, /^---\n# generated by scripts\/generate-docs\.ts from the default page template/);
  assert.match(team, /page_title: "litellm_team Resource - litellm"\nsubcategory: ""\ndescription: \|-\n  Manages a team\.\n---/);
  assert.match(team, /# litellm_team \(Resource\)\n\nManages a team\.\n\n## Example Usage\n\n```terraform\nresource "litellm_team" "t" \{\}\n```/);
  assert.match(team, /### Read-Only\n\n- `team_id` \(String\)\n\n## Import\n\nImport is supported using the following syntax:\n\n```shell\nterraform import litellm_team.t team-1\n```\n$/);
  assert.match(pages.get("index.md")!, /# litellm Provider\n\nP\.\n\n## Schema\n\n### Optional\n\n- `api_base` \(String\) URL\.\n$/);

  const out = path.join(repo, "docs");
  fs.mkdirSync(path.join(out, "resources"), { recursive: true });
  fs.writeFileSync(path.join(out, "resources", "gone.md"), "old");
  fs.writeFileSync(path.join(out, "guide.md"), "hand-written");
  writeDocs(out, pages);
  assert.deepEqual(fs.readdirSync(path.join(out, "resources")), ["team.md"]);
  assert.equal(fs.readFileSync(path.join(out, "guide.md"), "utf8"), "hand-written", "guides beside the generated pages are kept");
});
