// The provider executable: one self-contained, byte-deterministic file. A small launcher
// (provider/launcher/) comes first; the provider bundle follows inside a comment, which the launcher
// compiles with a V8 code cache kept in the user's cache directory (see provider/launcher/code-cache.ts).
import crypto from "node:crypto";
import { builtinModules, createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";


const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  minify: true,
  charset: "ascii",
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
  write: false,
};

// axios reaches mime-db (134 KB of JSON) only through form-data, for multipart uploads; the provider
// sends JSON alone, so the database is left out (mime-types then knows no extensions, which we never ask).
const noMimeDb = {
  name: "no-mime-db",
  setup(b) {
    b.onResolve({ filter: /^mime-db$/ }, () => ({ path: "mime-db", namespace: "stub" }));
    b.onLoad({ filter: /.*/, namespace: "stub" }, () => ({ contents: "module.exports = {};", loader: "js" }));
  },
};

// axios decides at load time whether the fetch API and FormData exist, by touching the fetch, Request,
// Response and FormData globals; in Node 20 that loads undici, about 30 ms of CPU in every provider process
// that makes an HTTP call. The provider uses axios's http adapter with JSON bodies only, so axios is
// loaded with those globals briefly hidden.
const axiosWithoutFetchProbe = {
  name: "axios-without-fetch-probe",
  setup(b) {
    b.onResolve({ filter: /^axios$/ }, async (args) => {
      if (args.pluginData === "real") return undefined;
      const real = await b.resolve("axios", { kind: args.kind, resolveDir: args.resolveDir, pluginData: "real" });
      return { path: real.path, namespace: "axios-wrapper" };
    });
    b.onLoad({ filter: /.*/, namespace: "axios-wrapper" }, (args) => ({
      resolveDir: path.dirname(args.path),
      loader: "js",
      contents: `"use strict";
const hidden = ["fetch", "Request", "Response", "FormData"].map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]);
for (const [name] of hidden) Object.defineProperty(globalThis, name, { value: undefined, configurable: true, writable: true });
try {
  module.exports = require(${JSON.stringify(args.path)});
} finally {
  for (const [name, descriptor] of hidden) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete globalThis[name];
  }
}
`,
    }));
  },
};

// The executable validates configuration with validators ajv generated here, at build time, so that no
// provider process loads the ajv segment or compiles a schema (~40 ms of CPU each). The source tree's
// provider/framework/precompiled-validators.ts exports none; in the core segment it becomes ajv's standalone
// code for the provider block, every resource and every data source (provider/framework/validation-standalone.ts).
const PRECOMPILED_VALIDATORS = "provider/framework/precompiled-validators.ts";

/** The module that stands in for precompiled-validators.ts in the executable (exported for its tests). */
export async function precompiledValidatorsSource(root) {
  const entry = `
import schemaDocument from "./schema/litellm.schema.json";
import { readSchemaDocument } from "./provider/framework/schema";
import { precompiledValidatorsModule, providerConfigSchemas } from "./provider/framework/validation-standalone";
import { litellmProvider } from "./provider/resources/provider";
export const generate = (target) => precompiledValidatorsModule(providerConfigSchemas(readSchemaDocument(schemaDocument), litellmProvider).map((s) => s.schema), target);
`;
  const { generate } = await requireTs(root, entry);
  // The generated code requires ajv's runtime helpers by package subpath ("ajv/dist/runtime/ucs2length"), and
  // our helpers relative to provider/framework: the core bundle holds them all (see onlyExactIds below).
  return generate({ helpersModule: "./validation-helpers" });
}

const precompiledValidators = (root) => ({
  name: "precompiled-validators",
  setup(b) {
    const file = path.join(root, PRECOMPILED_VALIDATORS);
    b.onLoad({ filter: /[\\/]precompiled-validators\.ts$/ }, async (args) =>
      args.path === file ? { contents: await precompiledValidatorsSource(root), loader: "js", resolveDir: path.dirname(file) } : undefined,
    );
  },
});

