// Reading one attribute of a Terraform object as a plain value: null when it is unset, unknown or of another type.
import { numberOf } from "../framework/declarative";
import type { TfObject } from "../values/value";

export function str(o: TfObject, k: string): string | null {
  const v = o[k];
  return typeof v === "string" ? v : null;
}

export function num(o: TfObject, k: string): number | null {
  return numberOf(o[k] ?? null);
}

export function bool(o: TfObject, k: string): boolean | null {
  const v = o[k];
  return typeof v === "boolean" ? v : null;
}

export function strList(o: TfObject, k: string): string[] | null {
  const v = o[k];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : null;
}
