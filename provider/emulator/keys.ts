// Virtual keys as LiteLLM mints them: "sk-" + secrets.token_urlsafe(16), stored only as a sha256 hash.

import { createHash, randomBytes } from "node:crypto";

export function mintKeyValue(): string {
  return "sk-" + randomBytes(16).toString("base64url");
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function keyNameOf(key: string): string {
  return `sk-...${key.slice(-4)}`;
}

/** Endpoints that take a key accept the raw "sk-..." or its hash. */
export function tokenOf(rawOrHash: string): string {
  return rawOrHash.startsWith("sk-") ? hashKey(rawOrHash) : rawOrHash;
}
