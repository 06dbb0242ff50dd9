// Terraform parses provider versions as semver; a pre-release is only chosen by an exact constraint.
import { UsageError } from "../command-line";

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function checkProviderVersion(version: string): string {
  if (!SEMVER.test(version)) throw new UsageError(`package version "${version}" is not a semantic version Terraform accepts`);
  if (version.includes("+")) throw new UsageError(`package version "${version}" has build metadata, which Terraform ignores; use a pre-release or a new version`);
  return version;
}

/** Notes for the user about a version Terraform treats specially. */
export function versionNotes(version: string): string[] {
  return version.includes("-")
    ? [`${version} is a pre-release: Terraform selects it only with an exact constraint, version = "${version}".`]
    : [];
}
