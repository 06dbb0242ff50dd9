// Diagnostics instead of exceptions: every problem reaches Terraform as a severity, a summary, a detail
// and, where it belongs to one, the path of the attribute.

export type PathStep = { attribute: string } | { key: string } | { index: number };
export type AttributePath = PathStep[];

/** `attributePath("models", 0)` → models[0]. */
export function attributePath(...steps: (string | number)[]): AttributePath {
  return steps.map((s, i) => (typeof s === "number" ? { index: s } : i === 0 ? { attribute: s } : { key: s }));
}

export function formatPath(path: AttributePath): string {
  return path
    .map((s, i) => ("attribute" in s ? (i === 0 ? s.attribute : `.${s.attribute}`) : "key" in s ? `[${JSON.stringify(s.key)}]` : `[${s.index}]`))
    .join("");
}

export interface Diagnostic {
  severity: "error" | "warning";
  summary: string;
  detail: string;
  path?: AttributePath;
}

export class Diagnostics {
  readonly items: Diagnostic[] = [];

  addError(summary: string, detail: string, path?: AttributePath): void {
    this.items.push({ severity: "error", summary, detail, path });
  }
  addWarning(summary: string, detail: string, path?: AttributePath): void {
    this.items.push({ severity: "warning", summary, detail, path });
  }
  append(other: Diagnostics | Diagnostic[]): void {
    this.items.push(...(Array.isArray(other) ? other : other.items));
  }
  hasError(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
}
