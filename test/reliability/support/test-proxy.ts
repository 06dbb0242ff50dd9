// A small forward proxy for the proxy tests: plain http requests in absolute form are passed on, https goes
// through CONNECT tunnels it cannot read. It resolves the names the tests make up (litellm.test) itself, as a
// corporate proxy resolves names the client machine cannot, and records what it was asked for.
import http from "node:http";
import net, { type AddressInfo } from "node:net";

export interface TestProxy {
  url: string;
  /** "GET http://host:port/path" for forwarded requests, "CONNECT host:port" for tunnels. */
  seen: string[];
  close(): Promise<void>;
}

export async function startTestProxy(hosts: Record<string, string>): Promise<TestProxy> {
  const seen: string[] = [];
  const resolve = (name: string) => hosts[name] ?? name;
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    let target: URL;
    try {
      target = new URL(req.url ?? "");
    } catch {
      res.writeHead(400).end("absolute-form requests only");
      return;
    }
    const headers = { ...req.headers };
    delete headers["proxy-connection"];
    const upstream = http.request({ host: resolve(target.hostname), port: target.port || 80, method: req.method, path: target.pathname + target.search, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  server.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    const colon = (req.url ?? "").lastIndexOf(":");
    const upstream = net.connect(Number((req.url ?? "").slice(colon + 1)), resolve((req.url ?? "").slice(0, colon)), () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  server.on("connection", (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
