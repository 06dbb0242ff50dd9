// An argument that holds a JSON object accepts it in both forms people write: JSON text (`jsonencode({...})`,
// the seed docs' form) and an HCL map or object (`{ team = "x" }`, the other LiteLLM providers' form). The schema
// document types it "dynamic"; the framework's jsonObject codec keeps the form and spelling the user wrote.
import type { AttributeConstraint } from "../framework/validation";
import { jsonObjectOf } from "../framework/declarative";
import type { TfValue } from "../values/value";

/** The validation rule: a JSON object as text, or a map/object; lists, numbers and other JSON fail with the path. */
export function jsonObjectConstraint(example: string): AttributeConstraint {
  return {
    schema: { anyOf: [{ type: "object" }, { type: "string", jsonObjectString: true }] },
    expectation: `must be a JSON object: a map such as { ${example} } or its jsonencode({ ${example} }) text`,
  };
}

/** True for a value that means an empty object ({} or "{}"), as opposed to null. */
export function isEmptyJsonObject(v: TfValue): boolean {
  const o = jsonObjectOf(v);
  return o !== undefined && Object.keys(o).length === 0;
}
