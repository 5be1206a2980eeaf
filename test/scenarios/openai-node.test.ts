import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeHttpError, getProfile, judgeClients } from "../../src/clients/index.js";
import { runChecks } from "../../src/harness/index.js";
import { SEED_ALB, startScenario, type Scenario } from "../../fixtures/scenarios/index.js";
import { clientReplaySuite } from "../../suites/client-replay.js";

/**
 * The prediction (profile data + replay) against the real `openai` package (6.x, installed) on the same world.
 * The SDK dials the socket; its URL rule is the same string join whatever the host is called.
 */
let scenario: Scenario;
const profile = getProfile("openai-node")!;

beforeAll(async () => {
  scenario = await startScenario("seed-2024");
});
afterAll(() => scenario?.close());

function sdk(baseURL: string, apiKey = scenario.key): OpenAI {
  return new OpenAI({ baseURL, apiKey });
}

async function errorOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected the SDK call to fail");
}

async function replay(enteredUrl: string) {
  const suite = clientReplaySuite(["openai-node"], { enteredUrl });
  const results = await runChecks(suite.checks, {
    target: { enteredUrl, baseUrl: scenario.url, mode: "embedded", urlTyped: true },
    key: scenario.key,
    options: { origin: scenario.origin, timeoutMs: 15_000, slow: false },
  });
  return { results, verdict: judgeClients(results, { enteredUrl, baseUrl: scenario.url, origin: scenario.origin, clientIds: ["openai-node"] })[0]! };
}

describe("openai-node (real SDK) on seed-2024 matches the prediction", () => {
  it("succeeds with the stack output as baseURL, and gets a model it did not ask for — predicted 'degraded'", async () => {
    const completion = await sdk(scenario.url).chat.completions.create({ model: "gpt-3.5-turbo", messages: [{ role: "user", content: "Say OK." }] });
    const { verdict } = await replay(scenario.enteredUrl);
    expect(verdict).toMatchObject({ verdict: "degraded", because: ["default-model-silently-replaced"] });
    expect(verdict.sees).toContain(completion.model);
    expect(completion.model).toBe("anthropic.claude-v2:1");
  });

  it("given the base without /v1, fails with the NotFoundError text the replay predicts", async () => {
    const err = await errorOf(sdk(scenario.url.replace(/\/v1$/, "")).chat.completions.create({ model: "gpt-3.5-turbo", messages: [{ role: "user", content: "Say OK." }] }));
    const { results, verdict } = await replay(`${SEED_ALB}/api`);
    const predicted = results.flatMap((r) => r.findings).find((f) => f.id === "base-url-wrong-path")?.args?.shown;
    expect(verdict.verdict).toBe("broken");
    expect(`${err.constructor.name}: ${err.message}`).toBe(predicted);
    expect(predicted).toBe("NotFoundError: 404 status code (no body)");
  });

  it("drops BAG's {detail} on a wrong key: '401 status code (no body)', as describeHttpError predicts", async () => {
    const err = await errorOf(sdk(scenario.url, "wrong-key").models.list());
    const predicted = describeHttpError(profile, { status: 401, contentType: "application/json", body: '{"detail":"Invalid API Key"}' });
    expect(`${err.constructor.name}: ${err.message}`).toBe(predicted);
  });

  it("drops BAG's {detail} on an unsupported model: '400 status code (no body)'", async () => {
    const err = await errorOf(sdk(scenario.url).chat.completions.create({ model: "claude-3-haiku", messages: [{ role: "user", content: "Say OK." }] }));
    expect(`${err.constructor.name}: ${err.message}`).toBe("BadRequestError: 400 status code (no body)");
  });

  it("shows Mangum's text/plain 500 as '500 Internal Server Error' (retries off: each retry gets the same answer)", async () => {
    const client = new OpenAI({ baseURL: scenario.url, apiKey: scenario.key, maxRetries: 0 });
    const err = await errorOf(
      client.chat.completions.create({ model: "gpt-3.5-turbo", stream: true, messages: [{ role: "assistant", content: "Hello." }, { role: "user", content: "Say OK." }] }),
    );
    const predicted = describeHttpError(profile, { status: 500, contentType: "text/plain; charset=utf-8", body: "Internal Server Error" });
    expect(`${err.constructor.name}: ${err.message}`).toBe(predicted);
  });
});
