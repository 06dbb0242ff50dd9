// The provider executable: one self-contained, byte-deterministic file. A small launcher
// (provider/launcher/) comes first; the provider bundle follows inside a comment, which the launcher
// compiles with a V8 code cache kept in the user's cache directory (see provider/launcher/code-cache.ts).
import crypto from "node:crypto";
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

/** Libraries the provider loads only for some calls: each becomes its own segment, with its own code cache. */
const LIBRARIES = { ajv: ["ajv", "ajv-formats"], axios: ["axios"] };
const PAYLOAD_PLACEHOLDER = "@@PAYLOAD-INFO@@".padEnd(400, "@");

/** The executable's text for the provider sources under `root` (`minify: false` keeps names, for profiles). */
export async function buildProviderExecutable(root, { minify: full = true } = {}) {
  const payload = await importTs(path.join(root, "provider/launcher/payload.ts"));
  const bundle = async (options) => {
    const out = await build({ ...common, minify: full, ...options });
    // Unminified output keeps comments, a few with non-ASCII text: charset "ascii" escaped every string already.
    const code = full ? out.outputFiles[0].text : out.outputFiles[0].text.replace(/[^\x00-\x7f]/g, "?");
    return `${payload.SEGMENT_START}${code}\n})`;
  };
  const segments = [{ name: "core", source: await bundle({ entryPoints: [path.join(root, "provider/main.ts")], external: Object.values(LIBRARIES).flat() }) }];
  // The only modules the code may load from outside the executable are Node's own and the library segments.
  for (const m of segments[0].source.matchAll(/\brequire\("([^"]+)"\)/g)) {
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

/** Loads a small TypeScript module of ours in plain node, through esbuild. */
async function importTs(file) {
  const out = await build({ ...common, entryPoints: [file], format: "esm", minify: false });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString("base64")}`);
}
