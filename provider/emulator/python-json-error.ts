// FastAPI reports malformed JSON as 422 json_invalid with Python's json error: loc ["body", pos], ctx {"error": msg}.
// JSON.parse gives neither Python's wording nor a stable position, so this small scanner finds the first
// error the way Python's json.decoder does (strict mode, NaN/Infinity accepted).

export interface JsonSyntaxError {
  pos: number;
  msg: string;
}

class Failure {
  constructor(readonly pos: number, readonly msg: string) {}
}

const WS = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const LITERALS = ["true", "false", "null", "NaN", "Infinity", "-Infinity"];

export function findPythonJsonError(text: string): JsonSyntaxError | null {
  try {
    const end = scanValue(text, skipWs(text, 0));
    const after = skipWs(text, end);
    if (after !== text.length) throw new Failure(after, "Extra data");
    return null;
  } catch (e) {
    if (e instanceof Failure) return { pos: e.pos, msg: e.msg };
    throw e;
  }
}

function skipWs(s: string, i: number): number {
  WS.lastIndex = i;
  WS.exec(s);
  return WS.lastIndex;
}

/** Returns the index just past the value that starts at i. */
function scanValue(s: string, i: number): number {
  const ch = s[i];
  if (ch === '"') return scanString(s, i);
  if (ch === "{") return scanObject(s, i + 1);
  if (ch === "[") return scanArray(s, i + 1);
  for (const lit of LITERALS) if (s.startsWith(lit, i)) return i + lit.length;
  NUMBER.lastIndex = i;
  if (NUMBER.exec(s)) return NUMBER.lastIndex;
  throw new Failure(i, "Expecting value");
}

function scanString(s: string, start: number): number {
  let i = start + 1;
  for (;;) {
    if (i >= s.length) throw new Failure(start, "Unterminated string starting at");
    const ch = s[i];
    if (ch === '"') return i + 1;
    if (ch === "\\") {
      const esc = s[i + 1];
      if (esc === undefined) throw new Failure(start, "Unterminated string starting at");
      if (esc === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) throw new Failure(i, "Invalid \\uXXXX escape");
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(esc)) throw new Failure(i, "Invalid \\escape");
      i += 2;
      continue;
    }
    if (ch.charCodeAt(0) < 0x20) throw new Failure(i, "Invalid control character at");
    i++;
  }
}

function scanObject(s: string, i: number): number {
  i = skipWs(s, i);
  if (s[i] === "}") return i + 1;
  for (;;) {
    if (s[i] !== '"') throw new Failure(i, "Expecting property name enclosed in double quotes");
    i = skipWs(s, scanString(s, i));
    if (s[i] !== ":") throw new Failure(i, "Expecting ':' delimiter");
    i = skipWs(s, scanValue(s, skipWs(s, i + 1)));
    if (s[i] === "}") return i + 1;
    if (s[i] !== ",") throw new Failure(i, "Expecting ',' delimiter");
    i = skipWs(s, i + 1);
  }
}

function scanArray(s: string, i: number): number {
  i = skipWs(s, i);
  if (s[i] === "]") return i + 1;
  for (;;) {
    i = skipWs(s, scanValue(s, i));
    if (s[i] === "]") return i + 1;
    if (s[i] !== ",") throw new Failure(i, "Expecting ',' delimiter");
    i = skipWs(s, i + 1);
  }
}
