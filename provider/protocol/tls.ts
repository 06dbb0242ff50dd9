// go-plugin AutoMTLS: Terraform passes its client certificate in PLUGIN_CLIENT_CERT and trusts only
// the server certificate we print in the handshake line. Both sides verify each other.

import type { ServerTlsFiles } from "./grpc-server";
import { createSelfSignedCertificate } from "./self-signed-cert";

export interface ServerTls {
  files: ServerTlsFiles;
  /** The handshake's certificate field: base64 of the DER without '=' padding (Go's RawStdEncoding). */
  handshakeField: string;
  certDer: Buffer;
}

export function createAutoMtls(clientCertPem: string): ServerTls {
  if (!clientCertPem.includes("-----BEGIN CERTIFICATE-----")) {
    throw new Error("PLUGIN_CLIENT_CERT does not hold a PEM certificate");
  }
  const cert = createSelfSignedCertificate();
  return {
    files: { certPem: cert.certPem, keyPem: cert.keyPem, clientCertPem },
    handshakeField: handshakeCertField(cert.certDer),
    certDer: cert.certDer,
  };
}

export function handshakeCertField(certDer: Buffer): string {
  return certDer.toString("base64").replace(/=+$/, "");
}
