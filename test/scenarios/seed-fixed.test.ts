import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judgeClients } from "../../src/clients/index.js";
import { runChecks, type CheckResult, type ClientVerdict } from "../../src/harness/index.js";
import { startScenario, type Scenario } from "../../fixtures/scenarios/index.js";
import { clientReplaySuite } from "../../suites/client-replay.js";

/** The same account, fixed: reference gateway, API Gateway streaming over https, NextChat given …/api and a Bedrock model. */
let scenario: Scenario;
let results: CheckResult[];
let verdicts: ClientVerdict[];

beforeAll(async () => {
  scenario = await startScenario("seed-fixed");
  const clients = scenario.clients ?? [];
  results = await runChecks(clientReplaySuite(clients, { enteredUrl: scenario.enteredUrl, model: scenario.clientModel }).checks, {
    target: { enteredUrl: scenario.enteredUrl, baseUrl: scenario.url, mode: "embedded", urlTyped: true, scenario: scenario.name },
    key: scenario.key,
    options: { origin: scenario.origin, timeoutMs: 15_000, slow: false },
  });
  verdicts = judgeClients(results, { enteredUrl: scenario.enteredUrl, baseUrl: scenario.url, origin: scenario.origin, clientIds: clients });
});
afterAll(() => scenario?.close());

describe("seed-fixed", () => {
  it("NextChat (web) works", () => {
    expect(verdicts.find((v) => v.client === "nextchat-web")).toMatchObject({ verdict: "works", because: [] });
  });

  it("every replayed check passes for NextChat (web)", () => {
    const failing = results.filter((r) => r.id.startsWith("client-replay.nextchat-web.") && r.status !== "pass");
    expect(failing.map((r) => `${r.id}: ${r.message}`)).toEqual([]);
  });

  it("the desktop apps work too", () => {
    expect(verdicts.filter((v) => v.client.startsWith("nextchat-desktop")).map((v) => v.verdict)).toEqual(["works", "works"]);
  });

  it("keeps telling NextChat users to enter the base without /v1", () => {
    expect(verdicts.find((v) => v.client === "nextchat-web")?.enterUrl).toBe(scenario.enteredUrl);
  });
});
