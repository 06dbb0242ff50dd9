// The gRPC status codes this server answers with, and the percent-encoding of grpc-message.

export const GrpcStatus = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
} as const;

export interface GrpcError {
  code: number;
  details: string;
}

export function isGrpcError(e: unknown): e is GrpcError {
  return typeof e === "object" && e !== null && typeof (e as GrpcError).code === "number" && typeof (e as GrpcError).details === "string";
}

/** grpc-message is percent-encoded UTF-8: printable ASCII except '%' passes as is (gRPC's HTTP/2 spec). */
export function encodeGrpcMessage(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    out += byte >= 0x20 && byte <= 0x7e && byte !== 0x25 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