// The library segments, external to the core segment by their exact ids only: esbuild's `external` would
// also make their subpaths external, and the installed executable could not load "ajv/dist/runtime/...".
const onlyExactIds = (ids) => ({
  name: "only-exact-ids-external",
  setup(b) {
    const filter = new RegExp(`^(${ids.map((id) => id.replace(/[^\w]/g, "\\$&")).join("|")})$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, external: true }));
  },
});

/** Libraries the provider loads only for some calls: each becomes its own segment, with its own code cache. */
// undici (under axios) loads on a provider's first API call, its two dispatchers only: no fetch, no WebSocket.
const LIBRARIES = { ajv: ["ajv", "ajv-formats"], axios: ["axios"], undici: ["undici/lib/dispatcher/agent", "undici/lib/dispatcher/proxy-agent", "undici/lib/dispatcher/dispatcher", "undici/lib/api/api-connect"] };
const PAYLOAD_PLACEHOLDER = "@@PAYLOAD-INFO@@".padEnd(400, "@");

/** The executable's text for the provider sources under `root` (`minify: false` keeps names, for profiles). */
export async function buildProviderExecutable(root, { minify: full = true } = {}) {
  const payload = await requireTs(root, 'export * from "./provider/launcher/payload";');
  const bundle = async (options, { externals } = {}) => {
    const out = await build({ ...common, minify: full, metafile: externals !== undefined, ...options });
    // The only packages the code may load from outside the executable are Node's own and the library segments
    // by their exact ids (the launcher's segmentRequire knows no subpaths, and there is no node_modules).
    // (Relative imports the metafile calls external are TypeScript's type-only ones, dropped from the output.)
    for (const input of Object.values(out.metafile?.inputs ?? {})) {
      for (const i of input.imports) {
        if (i.external && !/^[./]/.test(i.path) && !externals.has(i.path)) throw new Error(`the provider bundle requires ${i.path}, which is neither Node's nor a library segment`);
      }
    }
    // Unminified output keeps comments, a few with non-ASCII text: charset "ascii" escaped every string already.
    const code = full ? out.outputFiles[0].text : out.outputFiles[0].text.replace(/[^\x00-\x7f]/g, "?");
    return `${payload.SEGMENT_START}${code}\n})`;
  };
  const libraryIds = Object.values(LIBRARIES).flat();
  const loadable = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...libraryIds]);
  const core = await bundle({ entryPoints: [path.join(root, "provider/main.ts")], plugins: [onlyExactIds(libraryIds), precompiledValidators(root)] }, { externals: loadable });
  const segments = [{ name: "core", source: core }];
  for (const m of core.matchAll(/\brequire\("([^"]+)"\)/g)) {
    if (m[1].startsWith("/") || m[1].startsWith(".")) throw new Error(`the provider bundle requires a file path (${m[1]}); it must be self-contained`);
  }
  for (const [name, ids] of Object.entries(LIBRARIES)) {
    const cases = ids.map((id) => `case ${JSON.stringify(id)}: return require(${JSON.stringify(id)});`).join(" ");
    const contents = `module.exports = (id) => { switch (id) { ${cases} } throw new Error("no module " + id + " in this segment"); };`;
    segments.push({ name, source: await bundle({ stdin: { contents, resolveDir: root, sourcefile: `library-${name}.js`, loader: "js" }, plugins: [noMimeDb, axiosWithoutFetchProbe] }) });
  }
  const id = crypto.createHash("sha256").update(segments.map((s) => s.source).join("\0")).digest("hex").slice(0, 16);
  const launcher = await build({
    ...common,
    minify: full,
    entryPoints: [path.join(root, "provider/launcher/main.ts")],
    define: { __LITELLM_PAYLOAD__: JSON.stringify(PAYLOAD_PLACEHOLDER) },
  });
  const head = `#!/usr/bin/env node\n${launcher.outputFiles[0].text}\n`;
  if (head.split(`"${PAYLOAD_PLACEHOLDER}"`).length !== 2) throw new Error("the launcher must hold the payload placeholder exactly once, in double quotes");
  const { text, index } = payload.encodePayload(segments);
  const info = JSON.stringify(JSON.stringify({ id, at: head.length, segments: index, libraries: LIBRARIES })).slice(1, -1);
  if (info.length > PAYLOAD_PLACEHOLDER.length) throw new Error("the payload information outgrew its placeholder");
  const executable = head.replace(PAYLOAD_PLACEHOLDER, info.padEnd(PAYLOAD_PLACEHOLDER.length, " ")) + text;
  if (/[^\x00-\x7f]/.test(executable)) throw new Error("the provider executable must be ASCII (the launcher reads it as latin1)");
  return executable;
}

/** Runs TypeScript modules of ours (an entry's text, relative to root) as CommonJS, with root's node_modules. */
async function requireTs(root, contents) {
  const out = await build({ ...common, stdin: { contents, resolveDir: root, sourcefile: "build-entry.ts", loader: "ts" }, packages: "external", minify: false });
  const module = { exports: {} };
  new Function("module", "exports", "require", out.outputFiles[0].text)(module, module.exports, createRequire(path.join(root, "package.json")));
  return module.exports;
}
