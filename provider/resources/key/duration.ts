// A key's `duration`. LiteLLM keeps only the expiry it computed (now + duration), never the duration, so an
// imported key gets the duration its lifetime shows (expires - created_at), marked in private state as read
// rather than written. Such a duration stays when the configuration leaves it out (the key keeps its expiry);
// one the user wrote and then removed makes the key never expire, as LiteLLM does with duration null.
import type { Codec } from "../../framework/declarative";
import type { TfValue } from "../../values/value";
import { readKeyPrivate, writeKeyPrivate } from "./private-state";

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const DAY = 86400;

/** The seconds a duration stands for, as a range: a calendar month is 28 to 31 days. */
function secondsRange(text: string): [number, number] | null {
  const m = /^(\d+)(mo|[smhdw])$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] === "mo" ? [n * 28 * DAY, n * 31 * DAY] : [n * UNIT_SECONDS[m[2]!]!, n * UNIT_SECONDS[m[2]!]!];
}

/** Two durations mean the same when the seconds they may stand for overlap (30d and 1mo in a 30-day month). */
export function sameDuration(a: TfValue, b: TfValue): boolean {
  if (typeof a !== "string" || typeof b !== "string") return a === b;
  if (a === b) return true;
  const ra = secondsRange(a), rb = secondsRange(b);
  return ra !== null && rb !== null && ra[0] <= rb[1] && rb[0] <= ra[1];
}

export const keyDuration = (): Codec => ({
  toApi: (v) => v,
  fromApi: (v) => (typeof v === "string" ? v : null),
  equivalent: sameDuration,
});

/** The duration a key was made with, from its created_at and expires (ISO text); null without an expiry. */
export function durationOfLifetime(createdAt: unknown, expires: unknown): string | null {
  if (typeof createdAt !== "string" || typeof expires !== "string") return null;
  const seconds = Math.round((Date.parse(expires) - Date.parse(createdAt)) / 1000);
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  for (const unit of ["d", "h", "m"]) if (seconds % UNIT_SECONDS[unit]! === 0) return `${seconds / UNIT_SECONDS[unit]!}${unit}`;
  return `${seconds}s`;
}

/** Private state saying the key's duration was read from its lifetime at import. */
export function durationReadMark(): Uint8Array {
  return writeKeyPrivate({ duration: "read" });
}

export function isDurationRead(priv: Uint8Array): boolean {
  return readKeyPrivate(priv).duration === "read";
}
