// A developer's probe: the CPU one GET /user/info costs the caller through node:http alone and through
// axios configured as provider/litellm configures it, against the emulator in another process.
//   node --import tsx scripts/bench/http-client-cost.ts [requests]
import http from "node:http";
import type { AxiosStatic } from "axios";
import { startBenchEmulator } from "./emulator-process";

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 2000);
  const emulator = await startBenchEmulator();
  try {
    const url = new URL(emulator.url);
    const headers = { Authorization: `Bearer ${emulator.masterKey}`, Accept: "application/json", "Content-Type": "application/json" };
    const agent = new http.Agent({ keepAlive: true });
    const plain = () =>
      new Promise<void>((resolve, reject) => {
        const req = http.request({ host: url.hostname, port: url.port, path: "/user/info?user_id=absent", agent, headers }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (body += c));
          res.on("end", () => resolve(void JSON.parse(body)));
        });
        req.on("error", reject);
        req.end();
      });
    const axios = (require("axios") as AxiosStatic).create({
      baseURL: emulator.url,
      headers,
      responseType: "text",
      transformResponse: [(d: unknown) => d],
      validateStatus: () => true,
      maxRedirects: 0,
      httpAgent: new http.Agent({ keepAlive: true }),
      proxy: false,
    });
    const viaAxios = async () => void JSON.parse((await axios.request({ method: "GET", url: "/user/info", params: { user_id: "absent" } })).data as string);
    // Cold (the first requests of a process, as in a provider process) and warm, alternating clients.
    for (const round of ["first 200 (cold)", `next ${n} (warm)`]) {
      for (const [name, call] of [["node:http", plain], ["axios", viaAxios]] as const) {
        const count = round.startsWith("first") ? 200 : n;
        const cpu0 = process.cpuUsage();
        for (let i = 0; i < count; i++) await call();
        const cpu = process.cpuUsage(cpu0);
        console.log(`${name.padEnd(10)} ${round.padEnd(18)} ${((cpu.user + cpu.system) / count).toFixed(0).padStart(5)} µs CPU/request`);
      }
    }
  } finally {
    await emulator.stop();
  }
}

void main();
