// A fresh self-signed certificate for go-plugin's AutoMTLS, built in memory at each start.
// It mirrors go-plugin's own certificate (CA, CN/SAN localhost, server+client auth) but uses
// EC P-256; Terraform pins exactly this certificate as its only trusted root.

import crypto from "node:crypto";
import * as der from "./der";

const OID = {
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  commonName: "2.5.4.3",
  organization: "2.5.4.10",
  keyUsage: "2.5.29.15",
  subjectAltName: "2.5.29.17",
  basicConstraints: "2.5.29.19",
  extKeyUsage: "2.5.29.37",
  serverAuth: "1.3.6.1.5.5.7.3.1",
  clientAuth: "1.3.6.1.5.5.7.3.2",
};

export interface SelfSignedCertificate {
  certDer: Buffer;
  certPem: string;
  keyPem: string;
}

export interface CertificateOptions {
  commonName?: string;
  organization?: string;
  dnsName?: string;
  /** How long the certificate stays valid; it is valid from 30 s in the past to tolerate clock skew. */
  validForMs?: number;
  now?: Date;
}

export function createSelfSignedCertificate(opts: CertificateOptions = {}): SelfSignedCertificate {
  const { commonName = "localhost", organization = "litellm-tf", dnsName = "localhost", validForMs = 7 * 24 * 3600_000 } = opts;
  const now = opts.now ?? new Date();
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const name = der.sequence(
    der.set(der.sequence(der.objectIdentifier(OID.organization), der.utf8String(organization))),
    der.set(der.sequence(der.objectIdentifier(OID.commonName), der.utf8String(commonName))),
  );
  const signatureAlgorithm = der.sequence(der.objectIdentifier(OID.ecdsaWithSha256)); // parameters absent (RFC 5758)
  const tbs = der.sequence(
    der.explicit(0, der.smallInteger(2)), // v3
    der.unsignedInteger(randomSerial()),
    signatureAlgorithm,
    name,
    der.sequence(der.time(new Date(now.getTime() - 30_000)), der.time(new Date(now.getTime() + validForMs))),
    name,
    publicKey.export({ type: "spki", format: "der" }),
    der.explicit(3, der.sequence(...extensions(dnsName))),
  );
  const signature = crypto.sign("sha256", tbs, privateKey); // DER ECDSA-Sig-Value
  const certDer = der.sequence(tbs, signatureAlgorithm, der.bitString(signature));
  return {
    certDer,
    certPem: toPem(certDer),
    keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

function extensions(dnsName: string): Buffer[] {
  const ext = (oid: string, critical: boolean, value: Buffer) =>
    der.sequence(der.objectIdentifier(oid), ...(critical ? [der.boolean(true)] : []), der.octetString(value));
  // digitalSignature(0) | keyEncipherment(2) | keyAgreement(4) | keyCertSign(5) = 1010 1100, 2 unused bits
  const keyUsage = der.bitString(Buffer.from([0xac]), 2);
  return [
    ext(OID.keyUsage, true, keyUsage),
    ext(OID.extKeyUsage, false, der.sequence(der.objectIdentifier(OID.serverAuth), der.objectIdentifier(OID.clientAuth))),
    ext(OID.basicConstraints, true, der.sequence(der.boolean(true))),
    ext(OID.subjectAltName, false, der.sequence(der.implicitPrimitive(2, Buffer.from(dnsName, "ascii")))),
  ];
}

/** 128 random bits, positive and with a non-zero top byte so the DER INTEGER has a fixed 16-byte form. */
function randomSerial(): Buffer {
  const serial = crypto.randomBytes(16);
  serial[0] = (serial[0] & 0x7f) | 0x40;
  return serial;
}

export function toPem(certDer: Buffer): string {
  const lines = certDer.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}
