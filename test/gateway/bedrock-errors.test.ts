import { describe, expect, it } from "vitest";
import { mapBedrockError } from "../../src/gateway/bedrock-errors.js";

const ctx = { modelId: "anthropic.claude-3-haiku-20240307-v1:0", region: "ap-northeast-1" };
const aws = (name: string, message: string) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });

describe("Bedrock error → OpenAI error", () => {
  it("says model access is not granted for Bedrock's model-access AccessDenied (403)", () => {
    const e = mapBedrockError(aws("AccessDeniedException", "You don't have access to the model with the specified model ID."), ctx);
    expect([e.status, e.type, e.code]).toEqual([403, "permission_error", "model_access_not_granted"]);
    expect(e.message).toMatch(/Model access/);
  });

  it("says the IAM role is denied, naming the action and the inference-profile fix, for an IAM AccessDenied", () => {
    const msg = "User: arn:aws:sts::123456789012:assumed-role/BedrockProxy/fn is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:ap-northeast-1:123456789012:inference-profile/apac.anthropic.claude-3-5-sonnet-20240620-v1:0 because no identity-based policy allows the bedrock:InvokeModel action";
    const e = mapBedrockError(aws("AccessDeniedException", msg), ctx);
    expect([e.status, e.code]).toEqual([403, "iam_access_denied"]);
    expect(e.message).toContain("bedrock:InvokeModel");
    expect(e.message).toContain("inference-profile/*");
    expect(e.message).not.toContain("assumed-role");
  });

  it("names the profile to use when a model is not callable on demand (400)", () => {
    const msg = "Invocation of model ID anthropic.claude-3-5-sonnet-20240620-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.";
    const e = mapBedrockError(aws("ValidationException", msg), { ...ctx, suggestedProfile: "apac.anthropic.claude-3-5-sonnet-20240620-v1:0" });
    expect([e.status, e.code]).toEqual([400, "model_needs_inference_profile"]);
    expect(e.message).toContain("apac.anthropic.claude-3-5-sonnet-20240620-v1:0");
  });

  it("answers an invalid model identifier with 404 model_not_found", () => {
    const e = mapBedrockError(aws("ValidationException", "The provided model identifier is invalid."), ctx);
    expect([e.status, e.code]).toEqual([404, "model_not_found"]);
  });

  it("says a legacy model is no longer served to this account, not that the id does not exist (404 model_legacy)", () => {
    const msg = "Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. Please upgrade to an active model on Amazon Bedrock";
    const e = mapBedrockError(aws("ResourceNotFoundException", msg), { ...ctx, modelId: "anthropic.claude-v2:1" });
    expect([e.status, e.code, e.param]).toEqual([404, "model_legacy", "model"]);
    expect(e.message).toContain("'anthropic.claude-v2:1' is marked Legacy");
    expect(e.message).toContain(msg);
  });

  it("answers any other ResourceNotFoundException with 404 model_not_found", () => {
    const e = mapBedrockError(aws("ResourceNotFoundException", "Could not resolve the foundation model from the provided model identifier."), ctx);
    expect([e.status, e.code]).toEqual([404, "model_not_found"]);
  });

  it("answers throttling with 429 and Retry-After", () => {
    const e = mapBedrockError(aws("ThrottlingException", "Too many requests, please wait before trying again."), ctx);
    expect(e.status).toBe(429);
    expect(e.headers["retry-after"]).toBe("1");
  });

  it("answers a model timeout with 504 and an unavailable service with 503", () => {
    expect(mapBedrockError(aws("ModelTimeoutException", "x"), ctx).status).toBe(504);
    expect(mapBedrockError(aws("ServiceUnavailableException", "x"), ctx).status).toBe(503);
  });

  it("answers anything else with 502 and without the original message (no paths, no addresses)", () => {
    const e = mapBedrockError(Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:443 at /var/task/node_modules/x.js"), { code: "ECONNREFUSED" }), ctx);
    expect(e.status).toBe(502);
    expect(e.message).not.toMatch(/10\.0\.0\.5|\/var\/task/);
  });
});
