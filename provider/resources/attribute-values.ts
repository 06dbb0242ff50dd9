// Reading one attribute of a Terraform object as a plain value: null when it is unset, unknown or of another type.
import { isUnknown, numberText, type TfNumber, type TfObject } from "../values/value";

export function str(o: TfObject, k: string): string | null {
  const v = o[k];
  return typeof v === "string" ? v : null;
}

export function num(o: TfObject, k: string): number | null {
  const v = o[k];
  if (v === null || v === undefined || isUnknown(v) || typeof v === "string" || typeof v === "boolean" || Array.isArray(v)) return null;
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  return Number(numberText(v as unknown as TfNumber));
}

export function bool(o: TfObject, k: string): boolean | null {
  const v = o[k];
  return typeof v === "boolean" ? v : null;
}

export function strList(o: TfObject, k: string): string[] | null {
  const v = o[k];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : null;
}
