// Generates the registry docs, docs/index.md, docs/resources/ and docs/data-sources/, the way tfplugindocs does:
// the schema section comes from schema/litellm.schema.json, examples from examples/, prose from templates/.
// Usage: npm run generate:docs [-- --out <dir>]   (default out: docs)
// docs/resources/ and docs/data-sources/ are wiped and rewritten; other files in docs/ (guides) are left alone.
import fs from "node:fs";
import path from "node:path";
import { parseScriptArgs } from "../provider/cli/command-line";
import type { JsonAttribute, JsonBlock } from "../provider/framework/schema";

const root = path.resolve(__dirname, "..");
const providerAddress = "registry.terraform.io/litellm-tf/litellm";
const providerName = "litellm";
export const generatedDirs = ["resources", "data-sources"] as const;

// ---- the schema document's shape (terraform providers schema -json) ----

export type SchemaAttribute = JsonAttribute;
export type SchemaBlock = JsonBlock;
interface ProviderSchema {
  provider: { block: SchemaBlock };
  resource_schemas?: Record<string, { block: SchemaBlock }>;
  data_source_schemas?: Record<string, { block: SchemaBlock }>;
}

export function loadProviderSchema(repoRoot = root): ProviderSchema {
  const file = path.join(repoRoot, "schema", "litellm.schema.json");
  const doc = JSON.parse(fs.readFileSync(file, "utf8")) as { provider_schemas?: Record<string, ProviderSchema> };
  const schema = doc.provider_schemas?.[providerAddress];
  if (!schema) throw new Error(`${file} has no provider_schemas["${providerAddress}"]`);
  return schema;
}

// ---- the Schema section ----

export function typeText(type: unknown): string {
  if (type === "string") return "String";
  if (type === "number") return "Number";
  if (type === "bool") return "Boolean";
  if (type === "dynamic") return "Dynamic";
  if (Array.isArray(type)) {
    const [kind, inner] = type as [string, unknown];
    if (kind === "list" || kind === "set" || kind === "map") return `${kind[0].toUpperCase()}${kind.slice(1)} of ${typeText(inner)}`;
    if (kind === "object") return "Object";
    if (kind === "tuple") return "Tuple";
  }
  throw new Error(`unsupported attribute type ${JSON.stringify(type)}`);
}

type Group = "Required" | "Optional" | "Read-Only";
interface Entry {
  name: string;
  group: Group;
  text: string;
  nested?: { anchor: string; block: SchemaBlock };
}

function groupOf(a: { required?: boolean; optional?: boolean }): Group {
  return a.required ? "Required" : a.optional ? "Optional" : "Read-Only";
}

function line(name: string, kind: string, flags: (string | false | undefined)[], description: string | undefined, seeBelow?: string): string {
  const label = [kind, ...flags.filter((f): f is string => Boolean(f))].join(", ");
  const desc = (description ?? "").trim();
  const below = seeBelow ? ` (see [below for nested schema](#${seeBelow}))` : "";
  return `- \`${name}\` (${label})${desc ? ` ${desc}` : ""}${below}`;
}

function entries(block: SchemaBlock, prefix: string): Entry[] {
  const out: Entry[] = [];
  for (const [name, a] of Object.entries(block.attributes ?? {})) {
    const flags = [a.sensitive && "Sensitive", a.write_only && "Write-only", a.deprecated && "Deprecated"];
    if (a.nested_type) {
      const anchor = `nestedatt--${prefix}${name}`;
      const mode = a.nested_type.nesting_mode;
      const kind = mode === "single" ? "Attributes" : `Attributes ${mode[0].toUpperCase()}${mode.slice(1)}`;
      out.push({ name, group: groupOf(a), text: line(name, kind, flags, a.description, anchor), nested: { anchor, block: { attributes: a.nested_type.attributes } } });
    } else {
      out.push({ name, group: groupOf(a), text: line(name, typeText(a.type), flags, a.description) });
    }
  }
  for (const [name, b] of Object.entries(block.block_types ?? {})) {
    const anchor = `nestedblock--${prefix}${name}`;
    const mode = b.nesting_mode === "group" ? "single" : b.nesting_mode;
    const kind = mode === "single" ? "Block" : `Block ${mode[0].toUpperCase()}${mode.slice(1)}`;
    const flags = [b.min_items ? `Min: ${b.min_items}` : undefined, b.max_items ? `Max: ${b.max_items}` : undefined, b.block.deprecated && "Deprecated"];
    out.push({ name, group: (b.min_items ?? 0) > 0 ? "Required" : "Optional", text: line(name, kind, flags, b.block.description, anchor), nested: { anchor, block: b.block } });
  }
  return out.sort((x, y) => x.name.localeCompare(y.name));
}

