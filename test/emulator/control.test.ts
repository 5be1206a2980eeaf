import {
  type BedrockClient,
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  paginateListInferenceProfiles,
  ResourceNotFoundException,
  ValidationException,
} from "@aws-sdk/client-bedrock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { controlClient, rejection, TRANSPORTS } from "./helpers.js";

describe.each(TRANSPORTS)("control plane over %s", (transport) => {
  let emu: RunningEmulator;
  let client: BedrockClient;
  beforeAll(async () => {
    emu = await startEmulator({ catalog: "us-east-1-current" });
    client = controlClient(emu, transport);
  });
  afterAll(async () => {
    client.destroy();
    await emu.close();
  });

  it("lists every foundation model of the catalog with its ARN and lifecycle", async () => {
    const r = await client.send(new ListFoundationModelsCommand({}));
    expect(r.modelSummaries).toHaveLength(emu.catalog.models.length);
    const sonnet = r.modelSummaries?.find((m) => m.modelId === "anthropic.claude-sonnet-4-20250514-v1:0");
    expect(sonnet).toMatchObject({
      modelArn: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
      modelName: "Claude Sonnet 4",
      providerName: "Anthropic",
      inferenceTypesSupported: ["INFERENCE_PROFILE"],
      responseStreamingSupported: true,
      modelLifecycle: { status: "ACTIVE" },
    });
  });

  it("filters foundation models by output modality", async () => {
    const r = await client.send(new ListFoundationModelsCommand({ byOutputModality: "EMBEDDING" }));
    expect(r.modelSummaries?.map((m) => m.modelId).sort()).toEqual([
      "amazon.titan-embed-text-v1",
      "amazon.titan-embed-text-v2:0",
      "cohere.embed-english-v3",
      "cohere.embed-multilingual-v3",
    ]);
  });

  it("filters foundation models by provider and inference type together", async () => {
    const r = await client.send(new ListFoundationModelsCommand({ byProvider: "anthropic", byInferenceType: "ON_DEMAND" }));
    expect(r.modelSummaries?.map((m) => m.modelId).sort()).toEqual(["anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic.claude-3-haiku-20240307-v1:0"]);
  });

  it("rejects a filter value outside the API's enum (INFERENCE_PROFILE is not a byInferenceType)", async () => {
    const err = await rejection(client.send(new ListFoundationModelsCommand({ byInferenceType: "INFERENCE_PROFILE" as "ON_DEMAND" })));
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toMatch(/at 'byInferenceType' failed to satisfy constraint: Member must satisfy enum value set: \[ON_DEMAND, PROVISIONED\]/);
  });

  it("gets one foundation model by id with its details", async () => {
    const r = await client.send(new GetFoundationModelCommand({ modelIdentifier: "amazon.titan-embed-text-v2:0" }));
    expect(r.modelDetails).toMatchObject({ modelId: "amazon.titan-embed-text-v2:0", outputModalities: ["EMBEDDING"], responseStreamingSupported: false });
  });

  it("gets one foundation model by ARN", async () => {
    const r = await client.send(new GetFoundationModelCommand({ modelIdentifier: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0" }));
    expect(r.modelDetails?.modelName).toBe("Nova Pro");
  });

  it("raises ValidationException for an unknown foundation model", async () => {
    const err = await rejection(client.send(new GetFoundationModelCommand({ modelIdentifier: "nobody.nothing-v1" })));
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toBe("The provided model identifier is invalid.");
  });

  it("lists system-defined inference profiles with RFC 3339 dates and one model ARN per region", async () => {
    const r = await client.send(new ListInferenceProfilesCommand({ typeEquals: "SYSTEM_DEFINED" }));
    const p = r.inferenceProfileSummaries?.find((s) => s.inferenceProfileId === "us.anthropic.claude-sonnet-4-20250514-v1:0");
    expect(p).toMatchObject({
      inferenceProfileArn: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0",
      status: "ACTIVE",
      type: "SYSTEM_DEFINED",
    });
    expect(p?.createdAt).toBeInstanceOf(Date);
    expect(p?.models?.map((m) => m.modelArn)).toContain("arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0");
    expect(r.nextToken).toBeUndefined();
  });

  it("paginates inference profiles with nextToken until every profile was seen once", async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateListInferenceProfiles({ client, pageSize: 4 }, {})) {
      pages++;
      ids.push(...(page.inferenceProfileSummaries ?? []).map((p) => p.inferenceProfileId ?? ""));
    }
    expect(pages).toBe(Math.ceil(emu.catalog.profiles.length / 4));
    expect(ids).toEqual(emu.catalog.profiles.map((p) => p.inferenceProfileId));
  });

  it("raises ValidationException for a forged nextToken", async () => {
    const err = await rejection(client.send(new ListInferenceProfilesCommand({ nextToken: "not a token!" })));
    expect(err).toBeInstanceOf(ValidationException);
  });

  it("lists no application profiles", async () => {
    const r = await client.send(new ListInferenceProfilesCommand({ typeEquals: "APPLICATION" }));
    expect(r.inferenceProfileSummaries).toEqual([]);
  });

  it("gets one inference profile, and ResourceNotFoundException for an unknown one", async () => {
    const r = await client.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: "global.anthropic.claude-sonnet-4-5-20250929-v1:0" }));
    expect(r.inferenceProfileName).toBe("Global Anthropic Claude Sonnet 4.5");
    const err = await rejection(client.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: "eu.nothing" })));
    expect(err).toBeInstanceOf(ResourceNotFoundException);
  });

  it("reports model availability for a granted model", async () => {
    const r = await client.send(new GetFoundationModelAvailabilityCommand({ modelId: "anthropic.claude-haiku-4-5-20251001-v1:0" }));
    expect(r).toMatchObject({
      modelId: "anthropic.claude-haiku-4-5-20251001-v1:0",
      agreementAvailability: { status: "AVAILABLE" },
      authorizationStatus: "AUTHORIZED",
      entitlementAvailability: "AVAILABLE",
      regionAvailability: "AVAILABLE",
    });
  });
});

describe("control plane in Tokyo, July 2024", () => {
  let emu: RunningEmulator;
  let client: BedrockClient;
  beforeAll(async () => {
    emu = await startEmulator({ catalog: "ap-northeast-1-2024-07" });
    client = controlClient(emu);
  });
  afterAll(async () => {
    client.destroy();
    await emu.close();
  });

  it("has no inference profiles", async () => {
    const r = await client.send(new ListInferenceProfilesCommand({}));
    expect(r.inferenceProfileSummaries).toEqual([]);
  });

  it("reports a listed but not granted model as NOT_AVAILABLE", async () => {
    const r = await client.send(new GetFoundationModelAvailabilityCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0" }));
    expect(r.agreementAvailability?.status).toBe("NOT_AVAILABLE");
    expect(r.entitlementAvailability).toBe("NOT_AVAILABLE");
  });

  it("lists Claude v2.1 with on-demand inference", async () => {
    const r = await client.send(new GetFoundationModelCommand({ modelIdentifier: "anthropic.claude-v2:1" }));
    expect(r.modelDetails?.inferenceTypesSupported).toEqual(["ON_DEMAND"]);
  });
});
