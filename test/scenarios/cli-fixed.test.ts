import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Report } from "../../src/harness/index.js";

/** The same account, fixed: `bagcheck run --scenario seed-fixed --client nextchat-web` (the replay suite only, to stay quick). */
const dir = mkdtempSync(join(tmpdir(), "bagcheck-fixed-"));
let report: Report;

beforeAll(async () => {
  await main(["run", "--scenario", "seed-fixed", "--client", "nextchat-web", "--suite", "client-replay", "--format", "json", "--report-dir", dir, "--quiet"]);
  report = JSON.parse(readFileSync(join(dir, "latest", "report.json"), "utf8")) as Report;
}, 90_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bagcheck run --scenario seed-fixed --client nextchat-web", () => {
  it("calls NextChat works", () => {
    expect(report.clients.find((c) => c.client === "nextchat-web")).toMatchObject({ verdict: "works", because: [] });
  });

  it("passes every replayed NextChat check", () => {
    const replayed = report.checks.filter((c) => c.suite === "client-replay");
    expect(replayed.length).toBeGreaterThan(0);
    expect(replayed.filter((c) => c.status !== "pass").map((c) => `${c.id}: ${c.message}`)).toEqual([]);
  });
});
