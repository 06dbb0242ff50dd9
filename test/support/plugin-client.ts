// A minimal go-plugin host: parses a handshake line and calls the plugin over gRPC, as Terraform does.
// Used by the protocol tests; handy for poking at a running provider by hand.

import * as grpc from "@grpc/grpc-js";
import { messageCodec } from "../../provider/protocol/message-codec";
import { toPem } from "../../provider/protocol/self-signed-cert";

export interface Handshake {
  core: string;
  protocol: string;
  network: string;
  address: string;
  transport: string;
  /** The server certificate (DER) when the plugin runs with AutoMTLS. */
  certDer?: Buffer;
}

export function parseHandshakeLine(line: string): Handshake {
  const [core, protocol, network, address, transport, cert] = line.trim().split("|");
  const handshake: Handshake = { core, protocol, network, address, transport };
  // The field is unpadded base64, as Go's RawStdEncoding writes it.
  if (cert) handshake.certDer = Buffer.from(cert, "base64");
  return handshake;
}

export interface ClientIdentity {
  certPem: string;
  keyPem: string;
}

export interface PluginClient {
  unary(path: string, request: Uint8Array): Promise<Buffer>;
  /** Calls tfplugin6.Provider/<method> with a plain request and decodes the plain response. */
  provider<T = Record<string, unknown>>(method: string, request?: Record<string, unknown>): Promise<T>;
  close(): void;
}

const raw = (b: Buffer) => b;

/** Connects as Terraform does: trusting only the printed certificate and presenting `identity`. */
export function connectPlugin(handshake: Handshake, identity?: ClientIdentity): PluginClient {
  const options: grpc.ChannelOptions = { "grpc.max_receive_message_length": -1, "grpc.max_send_message_length": -1 };
  let credentials: grpc.ChannelCredentials;
  if (handshake.certDer) {
    const serverCert = Buffer.from(toPem(handshake.certDer));
    credentials = identity
      ? grpc.credentials.createSsl(serverCert, Buffer.from(identity.keyPem), Buffer.from(identity.certPem))
      : grpc.credentials.createSsl(serverCert);
    options["grpc.ssl_target_name_override"] = "localhost";
    options["grpc.default_authority"] = "localhost";
  } else {
    credentials = grpc.credentials.createInsecure();
  }
  const client = new grpc.Client(`unix://${handshake.address}`, credentials, options);

  const unary = (path: string, request: Uint8Array) =>
    new Promise<Buffer>((resolve, reject) => {
      client.makeUnaryRequest(path, raw, raw, Buffer.from(request), (err, response) => (err ? reject(err) : resolve(response as Buffer)));
    });

  return {
    unary,
    async provider<T>(method: string, request: Record<string, unknown> = {}) {
      const req = messageCodec(`tfplugin6.${method}.Request`);
      const res = messageCodec<T>(`tfplugin6.${method}.Response`);
      return res.decode(await unary(`/tfplugin6.Provider/${method}`, req.encode(request)));
    },
    close: () => client.close(),
  };
}
