import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../../src/harness/index.js";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { startGateway, type RunningGateway } from "../../src/gateway/index.js";
import { allSuites } from "../../suites/index.js";
import { goodFake, startFake } from "../../fixtures/gateways/index.js";
import { findingIds, runAgainst } from "./support/run.js";

const KEY = "sk-bagcheck-reference-key-0123456789";
const checks = allSuites.flatMap((s) => s.checks);
const accessChecks = checks.filter((c) => c.suite === "model-access");
const running: { close(): Promise<void> }[] = [];
let reference: CheckResult[] = [];
let tokyo: CheckResult[] = [];
let knownGood: CheckResult[] = [];

async function referenceOn(catalog: string): Promise<RunningGateway> {
  // Deltas 10 ms apart give a real stream a visible spread of arrival times.
  const emulator: RunningEmulator = await startEmulator({ catalog, chunkDelayMs: 10 });
  running.push(emulator);
  const gateway = await startGateway({
    region: emulator.region,
    bedrockEndpoint: emulator.url,
    credentials: { accessKeyId: "AKIDBAGCHECKTEST", secretAccessKey: "bagcheck-test-secret" },
    apiKeys: [KEY],
  });
  running.unshift(gateway);
  return gateway;
}

function line(r: CheckResult): string {
  return `${r.id}: ${r.status} ${r.message ?? ""} ${JSON.stringify(r.findings)}`;
}

beforeAll(async () => {
  // us-east-1 today: every listed model granted; the model under test is profile-only and refuses temperature
  // with top_p, so the gateway's profile routing and parameter repair are on the path of every chat check.
  const current = await referenceOn("us-east-1-current");
  reference = await runAgainst({ url: current.url, key: KEY, close: current.close }, checks, {
    model: "anthropic.claude-haiku-4-5-20251001-v1:0",
    embeddingModel: "amazon.titan-embed-text-v2:0",
  });
  // Tokyo, November 2024: a model without access, a profile-only model and the seed's IAM policy, so every
  // model-access check has a refusal to judge.
  const seedAccount = await referenceOn("ap-northeast-1-2024-11");
  tokyo = await runAgainst({ url: seedAccount.url, key: KEY, close: seedAccount.close }, accessChecks, { model: "anthropic.claude-3-haiku-20240307-v1:0" });
  const fake = await startFake(goodFake);
  try {
    knownGood = await runAgainst(fake, checks, { slow: true });
  } finally {
    await fake.close();
  }
}, 60_000);

afterAll(async () => {
  for (const r of running) await r.close();
});

describe("the reference gateway on the emulator", () => {
  it("yields no finding", () => {
    expect(findingIds(reference)).toEqual([]);
  });

  it("passes every check, or skips it with a reason", () => {
    const bad = reference.filter((r) => r.status !== "pass" && !(r.status === "skip" && (r.message ?? "").length > 0));
    expect(bad.map(line)).toEqual([]);
  });

  it.each(checks.map((c) => [c.id]))("%s passes there, or on the known-good fixture when the reference gives it nothing to judge", (id) => {
    const ref = tokyo.find((r) => r.id === id && r.status === "pass") ?? reference.find((r) => r.id === id);
    const good = knownGood.find((r) => r.id === id);
    // A --slow check needs a generation past 60 s to pass; a test cannot wait that long, so it must skip and say why.
    const slowSkip = checks.find((c) => c.id === id)?.slow === true && ref?.status === "skip" && /under a 60 s idle timeout|--slow/.test(ref.message ?? "");
    const passed = ref?.status === "pass" || (ref?.status === "skip" && good?.status === "pass") || slowSkip;
    expect(passed, `reference: ${ref && line(ref)}; known-good fixture: ${good && line(good)}`).toBe(true);
  });
});

describe("the reference gateway on an account with refusals (Tokyo 2024-11, seed IAM policy)", () => {
  it("answers every model-access refusal with a clear 4xx: no finding", () => {
    expect(findingIds(tokyo)).toEqual([]);
  });

  it("gives the model-access checks refusals to judge", () => {
    const judged = tokyo.filter((r) => r.status === "pass" && /: 40[03] /.test(r.message ?? ""));
    expect(judged.map((r) => r.id)).toEqual(expect.arrayContaining(["model-access.not-granted", "model-access.iam-denied-profile"]));
  });
});

describe("the known-good fixture gateway (the corpus's base)", () => {
  it("passes every check with no finding", () => {
    expect(knownGood.filter((r) => r.status !== "pass" && !(r.status === "skip" && r.id === "limits.idle-timeout")).map(line)).toEqual([]);
    expect(findingIds(knownGood)).toEqual([]);
  });
});
