// Where Terraform looks for this provider: its source address and the file names the
// installation protocols expect for one version and platform.

export const PROVIDER_HOSTNAME = "registry.terraform.io";
export const PROVIDER_NAMESPACE = "litellm-tf";
export const PROVIDER_TYPE = "litellm";
export const PROVIDER_SOURCE = `${PROVIDER_HOSTNAME}/${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}`;

/** The name of the executable in dist/provider and in dev_overrides directories. */
export const EXECUTABLE_BASENAME = `terraform-provider-${PROVIDER_TYPE}`;

/** The executable's name inside a mirror or release zip; Terraform accepts a `_v<version>` suffix. */
export function versionedExecutableName(version: string): string {
  return `${EXECUTABLE_BASENAME}_v${version}`;
}

/** Release archive name, also the packed filesystem-mirror entry name. */
export function releaseZipName(version: string, platform: string): string {
  return `${EXECUTABLE_BASENAME}_${version}_${platform}.zip`;
}

export function checksumsFileName(version: string): string {
  return `${EXECUTABLE_BASENAME}_${version}_SHA256SUMS`;
}

export function manifestFileName(version: string): string {
  return `${EXECUTABLE_BASENAME}_${version}_manifest.json`;
}

/** HOST/NAMESPACE/TYPE: the path both mirror layouts start with. */
export function providerPathSegments(): string[] {
  return [PROVIDER_HOSTNAME, PROVIDER_NAMESPACE, PROVIDER_TYPE];
}
