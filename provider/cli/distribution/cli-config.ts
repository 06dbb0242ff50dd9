// CLI configuration text to show the user, and a look at their current configuration for settings
// that would stop Terraform from finding what `install` laid out.
import fs from "node:fs";
import path from "node:path";
import type { HostContext } from "./implicit-mirror";
import { PROVIDER_NAMESPACE, PROVIDER_SOURCE, PROVIDER_TYPE } from "./provider-address";

/** HCL string literal; JSON escaping is valid HCL for paths (backslashes, quotes). */
const hcl = (text: string) => JSON.stringify(text);

export function filesystemMirrorBlock(mirrorDir: string): string {
  return `provider_installation {
  filesystem_mirror {
    path    = ${hcl(mirrorDir)}
    include = [${hcl(PROVIDER_SOURCE)}]
  }
  direct {
    exclude = [${hcl(PROVIDER_SOURCE)}]
  }
}
`;
}

export function devOverridesBlock(providerDir: string): string {
  return `provider_installation {
  dev_overrides {
    ${hcl(PROVIDER_SOURCE)} = ${hcl(providerDir)}
  }
  direct {}
}
`;
}

/**
 * The environment for running terraform unattended against one LiteLLM proxy: our CLI configuration, no
 * version checkpoint and no prompts.
 */
export function unattendedTerraformEnv(cliConfigFile: string, apiBase: string, apiKey: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CHECKPOINT_DISABLE: "1",
    TF_CLI_CONFIG_FILE: cliConfigFile,
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    LITELLM_API_BASE: apiBase,
    LITELLM_API_KEY: apiKey,
  };
}

/** The CLI configuration files Terraform would read: TF_CLI_CONFIG_FILE or the default, plus *.tfrc in the config dir. */
export function cliConfigFiles(host: HostContext): string[] {
  const p = host.platform === "win32" ? path.win32 : path.posix;
  const configDir = host.platform === "win32" ? p.join(host.env.APPDATA ?? "", "terraform.d") : p.join(host.home, ".terraform.d");
  const main = host.env.TF_CLI_CONFIG_FILE || (host.platform === "win32" ? p.join(host.env.APPDATA ?? "", "terraform.rc") : p.join(host.home, ".terraformrc"));
  let extra: string[] = [];
  try {
    extra = fs.readdirSync(configDir).filter((f) => f.endsWith(".tfrc")).sort().map((f) => p.join(configDir, f));
  } catch {
    /* no config dir */
  }
  return [main, ...extra];
}

/** Which CLI configuration files have dev_overrides for this provider, and which a provider_installation block. */
export function cliConfigFindings(host: HostContext): { devOverrides: string[]; providerInstallation: string[] } {
  const findings = { devOverrides: [] as string[], providerInstallation: [] as string[] };
  for (const file of cliConfigFiles(host)) {
    let text: string;
    try {
      text = stripComments(fs.readFileSync(file, "utf8"));
    } catch {
      continue;
    }
    if (/\bdev_overrides\s*\{/.test(text) && text.includes(`${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}`)) findings.devOverrides.push(file);
    if (/\bprovider_installation\s*\{/.test(text)) findings.providerInstallation.push(file);
  }
  return findings;
}

/** Warnings about the user's CLI configuration for an install into `mirrorDir`, one sentence each. */
export function cliConfigWarnings(host: HostContext, mirrorIsImplicit: boolean): string[] {
  const { devOverrides, providerInstallation } = cliConfigFindings(host);
  return [
    ...devOverrides.map(
      (file) => `${file} has dev_overrides for ${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}; Terraform will use that directory instead of the installed provider. Remove it to use the install.`,
    ),
    ...(mirrorIsImplicit ? providerInstallation : []).map(
      (file) => `${file} has a provider_installation block, so Terraform does not search its implied mirrors; add the filesystem_mirror block printed above to it.`,
    ),
  ];
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|\s)(#|\/\/).*$/gm, "$1");
}
