import {
  type BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  type ConverseStreamOutput,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { runtimeClient, TRANSPORTS, userSays } from "./helpers.js";

const SONNET_4 = "us.anthropic.claude-sonnet-4-20250514-v1:0";
const decoder = new TextDecoder();

async function collect(stream: AsyncIterable<ConverseStreamOutput> | undefined): Promise<ConverseStreamOutput[]> {
  const events: ConverseStreamOutput[] = [];
  for await (const e of stream ?? []) events.push(e);
  return events;
}

describe.each(TRANSPORTS)("runtime operations over %s", (transport) => {
  let emu: RunningEmulator;
  let client: BedrockRuntimeClient;
  beforeAll(async () => {
    emu = await startEmulator({ chunkDelayMs: 0 });
    client = runtimeClient(emu, transport);
  });
  afterAll(async () => {
    client.destroy();
    await emu.close();
  });

  it("reaches the emulator with the protocol the client speaks", async () => {
    await client.send(new ConverseCommand({ modelId: SONNET_4, messages: userSays("ping") }));
    expect(emu.stats.connections[transport]).toBeGreaterThan(0);
  });

  it("answers Converse with a deterministic text derived from the prompt", async () => {
    const a = await client.send(new ConverseCommand({ modelId: SONNET_4, messages: userSays("What is 2+2?") }));
    const b = await client.send(new ConverseCommand({ modelId: SONNET_4, messages: userSays("What is 2+2?") }));
    const text = a.output?.message?.content?.[0]?.text;
    expect(text).toBe("Hello from the Bedrock emulator (Claude Sonnet 4). You said: What is 2+2?");
    expect(b.output?.message?.content?.[0]?.text).toBe(text);
    expect(a.output?.message?.role).toBe("assistant");
    expect(a.stopReason).toBe("end_turn");
  });

  it("gives every answer a request id the SDK reports", async () => {
    const r = await client.send(new ConverseCommand({ modelId: SONNET_4, messages: userSays("id please") }));
    expect(r.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("reports usage that adds up and counts the words it sent", async () => {
    const r = await client.send(new ConverseCommand({ modelId: SONNET_4, system: [{ text: "Be brief." }], messages: userSays("one two three") }));
    const words = (r.output?.message?.content?.[0]?.text ?? "").split(" ").length;
    expect(r.usage).toMatchObject({ inputTokens: 5, outputTokens: words, totalTokens: 5 + words });
    expect(typeof r.metrics?.latencyMs).toBe("number");
  });

  it("stops with max_tokens when maxTokens is smaller than the answer", async () => {
    const r = await client.send(new ConverseCommand({ modelId: SONNET_4, messages: userSays("hello"), inferenceConfig: { maxTokens: 3 } }));
    expect(r.stopReason).toBe("max_tokens");
    expect(r.output?.message?.content?.[0]?.text).toBe("Hello from the");
    expect(r.usage?.outputTokens).toBe(3);
  });

  it("stops with stop_sequence when the answer contains one", async () => {
    const r = await client.send(new ConverseCommand({ modelId: SONNET_4, messages: userSays("hello"), inferenceConfig: { stopSequences: ["emulator"] } }));
    expect(r.stopReason).toBe("stop_sequence");
    expect(r.output?.message?.content?.[0]?.text).toBe("Hello from the Bedrock");
  });

  it("calls a tool when toolConfig is given and the prompt asks for it", async () => {
    const r = await client.send(
      new ConverseCommand({
        modelId: SONNET_4,
        messages: userSays('Use the get_weather tool for "Tokyo"'),
        toolConfig: {
          tools: [{ toolSpec: { name: "get_weather", inputSchema: { json: { type: "object", properties: { city: { type: "string" } } } } } }],
        },
      }),
    );
    expect(r.stopReason).toBe("tool_use");
    const toolUse = r.output?.message?.content?.find((c) => c.toolUse)?.toolUse;
    expect(toolUse).toMatchObject({ name: "get_weather", input: { city: "Tokyo" } });
    expect(toolUse?.toolUseId).toMatch(/^tooluse_/);
  });

  it("answers a toolResult turn with text that carries the result", async () => {
    const r = await client.send(
      new ConverseCommand({
        modelId: SONNET_4,
        messages: [
          { role: "user", content: [{ text: "Use the get_weather tool" }] },
          { role: "assistant", content: [{ toolUse: { toolUseId: "tooluse_1", name: "get_weather", input: {} } }] },
          { role: "user", content: [{ toolResult: { toolUseId: "tooluse_1", content: [{ text: "sunny, 21C" }] } }] },
        ],
        toolConfig: { tools: [{ toolSpec: { name: "get_weather", inputSchema: { json: { type: "object" } } } }] },
      }),
    );
    expect(r.stopReason).toBe("end_turn");
    expect(r.output?.message?.content?.[0]?.text).toBe("The tool returned: sunny, 21C");
  });

  it("streams ConverseStream as messageStart, several deltas, contentBlockStop, messageStop, metadata", async () => {
    const r = await client.send(new ConverseStreamCommand({ modelId: SONNET_4, messages: userSays("stream this please") }));
    const events = await collect(r.stream);
    const kinds = events.map((e) => Object.keys(e)[0]);
    expect(kinds[0]).toBe("messageStart");
    expect(kinds.filter((k) => k === "contentBlockDelta").length).toBeGreaterThan(3);
    expect(kinds.slice(-3)).toEqual(["contentBlockStop", "messageStop", "metadata"]);
    const text = events.map((e) => e.contentBlockDelta?.delta?.text ?? "").join("");
    expect(text).toBe("Hello from the Bedrock emulator (Claude Sonnet 4). You said: stream this please");
    expect(events.at(-1)?.metadata?.usage?.totalTokens).toBe(3 + text.split(" ").length);
  });

  it("streams a tool call as contentBlockStart with toolUse and input deltas that join into JSON", async () => {
    const r = await client.send(
      new ConverseStreamCommand({
        modelId: SONNET_4,
        messages: userSays('please call the lookup tool with "abc"'),
        toolConfig: { tools: [{ toolSpec: { name: "lookup", inputSchema: { json: { type: "object", properties: { q: { type: "string" } } } } } }] },
      }),
    );
    const events = await collect(r.stream);
    const start = events.find((e) => e.contentBlockStart)?.contentBlockStart;
    expect(start?.start?.toolUse?.name).toBe("lookup");
    const input = events
      .filter((e) => e.contentBlockDelta?.contentBlockIndex === start?.contentBlockIndex)
      .map((e) => e.contentBlockDelta?.delta?.toolUse?.input ?? "")
      .join("");
    expect(JSON.parse(input)).toEqual({ q: "abc" });
    expect(events.find((e) => e.messageStop)?.messageStop?.stopReason).toBe("tool_use");
  });

  it("answers InvokeModel for Titan text v2 with an embedding of the requested size", async () => {
    const r = await client.send(new InvokeModelCommand({ modelId: "amazon.titan-embed-text-v2:0", body: JSON.stringify({ inputText: "hello world", dimensions: 256 }) }));
    const body = JSON.parse(decoder.decode(r.body)) as { embedding: number[]; inputTextTokenCount: number };
    expect(body.embedding).toHaveLength(256);
    expect(body.inputTextTokenCount).toBe(2);
    const norm = Math.sqrt(body.embedding.reduce((s, x) => s + x * x, 0));
    expect(norm).toBeCloseTo(1, 3);
  });

  it("answers InvokeModel for Titan text v1 with 1536 floats", async () => {
    const r = await client.send(new InvokeModelCommand({ modelId: "amazon.titan-embed-text-v1", body: JSON.stringify({ inputText: "hello" }) }));
    const body = JSON.parse(decoder.decode(r.body)) as { embedding: number[]; inputTextTokenCount: number };
    expect(body.embedding).toHaveLength(1536);
    expect(body.inputTextTokenCount).toBe(1);
  });

  it("answers InvokeModel for Cohere v3 with one 1024-float vector per text", async () => {
    const r = await client.send(
      new InvokeModelCommand({ modelId: "cohere.embed-multilingual-v3", body: JSON.stringify({ texts: ["a", "b", "a"], input_type: "search_document" }) }),
    );
    const body = JSON.parse(decoder.decode(r.body)) as { id: string; texts: string[]; embeddings: number[][]; response_type: string };
    expect(body.response_type).toBe("embeddings_floats");
    expect(body.texts).toEqual(["a", "b", "a"]);
    expect(body.embeddings.map((e) => e.length)).toEqual([1024, 1024, 1024]);
    expect(body.embeddings[0]).toEqual(body.embeddings[2]);
    expect(body.embeddings[0]).not.toEqual(body.embeddings[1]);
    expect(typeof body.id).toBe("string");
  });

  it("answers InvokeModel with the Anthropic Messages body", async () => {
    const r = await client.send(
      new InvokeModelCommand({
        modelId: SONNET_4,
        contentType: "application/json",
        body: JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 100, messages: [{ role: "user", content: "hi" }] }),
      }),
    );
    const body = JSON.parse(decoder.decode(r.body)) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4-20250514",
      content: [{ type: "text", text: "Hello from the Bedrock emulator (Claude Sonnet 4). You said: hi" }],
      stop_reason: "end_turn",
      usage: { input_tokens: 1, output_tokens: 11 },
    });
  });

  it("streams InvokeModelWithResponseStream as Anthropic events inside chunk payloads", async () => {
    const r = await client.send(
      new InvokeModelWithResponseStreamCommand({
        modelId: SONNET_4,
        body: JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 100, messages: [{ role: "user", content: [{ type: "text", text: "hi" }] }] }),
      }),
    );
    const events: { type: string; delta?: { text?: string } }[] = [];
    for await (const e of r.body ?? []) {
      if (e.chunk?.bytes) events.push(JSON.parse(decoder.decode(e.chunk.bytes)) as { type: string });
    }
    expect(events[0]?.type).toBe("message_start");
    expect(events.at(-1)?.type).toBe("message_stop");
    expect(events.at(-1)).toHaveProperty(["amazon-bedrock-invocationMetrics", "outputTokenCount"], 11);
    const text = events.filter((e) => e.type === "content_block_delta").map((e) => e.delta?.text).join("");
    expect(text).toBe("Hello from the Bedrock emulator (Claude Sonnet 4). You said: hi");
  });

  it("accepts a model given as a foundation-model ARN", async () => {
    const arn = `arn:aws:bedrock:${emu.region}::foundation-model/amazon.nova-pro-v1:0`;
    const r = await client.send(new ConverseCommand({ modelId: arn, messages: userSays("hi") }));
    expect(r.output?.message?.content?.[0]?.text).toContain("Nova Pro");
  });

  it("accepts a model given as an inference-profile ARN", async () => {
    const arn = `arn:aws:bedrock:${emu.region}:123456789012:inference-profile/global.anthropic.claude-haiku-4-5-20251001-v1:0`;
    const r = await client.send(new ConverseCommand({ modelId: arn, messages: userSays("hi") }));
    expect(r.output?.message?.content?.[0]?.text).toContain("Claude Haiku 4.5");
  });
});
