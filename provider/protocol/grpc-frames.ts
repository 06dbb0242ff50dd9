// gRPC's length-prefixed messages on an HTTP/2 stream: one flag byte (1 = compressed), a 4-byte
// big-endian length, then the payload. A message may span DATA frames, and a frame may hold several.

export const FRAME_HEADER_BYTES = 5;

export function frameMessage(payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(FRAME_HEADER_BYTES + payload.length);
  out[0] = 0;
  out.writeUInt32BE(payload.length, 1);
  out.set(payload, FRAME_HEADER_BYTES);
  return out;
}

export class FrameError extends Error {
  override readonly name = "FrameError";
  constructor(
    message: string,
    /** The gRPC status to answer with. */
    readonly status: number,
  ) {
    super(message);
  }
}

const RESOURCE_EXHAUSTED = 8;
const UNIMPLEMENTED = 12;

/** Collects DATA chunks and yields whole message payloads. */
export class MessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxMessageBytes: number) {}

  /** Adds a chunk; returns the messages it completed (usually none or one). */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const messages: Buffer[] = [];
    while (this.buffered >= FRAME_HEADER_BYTES) {
      const head = this.peek(FRAME_HEADER_BYTES);
      if (head[0] !== 0) throw new FrameError("compressed messages are not supported", UNIMPLEMENTED);
      const length = head.readUInt32BE(1);
      if (length > this.maxMessageBytes) {
        throw new FrameError(`message of ${length} bytes exceeds the limit of ${this.maxMessageBytes}`, RESOURCE_EXHAUSTED);
      }
      if (this.buffered < FRAME_HEADER_BYTES + length) break;
      messages.push(this.take(FRAME_HEADER_BYTES + length).subarray(FRAME_HEADER_BYTES));
    }
    return messages;
  }

  /** True when a message has started but not finished. */
  get partial(): boolean {
    return this.buffered > 0;
  }

  private peek(n: number): Buffer {
    if (this.chunks[0]!.length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0]!;
  }

  private take(n: number): Buffer {
    const first = this.chunks[0]!;
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      const all = Buffer.concat(this.chunks);
      out = all.subarray(0, n);
      this.chunks = all.length > n ? [all.subarray(n)] : [];
    }
    this.buffered -= n;
    return out;
  }
}
