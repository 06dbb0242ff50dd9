// Compiles the generated constructs of one kit (schema/cdktf/ or schema/cdktn/) to CommonJS + .d.ts in
// dist/<kit>/, the target of the package's "./<kit>" export. Called by scripts/build.mjs; runs alone too.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function buildConstructs(kit = "cdktf", finalDir = path.join(root, "dist", kit)) {
  // Compile into a scratch folder, then move each file over its target: a test that uses dist/<kit> while
  // another build runs never finds it missing or half written.
  const outDir = `${finalDir}.${process.pid}.tmp`;
  const srcDir = path.join(root, "schema", kit);
  const entries = ["index.ts", "lazy-index.ts"].map((f) => path.join(srcDir, f));
  for (const entry of entries) {
    if (!fs.existsSync(entry)) throw new Error(`${path.relative(root, entry)} is missing; run npm run generate:cdktf`);
  }
  // Options of their own: generated code is not written for the root tsconfig's extra lint flags.
  const options = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    declaration: true,
    skipLibCheck: true,
    types: [],
    rootDir: srcDir,
    outDir,
    newLine: ts.NewLineKind.LineFeed,
    noEmitOnError: true,
  };
  fs.rmSync(outDir, { recursive: true, force: true });
  const program = ts.createProgram(entries, options);
  const result = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" };
    throw new Error(`compiling schema/${kit} failed:\n${ts.formatDiagnostics(diagnostics, host)}`);
  }
  fs.copyFileSync(path.join(srcDir, "version.json"), path.join(outDir, "version.json"));
  replaceTree(outDir, finalDir);
}

function listFiles(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

function replaceTree(from, to) {
  const fresh = new Set(listFiles(from));
  for (const rel of fresh) {
    fs.mkdirSync(path.dirname(path.join(to, rel)), { recursive: true });
    fs.renameSync(path.join(from, rel), path.join(to, rel));
  }
  for (const rel of fs.existsSync(to) ? listFiles(to) : []) if (!fresh.has(rel)) fs.rmSync(path.join(to, rel));
  fs.rmSync(from, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const kit of ["cdktf", "cdktn"]) buildConstructs(kit);
}
