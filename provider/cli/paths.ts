// Where the built provider is, whether the CLI runs from dist/cli.js or from source through tsx.
import fs from "node:fs";
import path from "node:path";

export const providerExecutableName = "terraform-provider-litellm";

/** The directory holding the built provider executable (dist/provider). */
export function builtProviderDir(): string {
  const candidates = [path.join(__dirname, "provider"), path.resolve(__dirname, "..", "..", "dist", "provider")];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, providerExecutableName)));
  if (!found) throw new Error("the provider is not built: run `npm run build` (npm ci runs it for you)");
  return found;
}
