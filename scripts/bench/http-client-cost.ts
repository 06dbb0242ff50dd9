// A developer's probe: the CPU one GET /user/info costs the caller, against the emulator in another process,
// through Node's http client, through undici's dispatcher alone, through axios configured as provider/litellm
// configures it (our adapter on undici), and through axios on its own http adapter.
//   node --import tsx scripts/bench/http-client-cost.ts [requests]
import http from "node:http";
import type { AxiosStatic } from "axios";
import { axiosAdapter } from "../../provider/litellm/axios-adapter";
import { HttpTransport } from "../../provider/litellm/undici-transport";
import { startBenchEmulator } from "./emulator-process";

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 2000);
  const emulator = await startBenchEmulator();
  try {
    const url = new URL(emulator.url);
    const path = "/user/info?user_id=absent";
    const headers = { Authorization: `Bearer ${emulator.masterKey}`, Accept: "application/json", "Content-Type": "application/json" };
    const agent = new http.Agent({ keepAlive: true });
    const nodeHttp = () =>
      new Promise<void>((resolve, reject) => {
        const req = http.request({ host: url.hostname, port: url.port, path, agent, headers }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (body += c));
          res.on("end", () => resolve(void JSON.parse(body)));
        });
        req.on("error", reject);
        req.end();
      });
    const transport = new HttpTransport({ idleSocketMs: 4000, env: {} });
    const dispatcher = transport.dispatcherFor(url.origin);
    // undici's own promise API (a body stream per answer) on the same dispatcher: undici without our adapter.
    const { request } = require("undici") as typeof import("undici");
    const undiciAlone = async () => {
      const res = await request(`${url.origin}${path}`, { dispatcher, headers });
      JSON.parse(await res.body.text());
    };
    const axios = require("axios") as AxiosStatic;
    const config = { baseURL: emulator.url, headers, responseType: "text" as const, transformResponse: [(d: unknown) => d], validateStatus: () => true };
    const asConfigured = axios.create({ ...config, adapter: axiosAdapter(axios, new HttpTransport({ idleSocketMs: 4000, env: {} })) });
    const ownAdapter = axios.create({ ...config, adapter: "http", maxRedirects: 0, httpAgent: new http.Agent({ keepAlive: true }), proxy: false });
    const viaAxios = (instance: typeof asConfigured) => async () => void JSON.parse((await instance.request({ method: "GET", url: "/user/info", params: { user_id: "absent" } })).data as string);
    const clients = [
      ["node:http", nodeHttp],
      ["undici dispatcher.request", undiciAlone],
      ["axios + our adapter (provider/litellm)", viaAxios(asConfigured)],
      ["axios + its http adapter", viaAxios(ownAdapter)],
    ] as const;
    // Cold (the first requests of a process, as in a provider process) and warm, alternating clients.
    for (const round of ["first 200 (cold)", `next ${n} (warm)`]) {
      for (const [name, call] of clients) {
        const count = round.startsWith("first") ? 200 : n;
        const cpu0 = process.cpuUsage();
        for (let i = 0; i < count; i++) await call();
        const cpu = process.cpuUsage(cpu0);
        console.log(`${name.padEnd(40)} ${round.padEnd(18)} ${((cpu.user + cpu.system) / count).toFixed(0).padStart(5)} µs CPU/request`);
      }
    }
    await transport.close();
  } finally {
    await emulator.stop();
  }
}

void main();
