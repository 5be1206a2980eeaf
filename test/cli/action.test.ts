import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: { shell?: string; run?: string; env?: Record<string, string> }[] };
}
const action = parse(readFileSync(join(import.meta.dirname, "../../action.yml"), "utf8")) as Action;
const step = action.runs.steps[0];

describe("action.yml", () => {
  it("is a composite action with the inputs url, key, fail-on and suites", () => {
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(["url", "key", "fail-on", "suites"]));
    expect(action.inputs["fail-on"]?.default).toBe("fail");
  });

  it("runs npx bagcheck run and appends the Markdown report to the step summary", () => {
    expect(step?.run).toMatch(/npx --yes "\$pkg" "\$\{args\[@\]\}"/);
    expect(step?.run).toContain('args=(run ');
    expect(step?.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
  });

  it("passes inputs as environment variables, never spliced into the script", () => {
    expect(step?.run).not.toMatch(/\$\{\{\s*inputs\./);
    expect(step?.env).toMatchObject({ OPENAI_BASE_URL: "${{ inputs.url }}", OPENAI_API_KEY: "${{ inputs.key }}" });
  });
});