const groups: Group[] = ["Required", "Optional", "Read-Only"];

/** The `## Schema` section: attributes grouped Required / Optional / Read-Only, nested schemas after them. */
export function schemaMarkdown(block: SchemaBlock): string {
  const parts: string[] = ["## Schema"];
  const nested: { anchor: string; name: string; block: SchemaBlock; prefix: string }[] = [];
  const collect = (list: Entry[], prefix: string) => {
    for (const e of list) if (e.nested) nested.push({ anchor: e.nested.anchor, name: `${prefix}${e.name}`, block: e.nested.block, prefix: `${prefix}${e.name}--` });
  };
  const top = entries(block, "");
  for (const g of groups) {
    const lines = top.filter((e) => e.group === g).map((e) => e.text);
    if (lines.length) parts.push(`### ${g}`, lines.join("\n"));
  }
  collect(top, "");
  // Breadth-first, so a nested schema's own nested schemas follow it.
  for (let i = 0; i < nested.length; i++) {
    const n = nested[i];
    const inner = entries(n.block, n.prefix);
    parts.push(`<a id="${n.anchor}"></a>\n### Nested Schema for \`${n.name.replace(/--/g, ".")}\``);
    for (const g of groups) {
      const lines = inner.filter((e) => e.group === g).map((e) => e.text);
      if (lines.length) parts.push(`${g}:`, lines.join("\n"));
    }
    collect(inner, n.prefix);
  }
  return parts.join("\n\n");
}

// ---- templates ----

export interface PageContext {
  Name: string;
  Type: string;
  ProviderName: string;
  Description: string;
  SchemaMarkdown: string;
}

function readRepoFile(repoRoot: string, rel: string, where: string): string {
  const file = path.resolve(repoRoot, rel);
  if (!file.startsWith(repoRoot + path.sep)) throw new Error(`${where}: ${rel} is outside the repository`);
  if (!fs.existsSync(file)) throw new Error(`${where}: ${rel} does not exist`);
  return fs.readFileSync(file, "utf8").replace(/\r\n/g, "\n").trimEnd();
}

const fence = (lang: string, text: string) => `\`\`\`${lang}\n${text}\n\`\`\``;

/**
 * Fills a template. Understands the subset of tfplugindocs' template language this project uses:
 * {{ .Name }} {{ .Type }} {{ .ProviderName }} {{ .Description }} {{ .SchemaMarkdown }},
 * {{ tffile "path" }} and {{ codefile "lang" "path" }} (paths relative to the repository). Anything else fails.
 */
export function renderTemplate(template: string, ctx: PageContext, where: string, repoRoot = root): string {
  const out = template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_match, action: string) => {
    const field = /^\.(\w+)$/.exec(action);
    if (field) {
      if (!Object.prototype.hasOwnProperty.call(ctx, field[1])) throw new Error(`${where}: unknown field {{ ${action} }}`);
      return ctx[field[1] as keyof PageContext];
    }
    const tf = /^tffile\s+"([^"]+)"$/.exec(action);
    if (tf) return fence("terraform", readRepoFile(repoRoot, tf[1], where));
    const code = /^codefile\s+"([\w-]+)"\s+"([^"]+)"$/.exec(action);
    if (code) return fence(code[1], readRepoFile(repoRoot, code[2], where));
    throw new Error(`${where}: unsupported template action {{ ${action} }}`);
  });
  if (out.includes("{{")) throw new Error(`${where}: an unclosed {{ is left after rendering`);
  return out;
}

/** The page used when templates/ has none for a resource or data source. */
function defaultTemplate(exampleRel: string | null, importRel: string | null): string {
  const parts = ["# {{ .Name }} ({{ .Type }})", "{{ .Description }}"];
  if (exampleRel) parts.push("## Example Usage", `{{ tffile "${exampleRel}" }}`);
  parts.push("{{ .SchemaMarkdown }}");
  if (importRel) parts.push("## Import", "Import is supported using the following syntax:", `{{ codefile "shell" "${importRel}" }}`);
  return parts.join("\n\n") + "\n";
}

function stampFor(source: string): string {
  return `generated by scripts/generate-docs.ts from ${source} and schema/litellm.schema.json; do not edit, run \`npm run generate:docs\``;
}

