import fs from "node:fs";

/** Writes through a rename, and leaves identical files alone so re-running keeps timestamps. */
export function writeIfChanged(file: string, data: Buffer): void {
  try {
    if (fs.readFileSync(file).equals(data)) return;
  } catch {
    /* absent */
  }
  const temp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temp, data);
  fs.renameSync(temp, file);
}
