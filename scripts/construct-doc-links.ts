// The generators link every construct to the provider's page on registry.terraform.io, where litellm-tf is
// not published. Point those links at the same pages in the package's docs/ instead. Generated files sit
// at schema/<kit>/<construct>/ and compile to dist/<kit>/<construct>/, both three levels below the package
// root, so one relative path works from the sources, the READMEs and the shipped .d.ts files.
const registryDocs = /https:\/\/registry\.terraform\.io\/providers\/litellm-tf\/litellm\/[^/\s]+\/docs(?:\/(resources|data-sources)\/([a-z0-9_]+))?(#[a-z0-9_]+)?/g;
const fromConstructDir = "../../../docs/";

/** The docs/ page (relative to the package root) that a registry URL stands for; `#import` is a real section. */
function docsPage(kind: string | undefined, name: string | undefined, anchor: string | undefined): string {
  const page = kind && name ? `${kind}/${name}.md` : "index.md";
  return anchor === "#import" ? `${page}#import` : page;
}

export function rewriteDocLinks(text: string): string {
  return text
    .replace(registryDocs, (_url, kind?: string, name?: string, anchor?: string) => fromConstructDir + docsPage(kind, name, anchor))
    .replace(/Docs at Terraform Registry: /g, "Docs (litellm-tf package): ")
    .replace(/Refer to the Terraform Registry for docs: /g, "Docs in the litellm-tf package: ");
}
