// terraform-provider-litellm: Terraform starts this executable; we check that it did, then serve.
import { log } from "./log";
import { exitUnlessLaunchedByTerraform } from "./protocol/handshake";
import { servePlugin } from "./protocol/server";
import { createLitellmProviderService } from "./resources";

exitUnlessLaunchedByTerraform();

servePlugin(createLitellmProviderService(log)).catch((e: unknown) => {
  // go-plugin shows stderr lines with an [ERROR] prefix at error level.
  process.stderr.write(`[ERROR] terraform-provider-litellm could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
