// Validates a JSON request body against a field table, as FastAPI + pydantic do for a single body model:
// every field issue is collected, unknown fields are ignored, and only fields present in the body are returned
// (the equivalent of model_dump(exclude_unset=True), which is what partial updates need).

import { validationError, type ValidationIssue } from "../errors";
import { Reply, type RequestBody } from "../http-types";
import { isPlainObject, type Coercer, type Issue } from "./coerce";

export interface FieldSpec {
  coerce: Coercer;
  /** Optional[...] in the model; false for fields like `auto_create_key: bool = True`. Default true. */
  nullable?: boolean;
  required?: boolean;
  /** Element coercer for typed lists (List[str]); issues get the element index in loc. */
  items?: Coercer;
}

export type ModelSpec = Record<string, FieldSpec>;
export type ModelValues = Record<string, unknown>;

/** Returns the present, coerced fields, or throws a Reply carrying the 422. */
export function validateBody(body: RequestBody, spec: ModelSpec, before?: (raw: Record<string, unknown>) => ValidationIssue | undefined): ModelValues {
  if (body.kind === "invalid") throw new Reply(body.response);
  if (body.kind === "absent") throw new Reply(validationError([{ type: "missing", loc: ["body"], msg: "Field required", input: null }]));
  const raw = body.value;
  if (!isPlainObject(raw)) {
    throw new Reply(
      validationError([{ type: "model_attributes_type", loc: ["body"], msg: "Input should be a valid dictionary or object to extract fields from", input: raw }]),
    );
  }
  const early = before?.(raw);
  if (early) throw new Reply(validationError([early]));

  const issues: ValidationIssue[] = [];
  const values: ModelValues = {};
  for (const [name, field] of Object.entries(spec)) {
    if (!Object.prototype.hasOwnProperty.call(raw, name)) {
      if (field.required) issues.push({ type: "missing", loc: ["body", name], msg: "Field required", input: raw });
      continue;
    }
    const input = raw[name];
    if (input === null && field.nullable !== false) {
      values[name] = null;
      continue;
    }
    const result = field.coerce(input);
    if (!result.ok) {
      issues.push(located(result.issue, ["body", name]));
      continue;
    }
    if (field.items && Array.isArray(result.value)) {
      const elementIssues = coerceItems(result.value, field.items, name);
      if (elementIssues.issues.length > 0) {
        issues.push(...elementIssues.issues);
        continue;
      }
      values[name] = elementIssues.values;
      continue;
    }
    values[name] = result.value;
  }
  if (issues.length > 0) throw new Reply(validationError(issues));
  return values;
}

function coerceItems(items: unknown[], coerce: Coercer, name: string): { values: unknown[]; issues: ValidationIssue[] } {
  const values: unknown[] = [];
  const issues: ValidationIssue[] = [];
  items.forEach((item, index) => {
    const result = coerce(item);
    if (result.ok) values.push(result.value);
    else issues.push(located(result.issue, ["body", name, index]));
  });
  return { values, issues };
}

/** Pydantic's key order: type, loc, msg, input, ctx. */
function located(issue: Issue, loc: (string | number)[]): ValidationIssue {
  const { type, msg, input, ctx } = issue;
  return ctx ? { type, loc, msg, input, ctx } : { type, loc, msg, input };
}
