import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GetFoundationModelAvailabilityCommand, ListFoundationModelsCommand, ListInferenceProfilesCommand } from "@aws-sdk/client-bedrock";
import {
  AwsSdk, collectModelTable, crossCheck, fetchGatewayModels, formatModelTable, gatewayFindings, ModelListError, pickCallId,
} from "../../src/aws/index.js";
import { startEmulator } from "../../src/emulator/index.js";
import * as seed from "../../fixtures/aws/seed-deployment.js";
import { awsError, installSeedBedrock } from "./mock-bedrock.js";

describe("pickCallId", () => {
  it("calls an on-demand model by its own id", () => {
    expect(pickCallId(true, "anthropic.claude-v2:1", ["apac.x"], "ap-northeast-1")).toBe("anthropic.claude-v2:1");
  });

  it("prefers the region's own geography for a profile-only model", () => {
    expect(pickCallId(false, "m", ["us.m", "global.m", "apac.m"], "ap-southeast-1")).toBe("apac.m");
  });

  it("prefers the jp. profile in Tokyo, then apac., then global.", () => {
    expect(pickCallId(false, "m", ["global.m", "apac.m", "jp.m"], "ap-northeast-1")).toBe("jp.m");
    expect(pickCallId(false, "m", ["global.m"], "ap-northeast-1")).toBe("global.m");
  });

  it("has nothing to call a profile-only model with when no profile contains it", () => {
    expect(pickCallId(false, "m", [], "ap-northeast-1")).toBeUndefined();
  });
});

describe("collectModelTable (mocked SDK)", () => {
  let account: { bedrock: ReturnType<typeof installSeedBedrock> };
  beforeEach(() => {
    account = { bedrock: installSeedBedrock() };
  });
  afterEach(() => account.bedrock.restore());
  const sdk = () => new AwsSdk({ region: seed.REGION });

  it("joins models, paginated profiles and access into one row per model", async () => {
    const t = await collectModelTable(sdk());
    const sonnet = t.models.find((m) => m.modelId === "anthropic.claude-3-5-sonnet-20240620-v1:0");
    expect(t.profiles.map((p) => p.id)).toEqual(["apac.anthropic.claude-3-haiku-20240307-v1:0", "apac.anthropic.claude-3-5-sonnet-20240620-v1:0"]);
    expect(sonnet).toMatchObject({
      onDemand: false, profiles: ["apac.anthropic.claude-3-5-sonnet-20240620-v1:0"], callWith: "apac.anthropic.claude-3-5-sonnet-20240620-v1:0", callable: false,
      access: { authorization: "NOT_AUTHORIZED" },
    });
  });

  it("marks the granted on-demand model callable by its own id", async () => {
    const t = await collectModelTable(sdk());
    expect(t.models.find((m) => m.modelId === "anthropic.claude-v2:1")).toMatchObject({ callable: true, callWith: "anthropic.claude-v2:1", streaming: true });
  });

  it("does not ask availability for provisioned-only variants", async () => {
    await collectModelTable(sdk());
    const asked = account.bedrock.commandCalls(GetFoundationModelAvailabilityCommand).map((c) => c.args[0].input.modelId);
    expect(asked).not.toContain("anthropic.claude-v2:1:200k");
    expect(asked).toHaveLength(4);
  });

  it("keeps at most `concurrency` availability calls in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    account.bedrock.on(GetFoundationModelAvailabilityCommand).callsFake(async (input: { modelId: string }) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setImmediate(r));
      inFlight--;
      return seed.availability(input.modelId, true);
    });
    await collectModelTable(sdk(), { concurrency: 2 });
    expect(peak).toBe(2);
  });

  it("records a denied availability call as unreadable and leaves access unknown", async () => {
    account.bedrock.on(GetFoundationModelAvailabilityCommand).rejects(awsError("AccessDeniedException", "not authorized"));
    const t = await collectModelTable(sdk());
    expect(t.models.every((m) => m.access === undefined)).toBe(true);
    expect(t.unreadable[0]?.permission).toBe("bedrock:GetFoundationModelAvailability");
  });

  it("fails with ModelListError when the model list itself cannot be read", async () => {
    account.bedrock.on(ListFoundationModelsCommand).rejects(awsError("AccessDeniedException", "no"));
    await expect(collectModelTable(sdk())).rejects.toThrow(ModelListError);
  });

  it("prints one line per model with the id to call", async () => {
    const text = formatModelTable(await collectModelTable(sdk()));
    expect(text).toMatch(/^anthropic\.claude-v2:1\s+Anthropic\s+text → text\s+on-demand\s+-\s+authorized\s+yes\s+anthropic\.claude-v2:1$/m);
    expect(text).toContain("5 models in ap-northeast-1, 2 callable by this account, 2 inference profiles.");
  });

  it("still lists models when inference profiles cannot be read", async () => {
    account.bedrock.on(ListInferenceProfilesCommand).rejects(awsError("AccessDeniedException", "no"));
    const t = await collectModelTable(sdk());
    expect(t.models).toHaveLength(5);
    expect(t.unreadable.map((u) => u.permission)).toEqual(["bedrock:ListInferenceProfiles"]);
  });
});

