// terraform-provider-litellm: Terraform starts this executable; we check that it did, then serve.
import { benchProbe } from "./bench-report";
import { log } from "./log";
import { exitUnlessLaunchedByTerraform } from "./protocol/handshake";
import { servePlugin } from "./protocol/server";
import { createLitellmProviderService } from "./resources";

exitUnlessLaunchedByTerraform();

const service = createLitellmProviderService(log);
const probe = benchProbe(service.rpcCounts);

/** The RPC methods served so far; the launcher's code cache records which ones it has seen compiled. */
export const servedMethods = (): string[] => Object.keys(service.rpcCounts);

servePlugin(service, probe && { exit: (code) => (probe.write(), process.exit(code)) }).then(
  () => probe?.handshakeWritten(),
  (e: unknown) => {
    // go-plugin shows stderr lines with an [ERROR] prefix at error level.
    process.stderr.write(`[ERROR] terraform-provider-litellm could not start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
