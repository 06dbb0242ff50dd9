// A deterministic zip writer: entries in the order given, a fixed timestamp (1980-01-01 00:00, the
// earliest a zip can hold), Unix modes in the external attributes so the executable bit survives
// Terraform's extraction, no extra fields. Same entries in, same bytes out.
import zlib from "node:zlib";
import { crc32 } from "./crc32";

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Unix permission bits, for example 0o755. */
  mode: number;
}

export interface ZipOptions {
  /** Store instead of deflate: bytes then do not depend on the zlib build. */
  store?: boolean;
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const VERSION_NEEDED = 20; // 2.0: deflate
const MADE_BY_UNIX = (3 << 8) | VERSION_NEEDED;
const S_IFREG = 0o100000;

export function createZip(entries: ZipEntry[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.name)) throw new Error(`duplicate zip entry ${entry.name}`);
    seen.add(entry.name);
    const name = Buffer.from(entry.name, "utf8");
    const method = options.store ? 0 : 8;
    const body = options.store ? entry.data : zlib.deflateRawSync(entry.data, { level: 9 });
    const fields = { method, crc: crc32(entry.data), compressed: body.length, size: entry.data.length, name };
    const local = header(0x04034b50, fields, null);
    locals.push(local, body);
    centrals.push(header(0x02014b50, fields, { offset, externalAttributes: ((S_IFREG | (entry.mode & 0o7777)) << 16) >>> 0 }));
    offset += local.length + body.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

interface HeaderFields {
  method: number;
  crc: number;
  compressed: number;
  size: number;
  name: Buffer;
}

/** A local header (central = null) or a central-directory record. */
function header(signature: number, f: HeaderFields, central: { offset: number; externalAttributes: number } | null): Buffer {
  const fixed = central ? 46 : 30;
  const b = Buffer.alloc(fixed + f.name.length);
  let p = 0;
  const u16 = (v: number) => (p = b.writeUInt16LE(v, p));
  const u32 = (v: number) => (p = b.writeUInt32LE(v >>> 0, p));
  u32(signature);
  if (central) u16(MADE_BY_UNIX);
  u16(VERSION_NEEDED);
  u16(/^[\x20-\x7e]*$/.test(f.name.toString("utf8")) ? 0 : 0x0800); // bit 11: UTF-8 name; sizes known up front
  u16(f.method);
  u16(DOS_TIME);
  u16(DOS_DATE);
  u32(f.crc);
  u32(f.compressed);
  u32(f.size);
  u16(f.name.length);
  u16(0); // extra field length
  if (central) {
    u16(0); // comment length
    u16(0); // disk number
    u16(0); // internal attributes
    u32(central.externalAttributes);
    u32(central.offset);
  }
  f.name.copy(b, p);
  return b;
}
