// grpc-js service definitions that pass raw bytes through; decoding happens in our handlers,
// so that a malformed request or a failed encode can still be answered with a diagnostic.

import type * as grpc from "@grpc/grpc-js";

const passThrough = (b: Buffer) => b;

export function rawServiceDefinition(
  service: string,
  methods: readonly string[],
  serverStreaming: readonly string[] = [],
): grpc.ServiceDefinition {
  const definition: Record<string, grpc.MethodDefinition<Buffer, Buffer>> = {};
  for (const name of methods) {
    definition[name] = {
      path: `/${service}/${name}`,
      requestStream: false,
      responseStream: serverStreaming.includes(name),
      requestSerialize: passThrough,
      requestDeserialize: passThrough,
      responseSerialize: passThrough,
      responseDeserialize: passThrough,
    };
  }
  return definition;
}
