import { describe, expect, it } from "vitest";
import { buildSnapshot, type FoundationModelInfo, type ProfileInfo } from "../../src/gateway/catalog.js";
import { GatewayError } from "../../src/gateway/errors.js";
import { resolveModel } from "../../src/gateway/model-resolution.js";

const arn = (region: string, id: string) => `arn:aws:bedrock:${region}::foundation-model/${id}`;
const fm = (modelId: string, inferenceTypes: string[], output = "TEXT"): FoundationModelInfo => ({ modelId, modelArn: arn("ap-northeast-1", modelId), providerName: "Anthropic", outputModalities: [output], inferenceTypes });
const profile = (id: string, modelId: string): ProfileInfo => ({ id, arn: `arn:aws:bedrock:ap-northeast-1:1:inference-profile/${id}`, createdAt: 1, modelArns: [arn("ap-northeast-1", modelId), arn("ap-southeast-2", modelId)] });

const SONNET_35 = "anthropic.claude-3-5-sonnet-20240620-v1:0";
const HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
const tokyo = buildSnapshot("ap-northeast-1", [fm(HAIKU, ["ON_DEMAND"]), fm(SONNET_35, ["INFERENCE_PROFILE"]), fm("anthropic.claude-v2:1:18k", ["PROVISIONED"]), fm("amazon.titan-embed-text-v2:0", ["ON_DEMAND"], "EMBEDDING")], [profile(`global.${SONNET_35}`, SONNET_35), profile(`apac.${SONNET_35}`, SONNET_35)], new Map([["gpt-4o-mini", HAIKU]]));

describe("model catalog and resolution", () => {
  it("routes a profile-only model to the region's geography profile (apac. in Tokyo), not global.", () => {
    expect(resolveModel(SONNET_35, tokyo, new Map()).invokeId).toBe(`apac.${SONNET_35}`);
  });

  it("calls an on-demand model by its own id", () => {
    expect(resolveModel(HAIKU, tokyo, new Map()).invokeId).toBe(HAIKU);
  });

  it("maps an alias only when configured, and then runs (and reports) the target", () => {
    expect(resolveModel("gpt-4o-mini", tokyo, new Map([["gpt-4o-mini", HAIKU]])).invokeId).toBe(HAIKU);
    expect(() => resolveModel("gpt-4o-mini", tokyo, new Map())).toThrow(GatewayError);
  });

  it("answers an unknown model with 404 model_not_found", () => {
    try {
      resolveModel("gpt-3.5-turbo", tokyo, new Map());
      expect.unreachable();
    } catch (err) {
      expect([(err as GatewayError).status, (err as GatewayError).code]).toEqual([404, "model_not_found"]);
    }
  });

  it("passes ids through when the catalog is unavailable (Bedrock then decides)", () => {
    expect(resolveModel("anything", undefined, new Map()).invokeId).toBe("anything");
  });

  it("lists on-demand text and embedding models, routable profile-only models, profiles and aliases — not provisioned-only ones", () => {
    const ids = tokyo.models.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining([HAIKU, SONNET_35, "amazon.titan-embed-text-v2:0", `apac.${SONNET_35}`, `global.${SONNET_35}`, "gpt-4o-mini"]));
    expect(ids).not.toContain("anthropic.claude-v2:1:18k");
    expect(tokyo.models[0]).toMatchObject({ object: "model", owned_by: "anthropic" });
  });
});

describe("models the account may not call", () => {
  const denied = buildSnapshot(
    "ap-northeast-1",
    [fm(HAIKU, ["ON_DEMAND"]), fm("anthropic.claude-v2:1", ["ON_DEMAND"]), fm(SONNET_35, ["INFERENCE_PROFILE"])],
    [profile(`apac.${SONNET_35}`, SONNET_35)],
    new Map(),
    new Set([HAIKU, SONNET_35]),
  );

  it("leaves a model without access out of /models", () => {
    expect(denied.models.map((m) => m.id)).toEqual(["anthropic.claude-v2:1"]);
  });

  it("leaves out a profile whose every model lacks access", () => {
    expect(denied.models.some((m) => m.id === `apac.${SONNET_35}`)).toBe(false);
  });

  it("still resolves a model without access, so its error can name it", () => {
    expect(denied.foundation.has(HAIKU)).toBe(true);
  });
});
