// Terraform workspaces for the throughput runs: N litellm_user resources against the emulator, or the
// same N terraform_data resources (Terraform's built-in floor: no plugin process, no gRPC).
import fs from "node:fs";
import path from "node:path";
import { devOverridesBlock } from "../../provider/cli/distribution/cli-config";

export type WorkloadKind = "litellm" | "floor";
export { PROVIDER_SOURCE } from "../../provider/cli/distribution/provider-address";

/** The attributes both workloads carry, so that Terraform handles the same amount of data. */
function userFields(indent: string): string {
  return [
    'user_email      = "bench-${count.index}@example.com"',
    'user_alias      = "bench-${count.index}"',
    'user_role       = "user"',
    "max_budget      = 10",
    'budget_duration = "monthly"',
    'models          = ["gpt-4o"]',
    'metadata        = jsonencode({ team = "bench" })',
  ]
    .map((line) => indent + line)
    .join("\n");
}

export function configFor(kind: WorkloadKind, n: number): string {
  if (kind === "floor") {
    return `resource "terraform_data" "user" {\n  count = ${n}\n  input = {\n${userFields("    ")}\n  }\n}\n`;
  }
  return `terraform {
  required_providers {
    litellm = {
      source = "litellm-tf/litellm"
    }
  }
}

provider "litellm" {}

resource "litellm_user" "user" {
  count           = ${n}
${userFields("  ")}
}
`;
}

/** A CLI configuration that runs the built provider through dev_overrides (no init, no lock file). */
export function writeCliConfig(file: string, providerDir: string): void {
  fs.writeFileSync(file, devOverridesBlock(providerDir));
}

export function createWorkspace(parent: string, kind: WorkloadKind, n: number, repeat: number): string {
  const dir = path.join(parent, `${kind}-${n}-${repeat}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "main.tf"), configFor(kind, n));
  return dir;
}