describe("--gateway cross-check", () => {
  let server: Server;
  let url: string;
  let seenAuth: string | undefined;
  beforeAll(async () => {
    server = createServer((req, res) => {
      seenAuth = req.headers.authorization;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ object: "list", data: [{ id: "anthropic.claude-v2:1" }, { id: "anthropic.claude-3-5-sonnet-20240620-v1:0" }, { id: "gpt-4o" }, { id: "mistral.unknown-v9" }] }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  });
  afterAll(async () => new Promise<void>((r) => server.close(() => r())));

  let bedrock: ReturnType<typeof installSeedBedrock>;
  beforeEach(() => {
    bedrock = installSeedBedrock();
  });
  afterEach(() => bedrock.restore());

  it("reads the gateway's /models with the key as a bearer token", async () => {
    const listed = await fetchGatewayModels({ url, key: "k-123" });
    expect(listed).toEqual({ ids: ["anthropic.claude-v2:1", "anthropic.claude-3-5-sonnet-20240620-v1:0", "gpt-4o", "mistral.unknown-v9"] });
    expect(seenAuth).toBe("Bearer k-123");
  });

  it("names models listed but not callable, and callable but not listed", async () => {
    const table = await collectModelTable(new AwsSdk({ region: seed.REGION }));
    const listed = await fetchGatewayModels({ url });
    table.gateway = crossCheck(table, url, "ids" in listed ? listed.ids : []);
    expect(table.gateway.listedNotCallable).toEqual([
      { id: "anthropic.claude-3-5-sonnet-20240620-v1:0", reason: "model access not granted" },
      { id: "mistral.unknown-v9", reason: "not offered in this region" },
    ]);
    expect(table.gateway.mapped).toEqual(["gpt-4o"]);
    expect(table.gateway.callableNotListed).toEqual(["cohere.embed-multilingual-v3"]);
    expect(gatewayFindings(table).map((f) => f.id)).toEqual([
      "gateway-lists-uncallable-model", "gateway-lists-uncallable-model", "gateway-omits-callable-model",
    ]);
  });

  it("reports an unreachable gateway as an error value, not a throw", async () => {
    const r = await fetchGatewayModels({ url: "http://127.0.0.1:1/api/v1", timeoutMs: 2000 });
    expect(r).toMatchObject({ error: expect.stringContaining("failed") });
  });
});

describe("collectModelTable against the emulator over HTTP", () => {
  it("reads Tokyo (Nov 2024) through the real SDK: profile-only Sonnet is called through its APAC profile", async () => {
    const emu = await startEmulator({ catalog: "ap-northeast-1-2024-11" });
    const sdk = new AwsSdk({ region: emu.region, bedrockEndpoint: emu.url });
    try {
      const t = await collectModelTable(sdk);
      expect(t.region).toBe("ap-northeast-1");
      expect(t.models.find((m) => m.modelId === "anthropic.claude-3-5-sonnet-20240620-v1:0")).toMatchObject({
        onDemand: false, callWith: "apac.anthropic.claude-3-5-sonnet-20240620-v1:0", callable: true,
      });
      expect(t.models.find((m) => m.modelId === "anthropic.claude-3-sonnet-20240229-v1:0")?.callable).toBe(false);
      expect(t.unreadable).toEqual([]);
    } finally {
      sdk.destroy();
      await emu.close();
    }
  });

  it("reads Tokyo (July 2024): no inference profiles, only Claude v2.1 and Instant callable among Anthropic models", async () => {
    const emu = await startEmulator({ catalog: "ap-northeast-1-2024-07" });
    const sdk = new AwsSdk({ region: emu.region, bedrockEndpoint: emu.url });
    try {
      const t = await collectModelTable(sdk);
      expect(t.profiles).toEqual([]);
      const anthropic = t.models.filter((m) => m.provider === "Anthropic" && m.callable).map((m) => m.callWith);
      expect(anthropic.sort()).toEqual(["anthropic.claude-instant-v1", "anthropic.claude-v2:1"]);
    } finally {
      sdk.destroy();
      await emu.close();
    }
  });
});
