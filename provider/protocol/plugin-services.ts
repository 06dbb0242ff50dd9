// The go-plugin side services next to tfplugin6.Provider: controller (Shutdown), stdio and health.

import * as grpc from "@grpc/grpc-js";
import type { Logger } from "../log";
import { rawServiceDefinition } from "./grpc-service";
import { messageCodec } from "./message-codec";

const EMPTY = Buffer.alloc(0);
const SERVING = 1;
const SERVICE_UNKNOWN = 3;

export interface SideServiceHooks {
  logger: Logger;
  /** Called after Shutdown has been answered. */
  onShutdown(): void;
  /** Streams that stay open until the process stops; they are ended on shutdown. */
  openStreams: Set<grpc.ServerWritableStream<Buffer, Buffer>>;
}

export function addSideServices(server: grpc.Server, hooks: SideServiceHooks): void {
  server.addService(rawServiceDefinition("plugin.GRPCController", ["Shutdown"]), {
    Shutdown: (_call: grpc.ServerUnaryCall<Buffer, Buffer>, callback: grpc.sendUnaryData<Buffer>) => {
      hooks.logger.debug("Shutdown requested by the host");
      callback(null, EMPTY);
      setImmediate(hooks.onShutdown);
    },
  });

  // Output goes straight to stderr, so the stream only stays open, as the host expects.
  server.addService(rawServiceDefinition("plugin.GRPCStdio", ["StreamStdio"], ["StreamStdio"]), {
    StreamStdio: (call: grpc.ServerWritableStream<Buffer, Buffer>) => keepOpen(call, hooks.openStreams),
  });

  const healthRequest = messageCodec<{ service: string }>("grpc.health.v1.HealthCheckRequest");
  const healthResponse = messageCodec<{ status: number }>("grpc.health.v1.HealthCheckResponse");
  const known = (service: string) => service === "" || service === "plugin";
  server.addService(rawServiceDefinition("grpc.health.v1.Health", ["Check", "Watch"], ["Watch"]), {
    Check: (call: grpc.ServerUnaryCall<Buffer, Buffer>, callback: grpc.sendUnaryData<Buffer>) => {
      try {
        const { service } = healthRequest.decode(call.request);
        if (known(service)) callback(null, healthResponse.encode({ status: SERVING }));
        else callback({ code: grpc.status.NOT_FOUND, details: `unknown service ${JSON.stringify(service)}` });
      } catch {
        callback({ code: grpc.status.INVALID_ARGUMENT, details: "malformed HealthCheckRequest" });
      }
    },
    Watch: (call: grpc.ServerWritableStream<Buffer, Buffer>) => {
      let service = "";
      try {
        service = healthRequest.decode(call.request).service;
      } catch {
        call.emit("error", { code: grpc.status.INVALID_ARGUMENT, details: "malformed HealthCheckRequest" });
        return;
      }
      call.write(healthResponse.encode({ status: known(service) ? SERVING : SERVICE_UNKNOWN }));
      keepOpen(call, hooks.openStreams);
    },
  });
}

function keepOpen(call: grpc.ServerWritableStream<Buffer, Buffer>, open: Set<grpc.ServerWritableStream<Buffer, Buffer>>): void {
  open.add(call);
  const forget = () => open.delete(call);
  call.on("cancelled", forget);
  call.on("close", forget);
  call.on("error", forget);
}
