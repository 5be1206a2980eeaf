import { describe, expect, it } from "vitest";
import { classifyAccessMessage, classifyUpstreamMessage } from "../../suites/index.js";

describe("classifying Bedrock's refusals into root causes", () => {
  it("reads model-access-not-granted from AccessDenied's message", () => {
    expect(classifyUpstreamMessage("You don't have access to the model with the specified model ID.")).toBe("model-access-not-granted");
  });

  it("reads model-needs-inference-profile from the on-demand message, with its U+2019 apostrophe", () => {
    const m =
      "Invocation of model ID anthropic.claude-3-5-sonnet-20240620-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.";
    expect(classifyUpstreamMessage(m)).toBe("model-needs-inference-profile");
  });

  it("reads iam-missing-inference-profile from an IAM denial on a profile ARN", () => {
    const m =
      "User: arn:aws:sts::123456789012:assumed-role/R/F is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:ap-northeast-1:123456789012:inference-profile/apac.anthropic.claude-3-5-sonnet-20240620-v1:0 because no identity-based policy allows the bedrock:InvokeModel action";
    expect(classifyUpstreamMessage(m)).toBe("iam-missing-inference-profile");
  });

  it("finds the cause inside a boto3 message wrapped in a 500 detail", () => {
    expect(classifyAccessMessage('{"detail":"An error occurred (AccessDeniedException) when calling the Converse operation: You don\'t have access to the model with the specified model ID."}')).toBe(
      "model-access-not-granted",
    );
  });

  it("understands a gateway that words the cause itself", () => {
    expect(classifyAccessMessage("Model access is not granted for 'x' in ap-northeast-1")).toBe("model-access-not-granted");
    expect(classifyAccessMessage("The gateway's IAM role is not allowed to call bedrock:InvokeModel on the inference profile apac.x")).toBe("iam-missing-inference-profile");
  });

  it("names no cause for messages that do not give one", () => {
    expect(classifyAccessMessage("Internal Server Error")).toBeUndefined();
  });
});
