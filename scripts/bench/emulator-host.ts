// Runs the LiteLLM emulator in its own process for the benchmark, so that its CPU can be measured apart
// from everything else. Talks to the parent over the IPC channel: "ready" with the URL, then answers
// "usage" (its CPU so far and the requests served) and "reset", and exits on "stop".
import { startEmulator } from "../../provider/emulator";

export type HostRequest = { type: "usage" } | { type: "reset" } | { type: "stop" };
export type HostReply = { type: "ready"; url: string } | { type: "usage"; cpuUs: number; requests: number } | { type: "reset" };

async function main(): Promise<void> {
  const masterKey = process.env.BENCH_EMULATOR_KEY;
  if (!masterKey || !process.send) throw new Error("run by scripts/bench/emulator-process.ts");
  const emulator = await startEmulator({ port: 0, masterKey });
  let served = 0; // the request log forgets on reset; this count does not
  let lastTotal = 0;
  const total = () => {
    const now = emulator.requests.total();
    served += now - lastTotal;
    lastTotal = now;
    return served;
  };
  const send = (reply: HostReply) => process.send!(reply);
  process.on("message", (message: HostRequest) => {
    if (message.type === "usage") {
      const cpu = process.cpuUsage();
      send({ type: "usage", cpuUs: cpu.user + cpu.system, requests: total() });
    } else if (message.type === "reset") {
      total();
      emulator.reset();
      lastTotal = 0;
      send({ type: "reset" });
    } else if (message.type === "stop") {
      void emulator.close().finally(() => process.exit(0));
    }
  });
  process.on("disconnect", () => process.exit(0));
  send({ type: "ready", url: emulator.url });
}

void main();
