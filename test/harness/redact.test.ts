import { describe, expect, it } from "vitest";
import { createRedactor, redact } from "../../src/harness/index.js";

const KEY = "sk-A/b+c=d&e 42";

describe("redact", () => {
  it.each([
    ["plain", KEY],
    ["URL-encoded", encodeURIComponent(KEY)],
    ["URL-encoded, lowercase hex", encodeURIComponent(KEY).toLowerCase()],
    ["base64", Buffer.from(KEY).toString("base64")],
    ["base64url", Buffer.from(KEY).toString("base64url")],
    ["JSON-escaped", JSON.stringify(KEY).slice(1, -1)],
  ])("removes the key in its %s form", (_name, form) => {
    expect(redact(`before ${form} after`, KEY)).toBe("before [REDACTED] after");
  });

  it("leaves text alone when there is no key", () => {
    expect(redact("nothing to hide", undefined)).toBe("nothing to hide");
  });

  it("blanks credential headers but keeps the scheme", () => {
    const r = createRedactor(KEY);
    expect(r.headers({ Authorization: "Bearer whatever", "x-api-key": "abc", accept: `x ${KEY}` })).toEqual({
      Authorization: "Bearer [REDACTED]",
      "x-api-key": "[REDACTED]",
      accept: "x [REDACTED]",
    });
  });

  it("redacts deep inside objects and arrays", () => {
    expect(createRedactor(KEY).value({ a: [KEY, { b: `k=${KEY}` }], n: 1 })).toEqual({ a: ["[REDACTED]", { b: "k=[REDACTED]" }], n: 1 });
  });
});
