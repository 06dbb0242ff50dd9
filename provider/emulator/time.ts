// Timestamps as LiteLLM's JSON shows them, and its two duration grammars (reference §7):
// key `duration` (duration_in_seconds: errors on bad input) and `budget_duration`
// (get_next_standardized_reset_time: aligned resets, unparsable text falls back to next midnight).
// Everything is UTC, LiteLLM's default `litellm_settings.timezone`.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Python's datetime.isoformat() for an aware UTC datetime: microseconds only when non-zero. */
export function pythonIso(ms: number): string {
  const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const millis = iso.slice(20, 23);
  const base = iso.slice(0, 19);
  return millis === "000" ? `${base}+00:00` : `${base}.${millis}000+00:00`;
}

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : pythonIso(ms);
}

/** A ValueError raised by LiteLLM's duration helpers; its text reaches clients. */
export class DurationError extends Error {
  override readonly name = "DurationError";
}

/** Expiry instant for a key `duration`, as now + duration_in_seconds(duration). */
export function keyExpiry(duration: string, now: number): number {
  const m = /^(\d+)(mo|[smhdw]?)/.exec(duration); // re.match: anchored at the start only
  if (!m) throw new DurationError("Invalid duration format");
  const value = Number(m[1]);
  switch (m[2]) {
    case "s": return now + value * SECOND;
    case "m": return now + value * MINUTE;
    case "h": return now + value * HOUR;
    case "d": return now + value * DAY;
    case "w": return now + value * 7 * DAY;
    case "mo": return addMonths(now, value);
    default: throw new DurationError("Unsupported duration unit");
  }
}

/** Same wall-clock time N calendar months later, the day clamped to the target month's length. */
function addMonths(now: number, months: number): number {
  const d = new Date(now);
  const targetMonthIndex = d.getUTCMonth() + months;
  const year = d.getUTCFullYear() + Math.floor(targetMonthIndex / 12);
  const month = targetMonthIndex % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/** The words the newest duration_parser accepts, as the durations they stand for. */
const DURATION_WORDS: Record<string, string> = { hourly: "1h", daily: "1d", weekly: "7d", monthly: "1mo" };

/**
 * validate_budget_duration (newest LiteLLM): why a budget_duration cannot be stored, or null. It must parse, be
 * longer than zero, and give a reset time.
 */
export function budgetDurationError(duration: string): string | null {
  const d = DURATION_WORDS[duration] ?? duration;
  const m = /^(\d+)(s|m|h|d|w|mo)$/.exec(d);
  const ok = m !== null && Number(m[1]) > 0 && !(m[2] === "mo" && Number(m[1]) > 1);
  return ok ? null : `Invalid budget_duration '${duration}'. Use a format like '1h', '24h', '7d', or '30d'.`;
}

/** budget_reset_at for a budget_duration, per the standardised-reset table. */
export function nextBudgetReset(duration: string, now: number): number {
  const m = /^(\d+)(s|m|h|d|w|mo)$/.exec(DURATION_WORDS[duration] ?? duration);
  if (!m) return startOfDay(now) + DAY;
  const value = Number(m[1]);
  const unit = m[2]!;
  if (value === 0) return now;
  switch (unit) {
    case "s": return nextAligned(now, value, SECOND, MINUTE);
    case "m": return nextAligned(now, value, MINUTE, HOUR);
    case "h": return nextAligned(now, value, HOUR, DAY);
    case "d": return dayReset(now, value);
    case "w": return value === 1 ? nextMonday(now) : startOfDay(now) + value * 7 * DAY;
    default: // "mo"
      if (value > 1) throw new DurationError(`Unsupported budget_duration for a standardized reset: ${duration}; only 1mo is supported`);
      return firstOfNextMonth(now);
  }
}

function dayReset(now: number, days: number): number {
  if (days === 1) return startOfDay(now) + DAY;
  if (days === 7) return nextMonday(now);
  if (days === 30) return firstOfNextMonth(now);
  return startOfDay(now) + days * DAY;
}

/** The next instant strictly after now that is a multiple of `value` units within the enclosing period;
 *  past the period's end, the start of the next period. */
function nextAligned(now: number, value: number, unit: number, period: number): number {
  const periodStart = now - (now % period);
  const unitsIntoPeriod = Math.floor((now - periodStart) / unit);
  const next = (Math.floor(unitsIntoPeriod / value) + 1) * value;
  return next * unit >= period ? periodStart + period : periodStart + next * unit;
}

function startOfDay(now: number): number {
  return now - (now % DAY);
}

function nextMonday(now: number): number {
  const weekday = new Date(now).getUTCDay(); // 0 = Sunday
  const daysAhead = ((8 - weekday) % 7) || 7;
  return startOfDay(now) + daysAhead * DAY;
}

function firstOfNextMonth(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}
