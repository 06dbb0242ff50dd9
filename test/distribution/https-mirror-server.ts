// A static HTTPS server for a network-mirror directory, with a self-signed certificate made by the
// openssl CLI; terraform (Go) trusts it through SSL_CERT_FILE.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";

export interface MirrorServer {
  url: string;
  certFile: string;
  requests: string[];
  close(): Promise<void>;
}

export async function serveMirror(root: string, workDir: string): Promise<MirrorServer> {
  const certFile = path.join(workDir, "mirror-cert.pem");
  const keyFile = path.join(workDir, "mirror-key.pem");
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", keyFile, "-out", certFile, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
  ], { stdio: "pipe" });
  const requests: string[] = [];
  const server = https.createServer({ cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) }, (req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "https://mirror").pathname);
    requests.push(`${req.method} ${urlPath}`);
    const file = path.join(root, path.normalize(urlPath));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    // The network mirror protocol requires application/json for the index documents.
    res.writeHead(200, { "Content-Type": file.endsWith(".json") ? "application/json" : "application/zip" });
    res.end(req.method === "HEAD" ? undefined : fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/`,
    certFile,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
