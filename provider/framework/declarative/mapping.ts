// Between state and the API, derived from the declaration: request bodies, state built from what the API
// holds (keeping the user's spelling where it means the same), and the read-back comparison.
import { isUnknown, valuesEqual, type TfObject, type TfValue } from "../../values/value";
import type { AttributeDeclaration, Body, Remote } from "./declaration";

export function fieldOf(name: string, a: AttributeDeclaration): string {
  return a.field ?? name;
}

/** The body key, or undefined for attributes never sent. */
export function sendKey(name: string, a: AttributeDeclaration): string | undefined {
  if (a.computed || a.send === false) return undefined;
  return a.send ?? fieldOf(name, a).split(".").pop()!;
}

/** A field of the API object; dotted paths reach into nested objects. */
export function fieldValue(remote: Remote, path: string): unknown {
  let v: unknown = remote;
  for (const part of path.split(".")) {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** True when two state values of the attribute mean the same. */
export function same(a: AttributeDeclaration, x: TfValue, y: TfValue): boolean {
  if (isUnknown(x) || isUnknown(y)) return false;
  if (valuesEqual(x, y)) return true;
  return a.codec.equivalent?.(x, y) ?? false;
}

/** The create body: every argument the plan gives a value. */
export function createBody(attributes: Record<string, AttributeDeclaration>, planned: TfObject): Body {
  const body: Body = {};
  for (const [name, a] of Object.entries(attributes)) {
    const key = sendKey(name, a);
    const v = planned[name];
    if (key === undefined || a.within || v === null || v === undefined || isUnknown(v)) continue;
    body[key] = a.codec.toApi(v);
  }
  nestInto(attributes, Object.keys(attributes), body, planned);
  return body;
}

/** The attributes an update must send: changed ones and those sent always. */
export function changedArguments(attributes: Record<string, AttributeDeclaration>, prior: TfObject, planned: TfObject): string[] {
  const all = Object.entries(attributes);
  const changed = new Set(
    all.filter(([name, a]) => sendKey(name, a) !== undefined && !isUnknown(planned[name]) && (a.alwaysSend || !valuesEqual(prior[name], planned[name]))).map(([name]) => name),
  );
  for (const [name, a] of all) {
    if (!changed.has(name)) continue;
    // The object an attribute is sent within goes whole; a group goes together.
    const parent = a.within === undefined ? undefined : all.find(([n, b]) => !b.within && sendKey(n, b) === a.within);
    if (parent) changed.add(parent[0]);
    if (a.together) for (const [n, b] of all) if (b.together === a.together && !isUnknown(planned[n])) changed.add(n);
  }
  return [...changed];
}

/** The update body for `names`; a removed attribute is sent as its clearing value. `current` is the API object now. */
export function updateBody(attributes: Record<string, AttributeDeclaration>, names: string[], planned: TfObject, current: Remote | null): Body {
  const body: Body = {};
  for (const name of names) {
    const a = attributes[name]!;
    if (a.within) continue;
    const now = current ? fieldValue(current, fieldOf(name, a)) : undefined;
    const v = planned[name];
    body[sendKey(name, a)!] = v === null || v === undefined ? (a.codec.clear ? a.codec.clear(now) : null) : a.codec.toApi(v, now);
  }
  nestInto(attributes, names, body, planned);
  return body;
}

/**
 * Puts the `within` attributes among `names` into the objects `body` sends: a value sets its key, null or an
 * empty value removes it (no object is started for nothing); unknown values leave the object as it is.
 */
function nestInto(attributes: Record<string, AttributeDeclaration>, names: string[], body: Body, planned: TfObject): void {
  for (const name of names) {
    const a = attributes[name]!, v = planned[name];
    if (a.within === undefined || v === undefined || isUnknown(v)) continue;
    const value = v === null ? null : a.codec.toApi(v);
    const had = body[a.within];
    const parent: Record<string, unknown> = had !== null && typeof had === "object" && !Array.isArray(had) ? { ...had } : {};
    if (!isEmptyValue(value)) parent[sendKey(name, a)!] = value;
    else if (had === undefined) continue;
    else delete parent[sendKey(name, a)!];
    body[a.within] = parent;
  }
}

function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || (Array.isArray(v) ? v.length === 0 : typeof v === "object" && Object.keys(v).length === 0);
}

/**
 * Sets `state` from what the API holds. Where `base` (the plan, or the prior state) has a value that means the
 * same, it is kept, so state holds what the user wrote. Write-only attributes keep what `state` holds.
 */
export function stateFromRemote(decl: { attributes: Record<string, AttributeDeclaration> }, state: TfObject, remote: Remote, base: TfObject | null): void {
  for (const [name, a] of Object.entries(decl.attributes)) {
    const mine = base ? base[name] : undefined;
    if (a.writeOnly) {
      // What state holds now: written by the plan, or by the write itself (a secret only create's answer had).
      const held = state[name];
      state[name] = held === undefined || held === null || isUnknown(held) ? (a.default ?? null) : held;
      continue;
    }
    const server = a.codec.fromApi(fieldValue(remote, fieldOf(name, a)), mine === undefined || isUnknown(mine) ? null : mine);
    // A null the user wrote stays when the codec says it means what the API holds (no role: the default role).
    state[name] = !a.computed && mine !== undefined && same(a, mine, server) ? mine : server;
  }
}

export interface Mismatch {
  attribute: string;
  planned: TfValue;
  actual: TfValue;
}

/** Arguments whose known planned value the API did not keep. */
export function mismatches(attributes: Record<string, AttributeDeclaration>, planned: TfObject, state: TfObject): Mismatch[] {
  const out: Mismatch[] = [];
  for (const [name, a] of Object.entries(attributes)) {
    if (a.computed || a.writeOnly) continue;
    const p = planned[name];
    if (p === undefined || isUnknown(p) || same(a, p, state[name]!)) continue;
    out.push({ attribute: name, planned: p, actual: state[name]! });
  }
  return out;
}

/** Shows a value in a message as Terraform would write it. */
export function show(v: TfValue): string {
  if (v === null) return "null";
  if (typeof v === "bigint") return v.toString();
  // Large numbers decode to bigints, at any depth; JSON.stringify alone throws on them.
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x)) ?? String(v);
}
