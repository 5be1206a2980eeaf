import {
  type BedrockRuntimeClient,
  InternalServerException,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  ModelErrorException,
  ModelNotReadyException,
  ValidationException,
} from "@aws-sdk/client-bedrock-runtime";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { rejection, runtimeClient } from "./helpers.js";

const decoder = new TextDecoder();
const legacy = (prompt: string, extra: Record<string, unknown> = {}): string => JSON.stringify({ prompt, max_tokens_to_sample: 300, ...extra });

describe("the seed's world: Claude v2.1 in Tokyo, July 2024", () => {
  let emu: RunningEmulator;
  let client: BedrockRuntimeClient;
  beforeAll(async () => {
    emu = await startEmulator({ catalog: "ap-northeast-1-2024-07", chunkDelayMs: 0 });
    client = runtimeClient(emu);
  });
  afterAll(async () => {
    client.destroy();
    await emu.close();
  });
  afterEach(() => emu.faults.clear());

  it("answers the legacy Text Completions body for anthropic.claude-v2:1", async () => {
    const r = await client.send(new InvokeModelCommand({ modelId: "anthropic.claude-v2:1", body: legacy("\n\nHuman: hello\n\nAssistant:") }));
    expect(JSON.parse(decoder.decode(r.body))).toEqual({
      type: "completion",
      completion: " Hello from the Bedrock emulator (Claude). You said: hello",
      stop_reason: "stop_sequence",
      stop: "\n\nHuman:",
    });
  });

  it("streams legacy completions as chunk events ending with stop_reason and invocation metrics", async () => {
    const r = await client.send(new InvokeModelWithResponseStreamCommand({ modelId: "anthropic.claude-instant-v1", body: legacy("\n\nHuman: hi\n\nAssistant:") }));
    const chunks: { completion: string; stop_reason: string | null }[] = [];
    for await (const e of r.body ?? []) if (e.chunk?.bytes) chunks.push(JSON.parse(decoder.decode(e.chunk.bytes)) as (typeof chunks)[number]);
    expect(chunks.map((c) => c.completion).join("")).toBe(" Hello from the Bedrock emulator (Claude Instant). You said: hi");
    expect(chunks.at(-1)).toMatchObject({ stop_reason: "stop_sequence", "amazon-bedrock-invocationMetrics": { outputTokenCount: 10 } });
  });

  it("cuts a legacy completion at max_tokens_to_sample with stop_reason max_tokens", async () => {
    const r = await client.send(new InvokeModelCommand({ modelId: "anthropic.claude-v2:1", body: legacy("\n\nHuman: hello\n\nAssistant:", { max_tokens_to_sample: 2 }) }));
    expect(JSON.parse(decoder.decode(r.body))).toMatchObject({ completion: " Hello from", stop_reason: "max_tokens", stop: null });
  });

  it("rejects a legacy prompt without the Human turn", async () => {
    const err = await rejection(client.send(new InvokeModelCommand({ modelId: "anthropic.claude-v2:1", body: legacy("hello") })));
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toBe('prompt must start with "\\n\\nHuman:" turn after an optional system prompt');
  });

  it("rejects the legacy body for Claude 3 and points at the Messages API", async () => {
    const c = await startEmulator({ catalog: "us-east-1-current" });
    const other = runtimeClient(c);
    const err = await rejection(other.send(new InvokeModelCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", body: legacy("\n\nHuman: hi\n\nAssistant:") })));
    other.destroy();
    await c.close();
    expect(err.message).toBe('"claude-3-haiku-20240307" is not supported on this API. Please use the Messages API instead.');
  });

  it("denies Claude 3 Haiku, listed but not granted, with 'You don't have access'", async () => {
    const body = JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: [{ role: "user", content: "hi" }] });
    const err = await rejection(client.send(new InvokeModelCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", body })));
    expect(err.name).toBe("AccessDeniedException");
    expect(err.message).toBe("You don't have access to the model with the specified model ID.");
  });

  it("treats an APAC profile id as an unknown model before profiles existed", async () => {
    const body = JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: [{ role: "user", content: "hi" }] });
    const err = await rejection(client.send(new InvokeModelCommand({ modelId: "apac.anthropic.claude-3-haiku-20240307-v1:0", body })));
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.message).toBe("The provided model identifier is invalid.");
  });

  it.each([
    ["not-ready:1", ModelNotReadyException, 429],
    ["model-error:1", ModelErrorException, 424],
    ["internal:1", InternalServerException, 500],
  ] as const)("answers the %s fault with its exception class and status", async (spec, cls, status) => {
    emu.faults.apply([spec]);
    const err = await rejection(client.send(new InvokeModelCommand({ modelId: "anthropic.claude-v2:1", body: legacy("\n\nHuman: hi\n\nAssistant:") })));
    expect(err).toBeInstanceOf(cls);
    expect(err.$metadata?.httpStatusCode).toBe(status);
  });
});
