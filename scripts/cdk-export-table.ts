// The table of litellm-tf/cdktn and litellm-tf/cdktf exports in docs/cdktf.md, written from the generated
// constructs (which come from the schema document), so a new resource appears there when it is generated.
import fs from "node:fs";
import path from "node:path";

export const exportTableStart = "<!-- exports: written by `npm run generate:cdktf` from the generated constructs; do not edit -->";
export const exportTableEnd = "<!-- /exports -->";

type Export = { name: string; folder: string; className: string; kind: string; tfType: string };

function readExports(constructsDir: string): Export[] {
  const index = fs.readFileSync(path.join(constructsDir, "index.ts"), "utf8");
  return [...index.matchAll(/^export \* as (\w+) from '\.\/([\w-]+)(?:\/index)?';$/gm)].map(([, name, folder]) => {
    const source = fs.readFileSync(path.join(constructsDir, folder!, "index.ts"), "utf8");
    const cls = /^export class (\w+) extends \w+\.Terraform(Resource|DataSource|Provider) \{/m.exec(source);
    const tfType = /public static readonly tfResourceType = "([\w]+)";/.exec(source);
    if (!cls || !tfType) throw new Error(`${folder}/index.ts: no construct class or tfResourceType`);
    return { name: name!, folder: folder!, className: cls[1]!, kind: cls[2]!, tfType: tfType[1]! };
  });
}

const kindOrder = ["Provider", "Resource", "DataSource"];

function row(e: Export): string {
  const short = e.tfType.replace(/^litellm_/, "");
  const [terraform, page] =
    e.kind === "Provider"
      ? [`\`provider "${e.tfType}"\``, "index.md"]
      : e.kind === "Resource"
        ? [`resource \`${e.tfType}\``, `resources/${short}.md`]
        : [`data source \`${e.tfType}\``, `data-sources/${short}.md`];
  return `| \`${e.name}\` | \`${e.className}\`, \`${e.className}Config\` | ${terraform} | [${page}](${page}) |`;
}

export function renderExportTable(constructsDir: string): string {
  const rows = readExports(constructsDir)
    .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.tfType.localeCompare(b.tfType))
    .map(row);
  return [exportTableStart, "| Export | Classes | Terraform | Reference |", "|---|---|---|---|", ...rows, exportTableEnd].join("\n");
}

/** docs/cdktf.md with the table between the markers replaced by `table`. */
export function withExportTable(doc: string, table: string): string {
  const start = doc.indexOf(exportTableStart);
  const end = doc.indexOf(exportTableEnd);
  if (start < 0 || end < start) throw new Error("docs/cdktf.md has no export table markers");
  return doc.slice(0, start) + table + doc.slice(end + exportTableEnd.length);
}
