// The one ajv configuration behind configuration validators: run-time compiles and the build's standalone
// code both come from it, so a precompiled validator checks and reports exactly what a compiled one does.
import type Ajv from "ajv";
import type { KeywordCxt } from "ajv";
import { isJsonObjectText } from "./validation-helpers";

/** For generating standalone code: the module file the generated code requires for our own functions. */
export interface StandaloneTarget {
  /** validation-helpers as the generated code should require it (an absolute path at build time). */
  helpersModule: string;
}

/** A new ajv for configuration schemas. Loads ajv (its own executable segment) when called, not before. */
export function createConfigAjv(standalone?: StandaloneTarget): Ajv {
  const { default: AjvClass, _ } = require("ajv") as typeof import("ajv");
  const addFormats = (require("ajv-formats") as { default: (a: Ajv, formats: string[]) => Ajv }).default;
  // validateSchema: false skips compiling JSON Schema's meta-schema to check our own schemas, which cost
  // ~40 ms of CPU in every provider process that validates; validation-schemas.test.ts checks them instead.
  const ajv = new AjvClass({ allErrors: true, strict: true, validateSchema: false, ...(standalone && { code: { source: true } }) });
  // In standalone code, formats that are functions come from ajv-formats' own module (addFormats says so).
  addFormats(ajv, ["email", "uri"]);
  // A keyword that generates code (not a `validate` callback, which standalone code cannot hold): the check
  // calls isJsonObjectText, which the generated code requires from validation-helpers.
  ajv.addKeyword({
    keyword: "jsonObjectString",
    type: "string",
    schemaType: "boolean",
    code(cxt: KeywordCxt) {
      if (cxt.schema !== true) return;
      const code = standalone ? _`require(${standalone.helpersModule}).isJsonObjectText` : undefined;
      const isJsonObject = cxt.gen.scopeValue("func", { ref: isJsonObjectText, code });
      cxt.fail(_`!${isJsonObject}(${cxt.data})`);
    },
  });
  return ajv;
}
