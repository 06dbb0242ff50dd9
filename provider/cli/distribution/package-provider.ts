// Release artifacts in the shape registries and mirrors expect:
//   OUT/terraform-provider-litellm_V_OS_ARCH.zip     one per platform, deterministic bytes
//   OUT/terraform-provider-litellm_V_manifest.json   registry manifest (protocol 6.0)
//   OUT/terraform-provider-litellm_V_SHA256SUMS      sha256 of the zips and the manifest
//   OUT/mirror/HOST/NS/TYPE/{index.json,V.json,*.zip} a network mirror (serve OUT/mirror over HTTPS),
//                                                     which is also a packed filesystem mirror
import fs from "node:fs";
import path from "node:path";
import { packageHashH1, sha256Hex, zipHashZh } from "./h1-hash";
import { writeNetworkMirror } from "./network-mirror";
import type { ProviderBuild } from "./package-root";
import { SCRIPT_PLATFORMS, checkScriptPlatform } from "./platforms";
import { checksumsFileName, manifestFileName, releaseZipName, versionedExecutableName } from "./provider-address";
import { writeIfChanged } from "./write-file";
import { createZip } from "./zip-writer";

export interface PackageOptions {
  build: ProviderBuild;
  outDir: string;
  /** Default: every platform the node script runs on. */
  platforms?: string[];
}

export interface PackagedArchive {
  platform: string;
  file: string;
  sha256: string;
  /** The hash `terraform init` records when it installs from this zip through a mirror. */
  h1: string;
}

export interface PackageResult {
  version: string;
  archives: PackagedArchive[];
  manifestFile: string;
  checksumsFile: string;
  mirrorDir: string;
}

/** The registry manifest: which plugin protocol versions the release speaks. */
export const REGISTRY_MANIFEST = `${JSON.stringify({ version: 1, metadata: { protocol_versions: ["6.0"] } }, null, 2)}\n`;

export function packageProvider(options: PackageOptions): PackageResult {
  const { build } = options;
  const outDir = path.resolve(options.outDir);
  const platforms = [...new Set((options.platforms ?? [...SCRIPT_PLATFORMS]).map(checkScriptPlatform))].sort();
  const entry = { name: versionedExecutableName(build.version), data: fs.readFileSync(build.executable), mode: 0o755 };
  const zip = createZip([entry]);
  const h1 = packageHashH1([entry]);
  fs.mkdirSync(outDir, { recursive: true });

  const archives = platforms.map((platform): PackagedArchive => {
    const file = path.join(outDir, releaseZipName(build.version, platform));
    writeIfChanged(file, zip);
    return { platform, file, sha256: sha256Hex(zip), h1 };
  });

  const manifestFile = path.join(outDir, manifestFileName(build.version));
  writeIfChanged(manifestFile, Buffer.from(REGISTRY_MANIFEST));
  const sums = [...archives.map((a) => ({ name: path.basename(a.file), sha256: a.sha256 })), { name: path.basename(manifestFile), sha256: sha256Hex(Buffer.from(REGISTRY_MANIFEST)) }]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((s) => `${s.sha256}  ${s.name}\n`)
    .join("");
  const checksumsFile = path.join(outDir, checksumsFileName(build.version));
  writeIfChanged(checksumsFile, Buffer.from(sums));

  const mirrorDir = path.join(outDir, "mirror");
  writeNetworkMirror({
    mirrorDir,
    version: build.version,
    archives: archives.map((a) => ({ platform: a.platform, fileName: path.basename(a.file), data: zip, hashes: [a.h1, zipHashZh(zip)] })),
  });
  return { version: build.version, archives, manifestFile, checksumsFile, mirrorDir };
}
