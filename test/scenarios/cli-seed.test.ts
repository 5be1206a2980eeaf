import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Report } from "../../src/harness/index.js";
import { SEED_ALB } from "../../fixtures/scenarios/index.js";

/** The whole product on the seed: `bagcheck run --scenario seed-2024 --client nextchat-web,curl`. */
const dir = mkdtempSync(join(tmpdir(), "bagcheck-seed-"));
let code: number;
let report: Report;

beforeAll(async () => {
  code = await main(["run", "--scenario", "seed-2024", "--client", "nextchat-web,curl", "--format", "json", "--report-dir", dir, "--quiet"]);
  report = JSON.parse(readFileSync(join(dir, "latest", "report.json"), "utf8")) as Report;
}, 90_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const client = (id: string) => report.clients.find((c) => c.client === id);

describe("bagcheck run --scenario seed-2024 --client nextchat-web,curl", () => {
  it("exits 1: checks failed", () => {
    expect(code).toBe(1);
  });

  it("calls NextChat broken, naming each root cause of the blog's failure", () => {
    expect(client("nextchat-web")?.verdict).toBe("broken");
    expect(client("nextchat-web")?.because).toEqual(
      expect.arrayContaining([
        "mixed-content-http-gateway",
        "base-url-double-v1",
        "stream-error-cors-less-500",
        "first-byte-timeout-buffered",
        "default-model-silently-replaced",
      ]),
    );
  });

  it("says what the person saw: 'Failed to fetch', and what to type instead", () => {
    expect(client("nextchat-web")?.sees).toContain("Failed to fetch");
    expect(client("nextchat-web")?.enterUrl).toBe(`${SEED_ALB}/api`);
  });

  it("calls curl works", () => {
    expect(client("curl")).toMatchObject({ verdict: "works", because: [] });
  });

  it("explains the doubled /v1 with the URL NextChat called and the one to enter", () => {
    const f = report.findings.find((x) => x.id === "base-url-double-v1");
    expect(f?.title).toContain(`${SEED_ALB}/api/v1/v1/chat/completions`);
    expect(f?.fix.client).toContain(`\`${SEED_ALB}/api\``);
  });
});
