import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { colorEnabled, jsonWriter, junitWriter, markdownWriter, renderConsole, renderJson, renderJunit, renderMarkdown, reportSchema, writeReports } from "../../src/report/index.js";
import { sampleReport } from "./sample.js";

const ANSI = new RegExp(String.fromCharCode(27) + "\\[");

describe("json writer", () => {
  it("writes a report that validates against the published schema", () => {
    const validate = new Ajv({ allErrors: true }).compile(reportSchema);
    const ok = validate(JSON.parse(renderJson(sampleReport())));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("the schema rejects a report without schemaVersion", () => {
    const validate = new Ajv().compile(reportSchema);
    const { schemaVersion: _drop, ...rest } = sampleReport();
    expect(validate(rest)).toBe(false);
  });

  it("explains each finding once, with the checks that emitted it", () => {
    const report = sampleReport();
    expect(report.findings.map((f) => f.id)).toEqual(["response-html-not-json", "base-url-missing-v1"]);
    expect(report.findings[0]?.checks).toEqual(["auth.missing-key-rejected"]);
    expect(report.findings[1]?.title).toContain("http://x/api/v1");
  });
});

describe("junit writer", () => {
  const xml = renderJunit(sampleReport());
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml) as {
    testsuites: { tests: string; failures: string; testsuite: { name: string; testcase: unknown }[] };
  };

  it("is well-formed XML even with control characters in the evidence", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("has one testsuite per suite", () => {
    expect(parsed.testsuites.testsuite.map((s) => s.name)).toEqual(["auth", "target", "limits"]);
    expect(parsed.testsuites.tests).toBe("4");
    expect(parsed.testsuites.failures).toBe("1");
  });

  it("puts the explanation and the evidence into the failure", () => {
    const auth = parsed.testsuites.testsuite[0] as { testcase: { name: string; failure?: { "#text": string; type: string } }[] };
    const failing = auth.testcase.find((t) => t.failure);
    expect(failing?.failure?.type).toBe("response-html-not-json");
    expect(failing?.failure?.["#text"]).toContain("Why:");
    expect(failing?.failure?.["#text"]).toContain("GET http://127.0.0.1:9/v1/models → 502");
  });

  it("marks skipped checks as skipped", () => {
    expect(xml).toMatch(/<skipped message="slow check: run with --slow"\/>/);
  });
});

describe("markdown writer", () => {
  const md = renderMarkdown(sampleReport());

  it("starts with a one-line verdict heading", () => {
    expect(md.split("\n")[0]).toBe("## ❌ bagcheck: 1 failed · 1 warnings · 1 passed · 1 skipped");
  });

  it("has a client table and a what-to-fix section", () => {
    expect(md).toContain("| NextChat (web) | ❌ broken | `response-html-not-json` | `http://127.0.0.1:9` |");
    expect(md).toContain("### What to fix");
  });

  it("escapes pipes inside table cells so every row has the same columns", () => {
    const rows = md.split("\n").filter((l) => l.startsWith("| ") && l.includes("auth.missing-key-rejected"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("No key \\| gets 401");
    expect(rows[0]?.replace(/\\\|/g, "").split("|").length).toBe(5);
  });

  it("escapes HTML that a gateway put into a message, so it cannot add markup to a step summary", () => {
    const report = sampleReport();
    const failing = report.checks.find((c) => c.status === "fail");
    if (failing) failing.message = 'got <img src=x onerror="alert(1)"> back';
    const out = renderMarkdown(report);
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;img");
  });

  it("stays well under GitHub's 1 MiB step-summary limit", () => {
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
  });
});

describe("console writer", () => {
  it("has no colour codes when colour is off", () => {
    expect(renderConsole(sampleReport(), { color: false, verbose: true })).not.toMatch(ANSI);
  });

  it("uses colour when it is on", () => {
    expect(renderConsole(sampleReport(), { color: true, verbose: false })).toMatch(ANSI);
  });

  it("lists failures before warnings, then the fix for each finding", () => {
    const out = renderConsole(sampleReport(), { color: false, verbose: false });
    expect(out.indexOf("auth.missing-key-rejected")).toBeLessThan(out.indexOf("target.base-url"));
    expect(out).toContain("Fix:");
    expect(out).not.toContain("auth.valid-key-accepted");
  });

  it("shows the client verdict table", () => {
    expect(renderConsole(sampleReport(), { color: false, verbose: false })).toMatch(/NextChat \(web\)\s+broken/);
  });

  it.each([
    [{ NO_COLOR: "1" }, true, undefined, false],
    [{}, true, false, false],
    [{}, true, undefined, true],
    [{}, false, undefined, false],
    [{ FORCE_COLOR: "1" }, false, undefined, true],
  ])("colorEnabled(env %j, tty %s, flag %s) is %s", (env, tty, flag, expected) => {
    expect(colorEnabled(flag, env, tty)).toBe(expected);
  });
});

describe("writeReports", () => {
  it("writes every file into reports/<timestamp>/ and reports/latest/", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bagcheck-report-"));
    try {
      const written = await writeReports(sampleReport(), { dir, writers: [jsonWriter, junitWriter, markdownWriter], render: { color: false, verbose: false } });
      expect(written.runDir).toBe(join(dir, "2026-11-28T20-00-00-000Z"));
      const expected = ["junit.xml", "report.json", "report.md", "report.schema.json"];
      expect((await readdir(written.runDir)).sort()).toEqual(expected);
      expect((await readdir(join(dir, "latest"))).sort()).toEqual(expected);
      expect(JSON.parse(await readFile(join(dir, "latest", "report.json"), "utf8")).schemaVersion).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("console writer and hostile bytes", () => {
  it("replaces control characters a gateway sent, so they cannot drive the terminal", () => {
    const report = sampleReport();
    const failing = report.checks.find((c) => c.status === "fail");
    if (failing) failing.message = "got \u001b]0;owned\u0007 back";
    const out = renderConsole(report, { color: false, verbose: true });
    expect(out).not.toContain(String.fromCharCode(27));
    expect(out).not.toContain(String.fromCharCode(7));
  });
});

describe("the URL the person typed", () => {
  const alb = "http://bedrockproxy-alb-1.ap-northeast-1.elb.amazonaws.com/api/v1";
  const withLabel = () => {
    const r = sampleReport();
    r.target = { ...r.target, enteredUrl: alb };
    return r;
  };

  it("heads the console report, with the address bagcheck reached beside it", () => {
    const first = renderConsole(withLabel(), { color: false, verbose: false }).split("\n")[0] ?? "";
    expect(first).toContain(`${alb} reached at ${withLabel().target.url}`);
  });

  it("heads the Markdown report", () => {
    expect(renderMarkdown(withLabel())).toContain(`Target \`${alb}\``);
  });

  it("is allowed by the JSON schema", () => {
    expect(new Ajv().compile(reportSchema)(JSON.parse(renderJson(withLabel())))).toBe(true);
  });
});
