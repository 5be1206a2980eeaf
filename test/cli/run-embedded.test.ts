import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import type { Report } from "../../src/harness/index.js";
import { reportSchema } from "../../src/report/index.js";
import { allSuites } from "../../suites/index.js";
import { capture } from "./capture.js";

/** One embedded run (emulator + reference gateway in-process), shared by the assertions below. */
let dir: string;
let code: number;
let out: { stdout: string; stderr: string };
let report: Report;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bagcheck-embedded-"));
  const r = await capture(() => main(["run", "--report-dir", dir, "--no-color", "--timeout", "10000"]));
  code = r.result;
  out = r;
  report = JSON.parse(await readFile(join(dir, "latest", "report.json"), "utf8")) as Report;
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("bagcheck run with no URL (the embedded default)", () => {
  it("tests the embedded gateway, and the reference gateway passes: exit 0", () => {
    expect(report.target.mode).toBe("embedded");
    const failing = report.checks.filter((c) => c.status === "fail").map((c) => `${c.id}: ${c.message ?? ""}`);
    expect(failing).toEqual([]);
    expect(code).toBe(0);
  });

  it("runs every suite", () => {
    const suites = new Set(report.checks.map((c) => c.suite));
    for (const s of allSuites) expect(suites).toContain(s.id);
  });

  it("writes every report file, and they parse", async () => {
    const files = (await readdir(join(dir, "latest"))).sort();
    expect(files).toEqual(["junit.xml", "report.html", "report.json", "report.md", "report.schema.json"]);
    expect(XMLValidator.validate(await readFile(join(dir, "latest", "junit.xml"), "utf8"))).toBe(true);
    const validate = new Ajv({ allErrors: true }).compile(reportSchema);
    validate(report);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("says which model it picked and why, and counts the model calls", () => {
    expect(report.usage.model).toBeTruthy();
    expect(report.usage.modelReason).toMatch(/cheapest/);
    expect(report.usage.modelCalls).toBeGreaterThan(0);
  });

  it("never shows the generated key", async () => {
    const files = await Promise.all((await readdir(join(dir, "latest"))).map((f) => readFile(join(dir, "latest", f), "utf8")));
    for (const text of [out.stdout, out.stderr, ...files]) expect(text).not.toMatch(/bagcheck-embedded-[0-9a-f]{8}/);
  });
});
