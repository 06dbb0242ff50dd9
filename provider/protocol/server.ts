// Serves a ProviderService the way go-plugin does: gRPC on a unix socket, AutoMTLS when the host
// asks for it, the handshake line on stdout once the socket is bound, and a prompt exit on Shutdown.

import fs from "node:fs";
import { log as defaultLogger, type Logger } from "../log";
import { createGrpcServer, type GrpcServer } from "./grpc-server";
import { GrpcStatus } from "./grpc-status";
import { handshakeLine, newSocketPath } from "./handshake";
import { addSideServices } from "./plugin-services";
import { installProcessHooks } from "./process-hooks";
import { writeHandshakeAndCloseStdout } from "./stdout-handshake";
import { createProviderRpc, PROVIDER_SERVICE, type ProviderRpc } from "./provider-rpc";
import type { ProviderService } from "./gen/tfplugin6";
import { createAutoMtls } from "./tls";

// terraform-plugin-go raises both limits to 256 MiB; Terraform's own client allows even more.
const MAX_MESSAGE_BYTES = 256 << 20;
// How long a graceful stop may wait for open calls before the server is torn down.
const STOP_GRACE_MS = 500;

export interface ServeOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Where the handshake line goes; by default stdout, which is then closed. */
  writeHandshake?(line: string): void;
  /** Called after a Shutdown RPC or SIGTERM has stopped the server; process.exit(0) by default. */
  exit?(code: number): void;
  /** Install signal and exception handlers on the process (default true; tests turn it off). */
  processHooks?: boolean;
}

export interface PluginServer {
  readonly socketPath: string;
  readonly handshake: string;
  /** Stops serving and removes the socket; resolves once the server is down. */
  stop(): Promise<void>;
}

export async function servePlugin(service: ProviderService, opts: ServeOptions = {}): Promise<PluginServer> {
  const env = opts.env ?? process.env;
  const logger = opts.logger ?? defaultLogger;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const clientCert = env.PLUGIN_CLIENT_CERT;
  const tls = clientCert ? createAutoMtls(clientCert) : undefined;

  const server = createGrpcServer({ tls: tls?.files, maxMessageBytes: MAX_MESSAGE_BYTES, logger });
  addProviderMethods(server, createProviderRpc(service, logger), logger);
  let stopping: Promise<void> | undefined;
  const stopAndExit = (reason: string) => {
    logger.debug("Stopping the provider", { reason });
    void stop().then(() => exit(0));
  };
  addSideServices(server, { logger, onShutdown: () => stopAndExit("Shutdown RPC") });

  const socketPath = newSocketPath(env);
  const removeSocket = () => fs.rmSync(socketPath, { force: true });
  await server.listen(socketPath);
  process.once("exit", removeSocket);
  if (opts.processHooks ?? true) installProcessHooks({ logger, onTerminate: stopAndExit });

  const handshake = handshakeLine(socketPath, tls?.handshakeField);
  const write = opts.writeHandshake ?? ((line: string) => writeHandshakeAndCloseStdout(line, (m) => logger.warn(m)));
  write(handshake);
  logger.debug("Serving the provider", { socket: socketPath, tls: tls !== undefined });

  function stop(): Promise<void> {
    stopping ??= server.close(STOP_GRACE_MS).then(removeSocket);
    return stopping;
  }

  return { socketPath, handshake, stop };
}

function addProviderMethods(server: GrpcServer, rpc: ProviderRpc, logger: Logger): void {
  for (const method of rpc.methods) {
    server.addUnary(`/${PROVIDER_SERVICE}/${method}`, (request) =>
      rpc.invoke(method, request).catch((e: unknown) => {
        // Only reached when even the error response could not be built.
        logger.error("Provider RPC could not be answered", { tf_rpc: method, error: String(e) });
        throw { code: GrpcStatus.INTERNAL, details: `${method} failed; see the provider log` };
      }),
    );
  }
}
