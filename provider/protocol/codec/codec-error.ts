// The one error the value codec throws. It names the attribute path where decoding or encoding
// went wrong, so the framework can turn it into an attribute-scoped diagnostic.

import type { AttributePathStep } from "../gen/tfplugin6";

export class CodecError extends Error {
  override readonly name = "CodecError";
  /** Where in the value the problem is; empty for the value as a whole. */
  path: AttributePathStep[];
  /** The problem without the path, for diagnostics that carry the path separately. */
  readonly reason: string;

  constructor(reason: string, path: AttributePathStep[] = [], options?: { cause?: unknown }) {
    super(messageOf(reason, path), options);
    this.reason = reason;
    this.path = path;
  }

  /** Records where the error happened, once; the innermost position wins. */
  locate(path: readonly AttributePathStep[]): this {
    if (this.path.length === 0 && path.length > 0) {
      this.path = path.slice();
      this.message = messageOf(this.reason, this.path);
    }
    return this;
  }
}

/** Recognises a CodecError by name, so copies of this module in other bundles still match. */
export function isCodecError(e: unknown): e is CodecError {
  return e instanceof Error && e.name === "CodecError" && Array.isArray((e as CodecError).path);
}

/**
 * Where the codec is inside a value, kept cheaply while it works: an attribute name, an element index,
 * or a map key (boxed, to tell it from an attribute). Turned into AttributePathSteps only on an error.
 */
export type PathPart = string | number | { element_key_string: string };

export function stepsOf(parts: readonly PathPart[]): AttributePathStep[] {
  return parts.map((p) => (typeof p === "string" ? { attribute_name: p } : typeof p === "number" ? { element_key_int: p } : { element_key_string: p.element_key_string }));
}

/** Turns anything thrown inside the codec into a CodecError at the given position. */
export function toCodecError(e: unknown, parts: readonly PathPart[], what: string): CodecError {
  const path = stepsOf(parts);
  if (isCodecError(e)) return e.locate(path);
  // Stack overflows and other runtime failures on hostile input end up here.
  const detail = e instanceof Error ? e.message : String(e);
  return new CodecError(`${what}: ${detail}`, path, { cause: e });
}

export function pathText(path: readonly AttributePathStep[]): string {
  let out = "";
  for (const step of path) {
    if (step.attribute_name !== undefined) out += `.${step.attribute_name}`;
    else if (step.element_key_string !== undefined) out += `[${JSON.stringify(step.element_key_string)}]`;
    else if (step.element_key_int !== undefined) out += `[${step.element_key_int}]`;
  }
  return out;
}

function messageOf(reason: string, path: readonly AttributePathStep[]): string {
  return path.length ? `${pathText(path)}: ${reason}` : reason;
}
