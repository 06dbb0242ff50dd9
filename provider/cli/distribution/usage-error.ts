// The CLI dispatcher recognises this by name and exits 2 instead of 1.
export class UsageError extends Error {
  override readonly name = "UsageError";
}
