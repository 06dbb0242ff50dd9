import assert from "node:assert/strict";
import crypto from "node:crypto";
import { describe, it } from "node:test";
import { createSelfSignedCertificate } from "./self-signed-cert";
import { createAutoMtls, handshakeCertField } from "./tls";

describe("self-signed certificate", () => {
  const now = new Date();
  const cert = createSelfSignedCertificate({ now });
  const x509 = new crypto.X509Certificate(cert.certDer);

  it("parses, and its signature verifies with its own key", () => {
    assert.ok(x509.verify(x509.publicKey));
    assert.ok(x509.checkIssued(x509));
    assert.equal(x509.publicKey.asymmetricKeyDetails?.namedCurve, "prime256v1");
    const other = new crypto.X509Certificate(createSelfSignedCertificate().certDer);
    assert.equal(x509.verify(other.publicKey), false);
  });

  it("carries what go-plugin's client checks", () => {
    assert.equal(x509.subject, "O=litellm-tf\nCN=localhost");
    assert.equal(x509.subjectAltName, "DNS:localhost");
    assert.equal(x509.checkHost("localhost"), "localhost");
    assert.equal(x509.ca, true);
    assert.deepStrictEqual(x509.keyUsage, ["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]);
    const from = new Date(x509.validFrom).getTime();
    const to = new Date(x509.validTo).getTime();
    assert.ok(from <= now.getTime() - 29_000 && from >= now.getTime() - 31_000, x509.validFrom);
    assert.ok(to > now.getTime() + 3600_000, x509.validTo);
  });

  it("has key usage digitalSignature, keyEncipherment, keyAgreement and certSign", () => {
    // The KeyUsage extension: OID 2.5.29.15, critical, BIT STRING 02 ac.
    assert.ok(cert.certDer.includes(Buffer.from("0603551d0f0101ff0404030202ac", "hex")));
  });

  it("uses a fresh key and serial every time", () => {
    const again = new crypto.X509Certificate(createSelfSignedCertificate().certDer);
    assert.notEqual(again.serialNumber, x509.serialNumber);
    assert.notEqual(again.publicKey.export({ format: "der", type: "spki" }).toString("hex"), x509.publicKey.export({ format: "der", type: "spki" }).toString("hex"));
  });

  it("the private key matches the certificate", () => {
    const key = crypto.createPrivateKey(cert.keyPem);
    assert.ok(x509.checkPrivateKey(key));
  });
});

describe("AutoMTLS", () => {
  it("prints the certificate as base64 DER without padding", () => {
    const tls = createAutoMtls(createSelfSignedCertificate().certPem);
    assert.doesNotMatch(tls.handshakeField, /=/);
    assert.ok(tls.handshakeField.length > 50);
    assert.deepStrictEqual(Buffer.from(tls.handshakeField, "base64"), tls.certDer);
    assert.equal(handshakeCertField(Buffer.from([1, 2, 3, 4])), "AQIDBA");
  });

  it("refuses a client certificate that is not PEM", () => {
    assert.throws(() => createAutoMtls("garbage"), /PLUGIN_CLIENT_CERT/);
  });
});
