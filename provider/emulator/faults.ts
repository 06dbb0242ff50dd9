// Fault rules for tests: match requests by method/path, optionally only n times or with a seeded probability,
// and replace the answer with latency, an error status, a reset socket, broken JSON or a hang — either
// before the request is processed or after it (state already changed), which is what retry tests need.

import { seededRandom, type Random } from "./prng";

export interface FaultMatch {
  method?: string;
  /** Exact path, or a prefix when it ends with "*" ("/user/*"). Never matches /_emulator/ paths. */
  path?: string;
  /** Apply to the next n matching requests only. */
  times?: number;
  /** Apply with this probability (0..1), drawn from the seeded generator. */
  probability?: number;
}

export interface FaultAction {
  latencyMs?: number;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Destroy the socket without answering. */
  reset?: boolean;
  /** Answer with a truncated JSON document. */
  malformedJson?: boolean;
  /** Hold the request without answering, then destroy the socket; 0 or less holds it until close(). */
  hangMs?: number;
}

export interface FaultRule {
  match?: FaultMatch;
  action: FaultAction;
  when?: "before" | "after";
}

export interface ActiveFault extends FaultRule {
  id: number;
  when: "before" | "after";
  /** Applications left; null when unlimited. */
  remaining: number | null;
  hits: number;
}

export class FaultRuleError extends Error {
  override readonly name = "FaultRuleError";
}

export class FaultInjector {
  private rules: ActiveFault[] = [];
  private nextId = 1;
  private random: Random;

  constructor(seed = 1) {
    this.random = seededRandom(seed);
  }

  reseed(seed: number): void {
    this.random = seededRandom(seed);
  }

  /** Validates every rule first, so a bad list adds nothing. */
  add(rules: unknown[]): ActiveFault[] {
    const parsed = rules.map((rule, index) => parseRule(rule, index));
    const added = parsed.map((rule) => ({
      ...rule,
      id: this.nextId++,
      when: rule.when ?? "before",
      remaining: rule.match?.times ?? null,
      hits: 0,
    }));
    this.rules.push(...added);
    return added;
  }

  list(): ActiveFault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
  }

  /** The first rule that matches and fires; it is consumed by one application. */
  pick(method: string, path: string): ActiveFault | undefined {
    for (const rule of this.rules) {
      if (!matches(rule.match, method, path)) continue;
      const p = rule.match?.probability;
      if (p !== undefined && this.random() >= p) continue;
      rule.hits++;
      if (rule.remaining !== null) {
        rule.remaining--;
        if (rule.remaining === 0) this.rules = this.rules.filter((r) => r !== rule);
      }
      return { ...rule };
    }
    return undefined;
  }
}

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (path.startsWith("/_emulator/")) return false;
  if (match?.method && match.method.toUpperCase() !== method) return false;
  const pattern = match?.path;
  if (pattern === undefined) return true;
  return pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

const RULE_KEYS = new Set(["match", "action", "when"]);
const MATCH_KEYS = new Set(["method", "path", "times", "probability"]);
const ACTION_KEYS = new Set(["latencyMs", "status", "body", "headers", "reset", "malformedJson", "hangMs"]);

/** Strict, so a typo in a test's rule fails loudly instead of silently never firing. */
function parseRule(input: unknown, index: number): FaultRule {
  const where = `fault rule ${index}`;
  const rule = objectWithKeys(input, RULE_KEYS, where);
  const match = rule.match === undefined ? undefined : objectWithKeys(rule.match, MATCH_KEYS, `${where}.match`);
  const action = objectWithKeys(rule.action, ACTION_KEYS, `${where}.action`);
  if (match) {
    check(match.method === undefined || typeof match.method === "string", `${where}.match.method must be a string`);
    check(match.path === undefined || (typeof match.path === "string" && match.path.startsWith("/")), `${where}.match.path must start with "/"`);
    check(match.times === undefined || (Number.isInteger(match.times) && (match.times as number) > 0), `${where}.match.times must be a positive integer`);
    check(match.probability === undefined || (typeof match.probability === "number" && match.probability >= 0 && match.probability <= 1), `${where}.match.probability must be between 0 and 1`);
  }
  check(action.latencyMs === undefined || (typeof action.latencyMs === "number" && action.latencyMs >= 0), `${where}.action.latencyMs must be a number >= 0`);
  check(action.status === undefined || (Number.isInteger(action.status) && (action.status as number) >= 100 && (action.status as number) <= 599), `${where}.action.status must be an HTTP status`);
  check(action.headers === undefined || isStringRecord(action.headers), `${where}.action.headers must map names to strings`);
  check(action.reset === undefined || typeof action.reset === "boolean", `${where}.action.reset must be a boolean`);
  check(action.malformedJson === undefined || typeof action.malformedJson === "boolean", `${where}.action.malformedJson must be a boolean`);
  check(action.hangMs === undefined || typeof action.hangMs === "number", `${where}.action.hangMs must be a number`);
  check(rule.when === undefined || rule.when === "before" || rule.when === "after", `${where}.when must be "before" or "after"`);
  return rule as unknown as FaultRule;
}

function objectWithKeys(value: unknown, allowed: Set<string>, where: string): Record<string, unknown> {
  check(typeof value === "object" && value !== null && !Array.isArray(value), `${where} must be an object`);
  const unknownKey = Object.keys(value as object).find((k) => !allowed.has(k));
  check(unknownKey === undefined, `${where} has an unknown field "${unknownKey}"`);
  return value as Record<string, unknown>;
}

function isStringRecord(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new FaultRuleError(message);
}
