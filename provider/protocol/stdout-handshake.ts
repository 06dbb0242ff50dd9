// Writes the handshake line as the only thing stdout ever carries, then ends stdout.
// go-plugin keeps reading stdout until EOF; if EOF only comes at exit, its reader races the
// process reaper and logs "error encountered while scanning stdout" at ERROR on every run.

import fs from "node:fs";

export function writeHandshakeAndCloseStdout(line: string, onWarning: (message: string) => void = () => {}): void {
  fs.writeSync(1, line);
  fs.closeSync(1);
  // open() takes the lowest free descriptor, so /dev/null becomes fd 1 and a stray write can neither
  // reach Terraform nor land in a socket that happened to reuse fd 1.
  const fd = fs.openSync("/dev/null", "w");
  if (fd !== 1) onWarning(`stdout was replaced by descriptor ${fd} instead of 1`);
}
