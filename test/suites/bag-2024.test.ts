import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../../src/harness/index.js";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { startBag2024, type RunningBag2024 } from "../../fixtures/gateways/bag-2024/index.js";
import { allSuites } from "../../suites/index.js";
import { BEDROCK_DELTA_MS } from "../../fixtures/scenarios/index.js";
import { findingIds, runAgainst } from "./support/run.js";

const KEY = "sk-bag-2024-key-0123456789";
let emulator: RunningEmulator;
let bag: RunningBag2024;
let results: CheckResult[] = [];

beforeAll(async () => {
  // The seed's world: Tokyo in July 2024, BAG's July 2024 code, the model curl used.
  emulator = await startEmulator({ catalog: "ap-northeast-1-2024-07", chunkDelayMs: BEDROCK_DELTA_MS });
  bag = await startBag2024({ apiKey: KEY, bedrockEndpoint: emulator.url, region: emulator.region });
  results = await runAgainst({ url: bag.url, key: KEY, close: bag.close }, allSuites.flatMap((s) => s.checks), { model: "anthropic.claude-v2:1" });
}, 60_000);

afterAll(async () => {
  await bag?.close();
  await emulator?.close();
});

describe("the suites on BAG as of July 2024 (fixtures/gateways/bag-2024)", () => {
  // Each row is a fact of shared/facts/gateways-and-deployments.md, named as its root cause.
  it.each([
    ["auth-missing-key-not-401", "a missing key gives FastAPI's 403 Not authenticated"],
    ["error-envelope-not-openai", "errors are {\"detail\"}, validation errors text/plain"],
    ["model-retrieve-unknown-not-404", "an unknown /models/{id} gives 500"],
    ["default-model-silently-replaced", "gpt-* is answered by DEFAULT_MODEL"],
    ["upstream-error-as-500", "Bedrock's AccessDenied surfaces as 500"],
    ["model-access-not-granted", "…and its message still names the cause"],
    ["stream-error-cors-less-500", "an error inside a stream becomes Mangum's CORS-less 500"],
    ["sse-buffered-by-front", "Mangum sends the whole stream at the end"],
  ])("reports %s: %s", (id) => {
    expect(findingIds(results)).toContain(id);
  });
});