function frontmatter(pageTitle: string, description: string, source: string): string {
  const desc = description.trim().split("\n").map((l) => `  ${l}`.trimEnd());
  return ["---", `# ${stampFor(source)}`, `page_title: ${JSON.stringify(pageTitle)}`, 'subcategory: ""', "description: |-", ...desc, "---", ""].join("\n");
}

function tidy(text: string): string {
  return text.replace(/[ \t]+$/gm, "").trimEnd() + "\n";
}

// ---- the pages ----

interface PageSpec {
  out: string;
  title: string;
  templateRel: string;
  fallback: () => string;
  ctx: PageContext;
}

function exists(repoRoot: string, rel: string): string | null {
  return fs.existsSync(path.join(repoRoot, rel)) ? rel : null;
}

function pageSpecs(repoRoot: string): PageSpec[] {
  const schema = loadProviderSchema(repoRoot);
  const specs: PageSpec[] = [];
  const providerBlock = schema.provider.block;
  specs.push({
    out: "index.md",
    title: `${providerName} Provider`,
    templateRel: "templates/index.md.tmpl",
    fallback: () => {
      const example = exists(repoRoot, "examples/provider/provider.tf");
      return ["# {{ .ProviderName }} Provider", "{{ .Description }}", ...(example ? ["## Example Usage", `{{ tffile "${example}" }}`] : []), "{{ .SchemaMarkdown }}"].join("\n\n");
    },
    ctx: { Name: providerName, Type: "Provider", ProviderName: providerName, Description: providerBlock.description ?? "", SchemaMarkdown: schemaMarkdown(providerBlock) },
  });
  const kinds = [
    { schemas: schema.resource_schemas ?? {}, dir: "resources", type: "Resource", example: "resource.tf" },
    { schemas: schema.data_source_schemas ?? {}, dir: "data-sources", type: "Data Source", example: "data-source.tf" },
  ];
  for (const kind of kinds) {
    for (const [typeName, { block }] of Object.entries(kind.schemas).sort(([a], [b]) => a.localeCompare(b))) {
      const short = typeName.startsWith(`${providerName}_`) ? typeName.slice(providerName.length + 1) : typeName;
      specs.push({
        out: `${kind.dir}/${short}.md`,
        title: `${typeName} ${kind.type} - ${providerName}`,
        templateRel: `templates/${kind.dir}/${short}.md.tmpl`,
        fallback: () =>
          defaultTemplate(
            exists(repoRoot, `examples/${kind.dir}/${typeName}/${kind.example}`),
            kind.dir === "resources" ? exists(repoRoot, `examples/resources/${typeName}/import.sh`) : null,
          ),
        ctx: { Name: typeName, Type: kind.type, ProviderName: providerName, Description: block.description ?? "", SchemaMarkdown: schemaMarkdown(block) },
      });
    }
  }
  return specs;
}

/** Every generated page, by path relative to docs/. */
export function renderDocs(repoRoot = root): Map<string, string> {
  const pages = new Map<string, string>();
  for (const spec of pageSpecs(repoRoot)) {
    const hasTemplate = fs.existsSync(path.join(repoRoot, spec.templateRel));
    const source = hasTemplate ? spec.templateRel : "the default page template";
    const template = hasTemplate ? fs.readFileSync(path.join(repoRoot, spec.templateRel), "utf8") : spec.fallback();
    const body = renderTemplate(template, spec.ctx, hasTemplate ? spec.templateRel : spec.out, repoRoot);
    pages.set(spec.out, tidy(frontmatter(spec.title, spec.ctx.Description, source) + "\n" + body));
  }
  return pages;
}

export function writeDocs(outDir: string, pages: Map<string, string>): void {
  for (const dir of generatedDirs) fs.rmSync(path.join(outDir, dir), { recursive: true, force: true });
  for (const [rel, text] of pages) {
    const file = path.join(outDir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

function main(): void {
  const values = parseScriptArgs(
    { command: "scripts/generate-docs.ts", flags: { out: { type: "string", value: "DIR", description: "where the generated pages go (default docs)" } } },
    process.argv.slice(2),
  );
  const outDir = path.resolve(values.out ?? path.join(root, "docs"));
  const pages = renderDocs();
  writeDocs(outDir, pages);
  console.log(`wrote ${[...pages.keys()].join(", ")} to ${path.relative(process.cwd(), outDir) || "."}`);
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
}
