// The go-plugin side services next to tfplugin6.Provider: controller (Shutdown), stdio and health.

import type { Logger } from "../log";
import type { GrpcServer, ServerStream } from "./grpc-server";
import { GrpcStatus } from "./grpc-status";
import * as health from "./gen/grpc-health-v1";
import { messageCodec } from "./message-codec";

const EMPTY = Buffer.alloc(0);

export interface SideServiceHooks {
  logger: Logger;
  /** Called after Shutdown has been answered. */
  onShutdown(): void;
}

export function addSideServices(server: GrpcServer, hooks: SideServiceHooks): void {
  server.addUnary("/plugin.GRPCController/Shutdown", async () => {
    hooks.logger.debug("Shutdown requested by the host");
    setImmediate(hooks.onShutdown);
    return EMPTY;
  });

  // Output goes straight to stderr, so the stream only stays open (until shutdown), as the host expects.
  server.addServerStreaming("/plugin.GRPCStdio/StreamStdio", keepOpen);

  const healthRequest = messageCodec<health.HealthCheckRequest>("grpc.health.v1.HealthCheckRequest");
  const healthResponse = messageCodec<health.HealthCheckResponse, health.HealthCheckResponseInit>("grpc.health.v1.HealthCheckResponse");
  const known = (service: string) => service === "" || service === "plugin";
  const serviceOf = (request: Buffer) => {
    try {
      return healthRequest.decode(request).service;
    } catch {
      throw { code: GrpcStatus.INVALID_ARGUMENT, details: "malformed HealthCheckRequest" };
    }
  };
  server.addUnary("/grpc.health.v1.Health/Check", async (request) => {
    const service = serviceOf(request);
    if (!known(service)) throw { code: GrpcStatus.NOT_FOUND, details: `unknown service ${JSON.stringify(service)}` };
    return healthResponse.encode({ status: health.HealthCheckResponseServingStatus.SERVING });
  });
  server.addServerStreaming("/grpc.health.v1.Health/Watch", (request, stream) => {
    const service = serviceOf(request);
    stream.write(healthResponse.encode({ status: known(service) ? health.HealthCheckResponseServingStatus.SERVING : health.HealthCheckResponseServingStatus.SERVICE_UNKNOWN }));
    keepOpen(request, stream);
  });
}

function keepOpen(_request: Buffer, _stream: ServerStream): void {
  // Nothing to send: the server ends open streams when it stops.
}
