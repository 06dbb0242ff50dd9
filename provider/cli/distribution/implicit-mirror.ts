// Directories Terraform searches for providers without any CLI configuration (its "implied" local
// mirrors), as long as the CLI configuration has no provider_installation block.
import os from "node:os";
import path from "node:path";

export interface HostContext {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The home directory Terraform would use: $HOME on Unix. */
  home: string;
}

export function hostContext(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): HostContext {
  return { platform, env, home: (platform === "win32" ? env.USERPROFILE : env.HOME) || os.homedir() };
}

function pathFor(host: HostContext): path.PlatformPath {
  return host.platform === "win32" ? path.win32 : path.posix;
}

function appData(host: HostContext): string {
  const dir = host.env.APPDATA;
  if (!dir) throw new Error("APPDATA is not set, so Terraform's plugin directory is unknown; pass --dir");
  return dir;
}

/** Where `install` puts the provider by default: ~/.terraform.d/plugins, or %APPDATA%\terraform.d\plugins. */
export function defaultMirrorDir(host: HostContext): string {
  const p = pathFor(host);
  return host.platform === "win32" ? p.join(appData(host), "terraform.d", "plugins") : p.join(host.home, ".terraform.d", "plugins");
}

/** Every implied mirror that does not depend on the working directory. */
export function implicitMirrorDirs(host: HostContext): string[] {
  const p = pathFor(host);
  const dirs = [defaultMirrorDir(host)];
  if (host.platform === "win32") {
    dirs.push(p.join(appData(host), "HashiCorp", "Terraform", "plugins"));
  } else if (host.platform === "darwin") {
    dirs.push(p.join(host.home, "Library", "Application Support", "io.terraform", "plugins"), "/Library/Application Support/io.terraform/plugins");
  } else {
    dirs.push(p.join(host.env.XDG_DATA_HOME || p.join(host.home, ".local", "share"), "terraform", "plugins"));
    for (const dataDir of (host.env.XDG_DATA_DIRS || "/usr/local/share:/usr/share").split(":").filter(Boolean)) {
      dirs.push(p.join(dataDir, "terraform", "plugins"));
    }
  }
  return dirs;
}

export function isImplicitMirror(dir: string, host: HostContext): boolean {
  const p = pathFor(host);
  const wanted = normalise(p.resolve(dir), host);
  return implicitMirrorDirs(host).some((d) => normalise(p.resolve(d), host) === wanted);
}

function normalise(dir: string, host: HostContext): string {
  return host.platform === "win32" || host.platform === "darwin" ? dir.toLowerCase() : dir;
}
