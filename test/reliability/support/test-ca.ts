// A throwaway certificate authority for TLS tests: a CA certificate and leaves it signs, built with the bridge's
// DER helpers, so that the emulator can serve https the way a real LiteLLM behind a private CA does.
import crypto, { type KeyObject } from "node:crypto";
import { isIP } from "node:net";
import * as der from "../../../provider/protocol/der";
import { toPem } from "../../../provider/protocol/self-signed-cert";

const OID = {
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  commonName: "2.5.4.3",
  organization: "2.5.4.10",
  subjectKeyIdentifier: "2.5.29.14",
  keyUsage: "2.5.29.15",
  subjectAltName: "2.5.29.17",
  basicConstraints: "2.5.29.19",
  authorityKeyIdentifier: "2.5.29.35",
  extKeyUsage: "2.5.29.37",
  serverAuth: "1.3.6.1.5.5.7.3.1",
};

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
}

export interface LeafOptions {
  /** DNS names and IP addresses the certificate is valid for. */
  names?: string[];
  notBefore?: Date;
  notAfter?: Date;
}

export interface TestCa {
  certPem: string;
  issue(options?: LeafOptions): IssuedCertificate;
}

interface Party {
  name: Buffer;
  keyId: Buffer;
  privateKey: KeyObject;
}

const signatureAlgorithm = () => der.sequence(der.objectIdentifier(OID.ecdsaWithSha256));
const hour = 3600_000;

export function createTestCa(commonName = "litellm-tf test CA"): TestCa {
  const keys = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const ca: Party = { name: distinguishedName(commonName), keyId: keyIdentifier(keys.publicKey), privateKey: keys.privateKey };
  const caCert = sign(ca, {
    subject: ca.name,
    publicKey: keys.publicKey,
    notBefore: new Date(Date.now() - hour),
    notAfter: new Date(Date.now() + 24 * hour),
    extensions: [
      extension(OID.basicConstraints, true, der.sequence(der.boolean(true))),
      // digitalSignature(0) | keyCertSign(5) | cRLSign(6) = 1000 0110, 1 unused bit
      extension(OID.keyUsage, true, der.bitString(Buffer.from([0x86]), 1)),
      extension(OID.subjectKeyIdentifier, false, der.octetString(ca.keyId)),
    ],
  });
  return {
    certPem: toPem(caCert),
    issue(options = {}) {
      const leaf = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
      const names = options.names ?? ["localhost", "127.0.0.1"];
      const cert = sign(ca, {
        subject: distinguishedName(names[0]),
        publicKey: leaf.publicKey,
        notBefore: options.notBefore ?? new Date(Date.now() - hour),
        notAfter: options.notAfter ?? new Date(Date.now() + 24 * hour),
        extensions: [
          extension(OID.basicConstraints, true, der.sequence()),
          // digitalSignature(0) | keyEncipherment(2) = 1010 0000, 5 unused bits
          extension(OID.keyUsage, true, der.bitString(Buffer.from([0xa0]), 5)),
          extension(OID.extKeyUsage, false, der.sequence(der.objectIdentifier(OID.serverAuth))),
          extension(OID.subjectAltName, false, der.sequence(...names.map(generalName))),
          extension(OID.subjectKeyIdentifier, false, der.octetString(keyIdentifier(leaf.publicKey))),
          extension(OID.authorityKeyIdentifier, false, der.sequence(der.implicitPrimitive(0, ca.keyId))),
        ],
      });
      return { certPem: toPem(cert), keyPem: leaf.privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
    },
  };
}

function sign(
  issuer: Party,
  c: { subject: Buffer; publicKey: KeyObject; notBefore: Date; notAfter: Date; extensions: Buffer[] },
): Buffer {
  const serial = crypto.randomBytes(16);
  serial[0] = (serial[0] & 0x7f) | 0x40;
  const tbs = der.sequence(
    der.explicit(0, der.smallInteger(2)),
    der.unsignedInteger(serial),
    signatureAlgorithm(),
    issuer.name,
    der.sequence(der.time(c.notBefore), der.time(c.notAfter)),
    c.subject,
    c.publicKey.export({ type: "spki", format: "der" }),
    der.explicit(3, der.sequence(...c.extensions)),
  );
  return der.sequence(tbs, signatureAlgorithm(), der.bitString(crypto.sign("sha256", tbs, issuer.privateKey)));
}

function distinguishedName(commonName: string): Buffer {
  return der.sequence(
    der.set(der.sequence(der.objectIdentifier(OID.organization), der.utf8String("litellm-tf tests"))),
    der.set(der.sequence(der.objectIdentifier(OID.commonName), der.utf8String(commonName))),
  );
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return der.sequence(der.objectIdentifier(oid), ...(critical ? [der.boolean(true)] : []), der.octetString(value));
}

/** dNSName [2] or iPAddress [7]. */
function generalName(name: string): Buffer {
  if (isIP(name) === 4) return der.implicitPrimitive(7, Buffer.from(name.split(".").map(Number)));
  return der.implicitPrimitive(2, Buffer.from(name, "ascii"));
}

/** SHA-1 of the public key, the usual subject key identifier (RFC 5280 §4.2.1.2, method 1, on the whole SPKI). */
function keyIdentifier(publicKey: KeyObject): Buffer {
  return crypto.createHash("sha1").update(publicKey.export({ type: "spki", format: "der" })).digest();
}
