import type { BedrockClient } from "@aws-sdk/client-bedrock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { ModelCatalog } from "../../src/gateway/catalog.js";
import { resolveConfig } from "../../src/gateway/config.js";
import { Upstream } from "../../src/gateway/upstream.js";
import { eventually } from "./support.js";

/**
 * The gateway's model catalog against the emulator's control plane, through the real SDK client. A gate in the
 * client's middleware holds control-plane calls, to see who waits for a refresh.
 */
let emu: RunningEmulator;
let upstream: Upstream;
let catalog: ModelCatalog;
let gate: Promise<void> = Promise.resolve();
let open: () => void = () => undefined;
let failing = false;
let attempts = 0;
const TTL = 100;

const listCalls = () => emu.stats.byOperation.ListFoundationModels ?? 0;
const hold = () => {
  gate = new Promise((resolve) => (open = resolve));
};
const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<"still waiting">((r) => setTimeout(() => r("still waiting"), ms))]);

beforeEach(async () => {
  emu = await startEmulator({});
  const config = resolveConfig({ region: emu.region, bedrockEndpoint: emu.url, credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" }, modelsCacheTtlMs: TTL, logger: () => undefined });
  upstream = new Upstream(config);
  catalog = new ModelCatalog(config, upstream);
  const { client } = await upstream.controlClient();
  failing = false;
  attempts = 0;
  (client as BedrockClient).middlewareStack.add((next) => async (args) => {
    attempts += 1;
    await gate;
    if (failing) throw Object.assign(new Error("control plane down"), { name: "ServiceUnavailableException" });
    return next(args);
  }, { step: "initialize", name: "testGate" });
});

afterEach(async () => {
  open();
  await upstream.dispose();
  await emu.close();
});

describe("the gateway's model catalog cache", () => {
  it("answers from the expired catalog at once while the refresh waits on the control plane", async () => {
    const first = await catalog.get();
    await new Promise((r) => setTimeout(r, TTL + 20));
    hold();
    expect(await within(catalog.get(), 500)).toBe(first);
  });

  it("replaces the catalog once the background refresh has finished", async () => {
    const first = await catalog.get();
    await new Promise((r) => setTimeout(r, TTL + 20));
    expect(await catalog.get()).toBe(first); // starts the refresh
    let next = first;
    const until = Date.now() + 3_000;
    while (next === first && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 10));
      next = await catalog.get();
    }
    expect(listCalls()).toBe(2);
    expect(next).not.toBe(first);
    expect(next.models.length).toBe(first.models.length);
  });

  it("starts one refresh however many requests find the catalog expired", async () => {
    await catalog.get();
    await new Promise((r) => setTimeout(r, TTL + 20));
    hold();
    await Promise.all(Array.from({ length: 20 }, () => catalog.get()));
    open();
    expect(await eventually(() => listCalls() === 2)).toBe(true);
    await new Promise((r) => setTimeout(r, 100)); // room for a second refresh, if one had been started
    expect(listCalls()).toBe(2);
  });

  it("keeps answering with the previous catalog when a refresh fails, and does not retry at once", async () => {
    const first = await catalog.get();
    await new Promise((r) => setTimeout(r, TTL + 20));
    failing = true;
    const before = attempts;
    expect(await catalog.get()).toBe(first);
    expect(await eventually(() => attempts > before)).toBe(true);
    await new Promise((r) => setTimeout(r, 50)); // the failed refresh settles
    const afterFailure = attempts;
    for (let i = 0; i < 10; i += 1) expect(await catalog.get()).toBe(first);
    await new Promise((r) => setTimeout(r, 50));
    expect(attempts).toBe(afterFailure);
  });

  it("makes the first request wait for the first load (there is nothing older to answer with)", async () => {
    hold();
    expect(await within(catalog.get(), 200)).toBe("still waiting");
    open();
    expect((await catalog.get()).models.length).toBeGreaterThan(0);
  });
});
