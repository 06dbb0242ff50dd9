import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findPythonJsonError } from "./python-json-error";
import { pythonRepr, pythonStringRepr } from "./python-repr";

describe("pythonRepr", () => {
  it("renders dicts the way str(dict) does", () => {
    assert.equal(pythonRepr({ error: "User with id x already exists" }), "{'error': 'User with id x already exists'}");
    assert.equal(pythonRepr({ a: [1, true, null], b: { c: 1.5 } }), "{'a': [1, True, None], 'b': {'c': 1.5}}");
  });

  it("switches quotes and escapes like Python", () => {
    assert.equal(pythonStringRepr("it's"), `"it's"`);
    assert.equal(pythonStringRepr(`it's "q"`), `'it\\'s "q"'`);
    assert.equal(pythonStringRepr("a\nb\\c\x01"), "'a\\nb\\\\c\\x01'");
  });
});

describe("findPythonJsonError", () => {
  const cases: [string, number, string][] = [
    ["{oops", 1, "Expecting property name enclosed in double quotes"],
    ['{"a": }', 6, "Expecting value"],
    ['{"a" 1}', 5, "Expecting ':' delimiter"],
    ['{"a": 1 "b": 2}', 8, "Expecting ',' delimiter"],
    ['{"a": 1,}', 8, "Expecting property name enclosed in double quotes"],
    ['{"a": "x', 6, "Unterminated string starting at"],
    ['{"a": 1} x', 9, "Extra data"],
    ["[1, 2", 5, "Expecting ',' delimiter"],
    ['{"a": "\\q"}', 7, "Invalid \\escape"],
    [" ", 1, "Expecting value"],
    ["tru", 0, "Expecting value"],
  ];
  for (const [text, pos, msg] of cases) {
    it(`${JSON.stringify(text)} → ${msg} at ${pos}`, () => {
      assert.deepEqual(findPythonJsonError(text), { pos, msg });
    });
  }

  it("finds nothing wrong in valid JSON", () => {
    assert.equal(findPythonJsonError('{"a": [1, -2.5e3, "x\\u00e9", null, true, {}]}'), null);
  });
});
