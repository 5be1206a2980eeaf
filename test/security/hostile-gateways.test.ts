import { afterEach, describe, expect, it } from "vitest";
import { type HostileGateway, hostileGateways } from "../../fixtures/gateways/hostile.js";
import { getEntry } from "../../src/explain/index.js";
import { runCli } from "./support/run-cli.js";

/**
 * `bagcheck run` against gateways that misbehave on purpose (fixtures/gateways/hostile-*): every run ends
 * (the test timeout is its bound), stays within 100 MB of extra memory, and names the cause with a
 * catalog finding. Short --timeout and the suites that reach each fault keep this fast.
 */

const TIMEOUT_MS = "600";
let gw: HostileGateway | undefined;
afterEach(async () => {
  await gw?.close();
  gw = undefined;
});

async function runAgainst(name: string, suites: string) {
  const start = hostileGateways[name];
  if (!start) throw new Error(`no hostile fixture ${name}`);
  gw = await start();
  return runCli(["--url", gw.url, "--key", gw.key, "--timeout", TIMEOUT_MS, "--suite", suites]);
}

const cases: [name: string, suites: string, finding: string][] = [
  ["endless-sse", "chat-stream", "target-body-timeout"],
  ["endless-headers", "models", "target-headers-timeout"],
  ["silent", "models", "target-headers-timeout"],
  ["huge-body", "models", "response-too-large"],
  ["gzip-bomb", "models", "response-decompression-bomb"],
  ["redirect", "models", "redirect-to-other-host"],
  ["html", "errors", "response-html-not-json"],
  ["garbage-sse", "chat-stream", "sse-chunk-not-openai-shape"],
];

describe("bagcheck run against hostile gateways", () => {
  it.each(cases)("ends against %s, memory bounded, naming it %s → %s", async (name, suites, finding) => {
    const run = await runAgainst(name, suites);
    expect([1, 3]).toContain(run.code);
    expect(run.findingIds).toContain(finding);
    expect(run.rssGrowthMb).toBeLessThan(100);
  }, 30_000);

  it("names every finding it reports against hostile gateways in the catalog", async () => {
    const run = await runAgainst("garbage-sse", "chat-stream");
    expect(run.findingIds.filter((id) => !getEntry(id))).toEqual([]);
  }, 30_000);

  it("never sends the key to the host a redirect points at", async () => {
    const run = await runAgainst("redirect", "models,chat,chat-stream,auth");
    expect(run.findingIds).toContain("redirect-to-other-host");
    expect(gw?.sink?.requests()).toBe(0);
    expect(gw?.sink?.keySeen()).toBe(false);
  }, 30_000);

  it("names invalid UTF-8 from a gateway that declares utf-8 (response-invalid-utf8)", async () => {
    const run = await runAgainst("invalid-utf8", "models,chat,chat-stream");
    expect(run.findingIds).toContain("response-invalid-utf8");
  }, 30_000);
});
