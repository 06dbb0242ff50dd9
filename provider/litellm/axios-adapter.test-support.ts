// Run as a child process by axios-adapter.test.ts: two requests to the base URL given, printing the answers.
// It never closes the transport, so the process ends by itself only if the idle connection does not hold it.
import axios from "axios";
import { axiosAdapter } from "./axios-adapter";
import { HttpTransport } from "./undici-transport";

async function main(): Promise<void> {
  const http = axios.create({ baseURL: process.argv[2], responseType: "text", adapter: axiosAdapter(axios, new HttpTransport({ idleSocketMs: 600_000, env: {} })) });
  for (const path of ["/first", "/second"]) {
    const res = await http.get(path);
    process.stdout.write(`${res.status} ${String(res.data)}\n`);
  }
}

main().catch((e: Error & { code?: string }) => {
  process.stderr.write(`${e.code ?? ""} ${e.message}\n`);
  process.exitCode = 1;
});
