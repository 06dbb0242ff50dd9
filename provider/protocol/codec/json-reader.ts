// A small JSON parser that keeps numbers as their source text, because JSON.parse rounds
// numbers to float64 and Terraform state may hold integers beyond 2^53 or long decimals.

import { CodecError } from "./codec-error";

export class JsonNumber {
  constructor(readonly text: string) {}
}
/** Objects are Maps so that keys such as "__proto__" stay plain data. */
export type JsonNode = null | boolean | string | JsonNumber | JsonNode[] | Map<string, JsonNode>;

const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function parseJsonLossless(text: string): JsonNode {
  const p = new Parser(text);
  const node = p.value(0);
  p.skipSpace();
  if (!p.atEnd()) throw p.fail("unexpected text after the JSON value");
  return node;
}

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      this.pos++;
    }
  }

  fail(reason: string): CodecError {
    return new CodecError(`invalid JSON at offset ${this.pos}: ${reason}`);
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw this.fail("nested too deeply");
    this.skipSpace();
    const c = this.text[this.pos];
    switch (c) {
      case "{": return this.object(depth);
      case "[": return this.array(depth);
      case '"': return this.string();
      case "t": return this.literal("true", true);
      case "f": return this.literal("false", false);
      case "n": return this.literal("null", null);
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) throw this.fail(c === undefined ? "unexpected end of input" : `unexpected character ${JSON.stringify(c)}`);
    this.pos += m[0].length;
    return new JsonNumber(m[0]);
  }

  private literal<T extends JsonNode>(word: string, v: T): T {
    if (!this.text.startsWith(word, this.pos)) throw this.fail(`expected ${word}`);
    this.pos += word.length;
    return v;
  }

  private string(): string {
    const t = this.text;
    const start = this.pos;
    let escaped = false;
    for (let i = start + 1; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x5c) {
        escaped = true;
        i++;
      } else if (c === 0x22) {
        this.pos = i + 1;
        const inner = t.slice(start + 1, i);
        if (!escaped && !/[\u0000-\u001f]/.test(inner)) return inner;
        try {
          return JSON.parse(t.slice(start, i + 1)) as string;
        } catch {
          throw this.fail("invalid string");
        }
      }
    }
    throw this.fail("unterminated string");
  }

  private array(depth: number): JsonNode[] {
    this.pos++;
    const out: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.skipSpace();
      const c = this.text[this.pos++];
      if (c === "]") return out;
      if (c !== ",") throw this.fail("expected , or ]");
    }
  }

  private object(depth: number): Map<string, JsonNode> {
    this.pos++;
    const out = new Map<string, JsonNode>();
    this.skipSpace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') throw this.fail("expected a string key");
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos++] !== ":") throw this.fail("expected :");
      out.set(key, this.value(depth + 1));
      this.skipSpace();
      const c = this.text[this.pos++];
      if (c === "}") return out;
      if (c !== ",") throw this.fail("expected , or }");
    }
  }
}
