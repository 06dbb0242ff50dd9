// The provider executable: one self-contained, byte-deterministic file. A small launcher
// (provider/launcher/) comes first; the provider bundle follows inside a comment, which the launcher
// compiles with a V8 code cache kept in the user's cache directory (see provider/launcher/code-cache.ts).
import crypto from "node:crypto";
import path from "node:path";
import { build } from "esbuild";

const PAYLOAD_AT_PLACEHOLDER = "@@PAYLOAD-AT@@@@"; // 16 characters, replaced by a zero-padded offset

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

// axios decides at load time whether the fetch API works, by touching the Request and Response globals;
// in Node 20 that loads undici, about 30 ms of CPU in every provider process that makes an HTTP call.
// The provider uses axios's http adapter only, so axios is loaded with those globals briefly hidden.
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
const hidden = ["fetch", "Request", "Response"].map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]);
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

/** The executable's text for the provider sources under `root` (`minify: false` keeps names, for profiles). */
export async function buildProviderExecutable(root, { minify: full = true } = {}) {
  const minify = { minify: full };
  const payload = await importTs(path.join(root, "provider/launcher/payload.ts"));
  const bundled = await build({ ...common, ...minify, entryPoints: [path.join(root, "provider/main.ts")], plugins: [noMimeDb, axiosWithoutFetchProbe] });
  // Unminified output keeps comments, a few with non-ASCII text: charset "ascii" escaped every string already.
  const code = full ? bundled.outputFiles[0].text : bundled.outputFiles[0].text.replace(/[^\x00-\x7f]/g, "?");
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${code}\n})`;
  const bundleId = crypto.createHash("sha256").update(wrapped).digest("hex").slice(0, 16);
  const launcher = await build({
    ...common,
    ...minify,
    entryPoints: [path.join(root, "provider/launcher/main.ts")],
    define: { __LITELLM_BUNDLE_ID__: JSON.stringify(bundleId), __LITELLM_PAYLOAD_AT__: JSON.stringify(PAYLOAD_AT_PLACEHOLDER) },
  });
  const head = `#!/usr/bin/env node\n${launcher.outputFiles[0].text}\n`;
  if (head.split(PAYLOAD_AT_PLACEHOLDER).length !== 2) throw new Error("the launcher must contain the payload offset placeholder exactly once");
  const offset = String(head.length).padStart(PAYLOAD_AT_PLACEHOLDER.length, "0");
  const text = head.replace(PAYLOAD_AT_PLACEHOLDER, offset) + payload.encodePayload(wrapped);
  if (/[^\x00-\x7f]/.test(text)) throw new Error("the provider executable must be ASCII (the launcher reads it as latin1)");
  return text;
}

/** Loads a small TypeScript module of ours in plain node, through esbuild. */
async function importTs(file) {
  const out = await build({ ...common, entryPoints: [file], format: "esm", minify: false });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString("base64")}`);
}
