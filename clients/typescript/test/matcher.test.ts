/** The conformance runner's matcher and substitution (clients/conformance/README.md). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { StepFailed, match, substitute } from "../conformance/runner";

function matches(expected: unknown, actual: unknown, variables = new Map<string, string>()): boolean {
  try {
    match(expected as never, actual as never, "response", variables);
    return true;
  } catch (error) {
    if (error instanceof StepFailed) return false;
    throw error;
  }
}

describe("match", () => {
  it("ignores keys the expectation does not name and reads missing keys as zeros", () => {
    assert.ok(matches({ a: 1 }, { a: 1, b: 2 }));
    assert.ok(matches({ n: 0, b: false, s: "", l: [], o: {} }, {}));
    assert.ok(!matches({ n: 1 }, {}));
  });

  it("takes a number or a numeric string within 1e-6 relative", () => {
    assert.ok(matches({ n: 3 }, { n: "3" }));
    assert.ok(matches({ n: 1000 }, { n: 1000.0005 }));
    assert.ok(!matches({ n: 1000 }, { n: 1000.01 }));
    assert.ok(!matches({ n: 1 }, { n: true }));
    assert.ok(!matches({ n: 0 }, { n: "" }));
  });

  it("compares strings and booleans exactly, arrays by length and order", () => {
    assert.ok(!matches({ s: "1" }, { s: 1 }));
    assert.ok(!matches({ b: true }, { b: "true" }));
    assert.ok(matches({ l: [{ a: 1 }, { a: 2 }] }, { l: [{ a: 1 }, { a: 2, x: 0 }] }));
    assert.ok(!matches({ l: [{ a: 1 }] }, { l: [{ a: 1 }, { a: 2 }] }));
  });

  it("applies the matchers", () => {
    assert.ok(matches({ a: { $absent: true } }, {}));
    assert.ok(!matches({ a: { $absent: true } }, { a: 0 }));
    assert.ok(matches({ a: { $nonempty: true } }, { a: "x" }));
    assert.ok(!matches({ a: { $nonempty: true } }, {}));
    assert.ok(matches({ a: { $approx: 0.5, $tolerance: 0.01 } }, { a: 0.505 }));
    assert.ok(!matches({ a: { $approx: 0.5, $tolerance: 0.01 } }, {}));
    assert.ok(matches({ a: { $contains: "ell" } }, { a: "hello" }));
    assert.ok(matches({ a: { $contains: { id: "b" } } }, { a: [{ id: "a" }, { id: "b" }] }));
    assert.ok(!matches({ a: { $contains: { id: "c" } } }, { a: [{ id: "a" }] }));
    assert.ok(matches({ a: { $length: 0 } }, {}));
    assert.ok(!matches({ a: { $length: 1 } }, { a: [1, 2] }));
  });

  it("captures a string as is and anything else as JSON text", () => {
    const variables = new Map<string, string>();
    assert.ok(matches({ t: { $capture: "t" }, n: { $capture: "n" } }, { t: "tok", n: 5 }, variables));
    assert.equal(variables.get("t"), "tok");
    assert.equal(variables.get("n"), "5");
    assert.ok(matches({ l: { $contains: { id: { $capture: "id" }, ok: true } } }, { l: [{ id: "x" }, { id: "y", ok: true }] }, variables));
    assert.equal(variables.get("id"), "y");
  });
});

describe("substitute", () => {
  it("replaces variables in strings, not in keys, and refuses unset ones", () => {
    const variables = new Map([["ns", "p-0"]]);
    assert.deepEqual(substitute({ "${ns}": ["${ns}-b", 1] }, variables), { "${ns}": ["p-0-b", 1] });
    assert.throws(() => substitute("${nope}", variables), StepFailed);
  });
});
