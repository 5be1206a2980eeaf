import { afterEach, describe, expect, it } from "vitest";
import { prepareTarget, runSuites, selectSuites, type Check, type RunOptions, type Suite } from "../../src/harness/index.js";
import { json, startServer, type TestServer } from "./servers.js";

const options: RunOptions = { origin: "https://app.example", timeoutMs: 5_000, slow: false };
const pass = (id: string, extra: Partial<Check> = {}): Check => ({ id: `demo.${id}`, suite: "demo", title: id, finds: [], run: async () => ({ status: "pass" }), ...extra });
const suites: Suite[] = [
  { id: "demo", title: "Demo", checks: [pass("a"), pass("slow", { slow: true })] },
  { id: "other", title: "Other", checks: [pass("b")] },
];

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function runAgainst(handler: Parameters<typeof startServer>[0], extra: Partial<Parameters<typeof runSuites>[1]> = {}) {
  server = await startServer(handler);
  const timeoutMs = extra.options?.timeoutMs ?? options.timeoutMs;
  const prepared = await prepareTarget({ entered: `${server.url}/v1`, mode: "remote", timeoutMs });
  return runSuites(suites, { version: "0.0.0-test", target: prepared.target, prepared, options, judgeClients: () => [], ...extra });
}

describe("runSuites", () => {
  it("puts the base-URL probe first, as target.base-url", async () => {
    const report = await runAgainst((_req, res) => json(res, 200, { data: [] }));
    expect(report.checks[0]).toMatchObject({ id: "target.base-url", status: "pass" });
  });

  it("skips slow checks without --slow, saying how to run them", async () => {
    const report = await runAgainst((_req, res) => json(res, 200, { data: [] }));
    expect(report.checks.find((c) => c.id === "demo.slow")).toMatchObject({ status: "skip", message: "slow check: run with --slow" });
  });

  it("skips every suite when the target never answers, and names it once", async () => {
    const report = await runAgainst(() => undefined, { options: { ...options, timeoutMs: 300 } });
    expect(report.checks[0]?.findings.map((f) => f.id)).toEqual(["target-headers-timeout"]);
    expect(report.checks.slice(1).every((c) => c.status === "skip")).toBe(true);
    expect(report.summary).toEqual({ pass: 0, fail: 1, warn: 0, skip: 3 });
  });

  it("fills the contract: schemaVersion, summary, usage and client verdicts from the judge", async () => {
    const report = await runAgainst((_req, res) => json(res, 200, { data: [] }), {
      judgeClients: (checks) => [{ client: "curl", name: "curl", verdict: "works", because: [], sees: `${checks.length} checks` }],
    });
    expect(report).toMatchObject({ schemaVersion: 1, tool: "bagcheck", summary: { pass: 3, skip: 1 }, usage: { modelCalls: 0 } });
    expect(report.clients).toEqual([{ client: "curl", name: "curl", verdict: "works", because: [], sees: "4 checks" }]);
  });

  it("judges clients through src/clients when no judge is given", async () => {
    const report = await runAgainst((_req, res) => json(res, 200, { data: [] }), { judgeClients: undefined, clientIds: ["curl"] });
    expect(report.clients.map((c) => c.client)).toEqual(["curl"]);
  });
});

describe("selectSuites", () => {
  it("keeps chosen suites, drops skipped suites and checks, and names what matched nothing", () => {
    const { suites: chosen, unknown } = selectSuites(suites, { suites: ["demo", "other", "nope"], skip: ["demo.a"] });
    expect(chosen.map((s) => [s.id, s.checks.map((c) => c.id)])).toEqual([["demo", ["demo.slow"]], ["other", ["demo.b"]]]);
    expect(unknown).toEqual(["nope"]);
  });
});
