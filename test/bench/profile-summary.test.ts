// `npm run bench:profile` attributes CPU samples to layers through esbuild's module markers; these tests pin
// that mapping on a synthetic profile and on the real unminified executable's segments.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { layerOf, moduleLines, readSegments, summarizeProfile } from "../../scripts/bench/profile";

const root = path.resolve(__dirname, "..", "..");

const segment = [
  "(function (exports, require, module, __filename, __dirname) {",
  "// provider/protocol/grpc-server.ts",
  "function answerUnary() {}",
  "// node_modules/axios/lib/core/Axios.js",
  "function request() {}",
  "// provider/litellm/undici-transport.ts",
  "class HttpTransport {}",
].join("\n");

describe("bench:profile's attribution", () => {
  it("maps each line to the module that starts above it", () => {
    const lines = moduleLines(segment);
    assert.equal(lines(0), "");
    assert.equal(lines(2), "provider/protocol/grpc-server.ts");
    assert.equal(lines(4), "node_modules/axios/lib/core/Axios.js");
    assert.equal(lines(6), "provider/litellm/undici-transport.ts");
  });

  it("names the layers docs/performance.md uses", () => {
    assert.match(layerOf("provider/protocol/grpc-server.ts"), /gRPC server/);
    assert.match(layerOf("provider/protocol/codec/decode-msgpack.ts"), /codec/);
    assert.match(layerOf("provider/litellm/undici-transport.ts"), /transport adapter/);
    assert.match(layerOf("node_modules/undici/lib/dispatcher/client-h1.js"), /undici/);
    assert.match(layerOf("provider/litellm/client.ts"), /LiteLLM client/);
    assert.equal(layerOf("node_modules/axios/lib/core/Axios.js"), "axios");
  });

  it("counts native frames for their caller and leaves idle time out", () => {
    const url = "file:///x/terraform-provider-litellm%23core";
    const frame = (id: number, functionName: string, u: string, lineNumber: number, children: number[] = []) => ({ id, callFrame: { functionName, url: u, lineNumber }, children });
    const profile = {
      nodes: [
        frame(1, "(root)", "", -1, [2, 3, 5, 6]),
        frame(2, "(idle)", "", -1),
        frame(3, "request", url, 4, [4]),
        frame(4, "writeBuffer", "", -1),
        frame(5, "answerUnary", url, 2),
        frame(6, "respond", "node:internal/http2/core", 10),
      ],
      samples: [2, 3, 4, 4, 5, 6],
      timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000],
    };
    const { busyMs, layers } = summarizeProfile(profile, new Map([["core", segment]]));
    const ms = Object.fromEntries(layers.map((l) => [l.layer, l.ms]));
    assert.equal(busyMs, 5);
    assert.equal(ms.axios, 3, "request and the native write it called");
    assert.equal(ms[layerOf("provider/protocol/grpc-server.ts")], 1);
    assert.equal(ms["Node's http2 (under the gRPC server)"], 1);
    assert.equal(ms["(idle)"], undefined);
  });

  it("reads the segments back out of an unminified executable", async () => {
    const { buildProviderExecutable } = (await import(path.join(root, "scripts", "build-provider.mjs"))) as {
      buildProviderExecutable(root: string, o: { minify: boolean }): Promise<string>;
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "profile-test-"));
    try {
      const exe = path.join(dir, "terraform-provider-litellm");
      fs.writeFileSync(exe, await buildProviderExecutable(root, { minify: false }));
      const segments = readSegments(exe);
      assert.deepEqual([...segments.keys()], ["core", "ajv", "axios", "undici"]);
      const core = segments.get("core")!;
      const lines = moduleLines(core);
      const at = core.split("\n").findIndex((l) => l.includes("function createGrpcServer("));
      assert.ok(at > 0, "the core segment holds the gRPC server");
      assert.equal(lines(at), "provider/protocol/grpc-server.ts");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
