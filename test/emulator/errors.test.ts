import {
  AccessDeniedException,
  type BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelCommand,
  ModelTimeoutException,
  ServiceUnavailableException,
  ThrottlingException,
  ValidationException,
} from "@aws-sdk/client-bedrock-runtime";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { rejection, runtimeClient, TRANSPORTS, userSays } from "./helpers.js";

const ON_DEMAND =
  "Invocation of model ID anthropic.claude-3-5-sonnet-20240620-v1:0 with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that contains this model.";

describe.each(TRANSPORTS)("Tokyo 2024-11 account errors over %s", (transport) => {
  let emu: RunningEmulator;
  let client: BedrockRuntimeClient;
  beforeAll(async () => {
    emu = await startEmulator({ catalog: "ap-northeast-1-2024-11", chunkDelayMs: 0 });
    client = runtimeClient(emu, transport);
  });
  afterAll(async () => {
    client.destroy();
    await emu.close();
  });

  it("raises ValidationException with the U+2019 on-demand message for a profile-only model id", async () => {
    const err = await rejection(client.send(new ConverseCommand({ modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0", messages: userSays("hi") })));
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toBe(ON_DEMAND);
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });

  it("raises the IAM-style AccessDeniedException for a profile when the policy allows only foundation-model/*", async () => {
    const err = await rejection(client.send(new ConverseStreamCommand({ modelId: "apac.anthropic.claude-3-5-sonnet-20240620-v1:0", messages: userSays("hi") })));
    expect(err).toBeInstanceOf(AccessDeniedException);
    expect(err.message).toBe(
      "User: arn:aws:sts::123456789012:assumed-role/BedrockProxyLambdaRole/BedrockProxyFunction is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:ap-northeast-1:123456789012:inference-profile/apac.anthropic.claude-3-5-sonnet-20240620-v1:0 because no identity-based policy allows the bedrock:InvokeModelWithResponseStream action",
    );
    expect(err.$metadata?.httpStatusCode).toBe(403);
  });

  it("raises AccessDeniedException 'You don't have access' for a listed model whose access is not granted", async () => {
    const err = await rejection(client.send(new ConverseCommand({ modelId: "anthropic.claude-3-sonnet-20240229-v1:0", messages: userSays("hi") })));
    expect(err).toBeInstanceOf(AccessDeniedException);
    expect(err.message).toBe("You don't have access to the model with the specified model ID.");
  });

  it("raises ValidationException 'The provided model identifier is invalid.' for an unknown id", async () => {
    const err = await rejection(client.send(new ConverseCommand({ modelId: "anthropic.claude-9", messages: userSays("hi") })));
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toBe("The provided model identifier is invalid.");
  });

  it("answers a granted on-demand model in the same account", async () => {
    const r = await client.send(new ConverseCommand({ modelId: "anthropic.claude-v2:1", messages: userSays("hi") }));
    expect(r.output?.message?.content?.[0]?.text).toContain("(Claude)");
  });

  it("raises InvalidSignatureException when the request is signed for another region", async () => {
    const other = runtimeClient(emu, transport, "us-east-1");
    const err = await rejection(other.send(new ConverseCommand({ modelId: "anthropic.claude-v2:1", messages: userSays("hi") })));
    other.destroy();
    expect(err.name).toBe("InvalidSignatureException");
    expect(err.message).toBe("Credential should be scoped to a valid region. ");
    expect(err.$metadata?.httpStatusCode).toBe(403);
  });
});

describe.each(TRANSPORTS)("faults over %s", (transport) => {
  let emu: RunningEmulator;
  let client: BedrockRuntimeClient;
  const MODEL = "amazon.nova-micro-v1:0";
  beforeAll(async () => {
    emu = await startEmulator({ chunkDelayMs: 0 });
    client = runtimeClient(emu, transport);
  });
  afterAll(async () => {
    client.destroy();
    await emu.close();
  });
  afterEach(() => emu.faults.clear());

  it("throttles the next n calls with ThrottlingException 429, then answers", async () => {
    emu.faults.throttleNext(2);
    for (let i = 0; i < 2; i++) {
      const err = await rejection(client.send(new ConverseCommand({ modelId: MODEL, messages: userSays("hi") })));
      expect(err).toBeInstanceOf(ThrottlingException);
      expect(err.message).toBe("Too many requests, please wait before trying again.");
      expect(err.$metadata?.httpStatusCode).toBe(429);
    }
    await expect(client.send(new ConverseCommand({ modelId: MODEL, messages: userSays("hi") }))).resolves.toBeDefined();
  });

  it("raises ModelTimeoutException 408 when a timeout is injected", async () => {
    emu.faults.modelTimeoutNext(1);
    const err = await rejection(client.send(new ConverseStreamCommand({ modelId: MODEL, messages: userSays("hi") })));
    expect(err).toBeInstanceOf(ModelTimeoutException);
    expect(err.$metadata?.httpStatusCode).toBe(408);
  });

  it("raises ServiceUnavailableException 503 when unavailability is injected", async () => {
    emu.faults.unavailableNext(1);
    const err = await rejection(client.send(new InvokeModelCommand({ modelId: "amazon.titan-embed-text-v2:0", body: JSON.stringify({ inputText: "x" }) })));
    expect(err).toBeInstanceOf(ServiceUnavailableException);
    expect(err.$metadata?.httpStatusCode).toBe(503);
  });

  it("applies --fault specs given at start-up", async () => {
    const other = await startEmulator({ faults: ["throttle:1"] });
    const c = runtimeClient(other, transport);
    const err = await rejection(c.send(new ConverseCommand({ modelId: MODEL, messages: userSays("hi") })));
    c.destroy();
    await other.close();
    expect(err).toBeInstanceOf(ThrottlingException);
  });

  it("counts requests by operation and errors by type", async () => {
    emu.faults.throttleNext(1);
    const before = emu.stats.byOperation.Converse ?? 0;
    const throttledBefore = emu.stats.errors.ThrottlingException ?? 0;
    await rejection(client.send(new ConverseCommand({ modelId: MODEL, messages: userSays("hi") })));
    expect(emu.stats.byOperation.Converse).toBe(before + 1);
    expect(emu.stats.errors.ThrottlingException).toBe(throttledBefore + 1);
  });
});

describe("Converse validations (us-east-1-current)", () => {
  let emu: RunningEmulator;
  let client: BedrockRuntimeClient;
  const MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
  beforeAll(async () => {
    emu = await startEmulator({ chunkDelayMs: 0 });
    client = runtimeClient(emu);
  });
  afterAll(async () => {
    client.destroy();
    await emu.close();
  });

  async function validation(input: Omit<ConstructorParameters<typeof ConverseCommand>[0], "modelId">, modelId = MODEL): Promise<string> {
    const err = await rejection(client.send(new ConverseCommand({ modelId, ...input })));
    expect(err).toBeInstanceOf(ValidationException);
    return err.message;
  }

  it("rejects a conversation that starts with an assistant message", async () => {
    expect(await validation({ messages: [{ role: "assistant", content: [{ text: "hi" }] }] })).toBe(
      "A conversation must start with a user message. Try again with a conversation that starts with a user message.",
    );
  });

  it("rejects two user messages in a row", async () => {
    expect(await validation({ messages: [...userSays("a"), ...userSays("b")] })).toBe(
      "A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.",
    );
  });

  it("rejects a blank text block", async () => {
    expect(await validation({ messages: userSays("   ") })).toBe(
      "The text field in the ContentBlock object at messages.0.content.0 is blank. Add text to the text field, and try again.",
    );
  });

  it("rejects temperature and topP together for a model that rejects both", async () => {
    expect(await validation({ messages: userSays("hi"), inferenceConfig: { temperature: 0.5, topP: 0.9 } })).toBe(
      "`temperature` and `top_p` cannot both be specified for this model. Please use only one.",
    );
  });

  it("accepts temperature and topP together for a model that allows both", async () => {
    const r = await client.send(new ConverseCommand({ modelId: "amazon.nova-lite-v1:0", messages: userSays("hi"), inferenceConfig: { temperature: 0.5, topP: 0.9 } }));
    expect(r.stopReason).toBe("end_turn");
  });

  it("rejects maxTokens below 1", async () => {
    expect(await validation({ messages: userSays("hi"), inferenceConfig: { maxTokens: 0 } })).toMatch(
      /^1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint/,
    );
  });

  it("rejects maxTokens above the model's limit", async () => {
    expect(await validation({ messages: userSays("hi"), inferenceConfig: { maxTokens: 100_000 } })).toBe(
      "The maximum tokens you requested exceeds the model limit of 64000. Try again with a maximum tokens value that is lower than 64000.",
    );
  });

  it("rejects an unsupported image format", async () => {
    const image = { format: "bmp", source: { bytes: new Uint8Array([1, 2, 3]) } } as unknown as { format: "png"; source: { bytes: Uint8Array } };
    expect(await validation({ messages: [{ role: "user", content: [{ image }] }] })).toMatch(/image\.format' failed to satisfy constraint: Member must satisfy enum value set: \[png, jpeg, gif, webp\]/);
  });

  it("rejects Converse on an embedding model", async () => {
    expect(await validation({ messages: userSays("hi") }, "amazon.titan-embed-text-v2:0")).toBe(
      "This action doesn't support the model that you provided. Try again with a supported text or chat model.",
    );
  });

  it("rejects a Titan body with the wrong shape for the model", async () => {
    const err = await rejection(client.send(new InvokeModelCommand({ modelId: "amazon.titan-embed-text-v2:0", body: JSON.stringify({ texts: ["x"] }) })));
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toBe(
      "Malformed input request: #: extraneous key [texts] is not permitted, #: required key [inputText] not found, please reformat your input and try again.",
    );
  });

  it("rejects a Cohere body with more than 96 texts", async () => {
    const body = JSON.stringify({ texts: Array.from({ length: 97 }, () => "x"), input_type: "search_query" });
    const err = await rejection(client.send(new InvokeModelCommand({ modelId: "cohere.embed-english-v3", body })));
    expect(err.message).toContain("expected maximum item count: 96, found: 97");
  });

  it("rejects an Anthropic Messages body without max_tokens", async () => {
    const body = JSON.stringify({ anthropic_version: "bedrock-2023-05-31", messages: [{ role: "user", content: "hi" }] });
    const err = await rejection(client.send(new InvokeModelCommand({ modelId: MODEL, body })));
    expect(err.message).toBe("Malformed input request: #: required key [max_tokens] not found, please reformat your input and try again.");
  });
});
