import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support.js";

/** The real openai-node (v6) as the gateway's client, the emulator as Bedrock (us-east-1-current). */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

describe("openai-node against the reference gateway", () => {
  it("models.list returns the region's models in OpenAI's shape", async () => {
    const page = await stack.client().models.list();
    const ids = page.data.map((m) => m.id);
    expect(ids).toContain(HAIKU);
    expect(ids).toContain("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
    expect(ids).toContain("amazon.titan-embed-text-v2:0");
    expect(page.data[0]).toMatchObject({ object: "model", owned_by: expect.any(String), created: expect.any(Number) });
  });

  it("reads the catalog from the control plane once, then serves it from the cache", async () => {
    await stack.client().models.list();
    await stack.client().models.list();
    await stack.client().chat.completions.create({ model: HAIKU, messages: [{ role: "user", content: "hi" }] });
    expect(stack.emu.stats.byOperation.ListFoundationModels).toBe(1);
    expect(stack.emu.stats.byOperation.ListInferenceProfiles).toBeGreaterThanOrEqual(1);
  });

  it("models.retrieve finds an id containing ':'", async () => {
    expect(await stack.client().models.retrieve(HAIKU)).toMatchObject({ id: HAIKU, object: "model" });
  });

  it("models.retrieve of an unknown id raises NotFoundError", async () => {
    await expect(stack.client().models.retrieve("gpt-4")).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("chat without streaming returns the answer and usage", async () => {
    const r = await stack.client().chat.completions.create({ model: HAIKU, messages: [{ role: "user", content: "Say hello" }] });
    expect(r.object).toBe("chat.completion");
    expect(r.choices[0]?.message.content).toMatch(/\S/);
    expect(r.choices[0]?.finish_reason).toBe("stop");
    expect(r.usage?.total_tokens).toBeGreaterThan(0);
  });

  it("a profile-only model is routed to its us. profile, and `model` says what ran", async () => {
    const r = await stack.client().chat.completions.create({ model: "anthropic.claude-sonnet-4-5-20250929-v1:0", messages: [{ role: "user", content: "hi" }], temperature: 0.5, top_p: 0.9 });
    expect(r.model).toBe("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
  });

  it("streams with include_usage: role first, content deltas, finish chunk, usage chunk, [DONE]", async () => {
    const stream = await stack.client().chat.completions.create({ model: HAIKU, messages: [{ role: "user", content: "Say hello" }], stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    expect(chunks[0]?.choices[0]?.delta.role).toBe("assistant");
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
    expect(text.length).toBeGreaterThan(0);
    expect(chunks.filter((c) => (c.choices[0]?.delta.content ?? "") !== "").length).toBeGreaterThan(1);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage?.total_tokens).toBeGreaterThan(0);
  });

  it("the streamed answer equals the non-streamed one", async () => {
    const messages = [{ role: "user" as const, content: "Tell me about Tokyo" }];
    const whole = await stack.client().chat.completions.create({ model: HAIKU, messages });
    const stream = await stack.client().chat.completions.create({ model: HAIKU, messages, stream: true });
    let text = "";
    for await (const c of stream) text += c.choices[0]?.delta.content ?? "";
    expect(text).toBe(whole.choices[0]?.message.content);
  });

  it("streams tool calls that reassemble into the same call as without streaming", async () => {
    const tools = [{ type: "function" as const, function: { name: "get_weather", description: "Weather for a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } }];
    const messages = [{ role: "user" as const, content: 'Use the get_weather tool for "Paris".' }];
    const whole = await stack.client().chat.completions.create({ model: HAIKU, messages, tools });
    const expected = whole.choices[0]?.message.tool_calls?.[0];
    expect(expected?.type).toBe("function");

    const stream = await stack.client().chat.completions.create({ model: HAIKU, messages, tools, stream: true });
    const calls: { id: string; name: string; args: string }[] = [];
    let finish: string | null | undefined;
    for await (const c of stream) {
      for (const d of c.choices[0]?.delta.tool_calls ?? []) {
        calls[d.index] ??= { id: "", name: "", args: "" };
        const slot = calls[d.index]!;
        slot.id += d.id ?? "";
        slot.name += d.function?.name ?? "";
        slot.args += d.function?.arguments ?? "";
      }
      finish = c.choices[0]?.finish_reason ?? finish;
    }
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual({ id: expected?.id, name: "get_weather", args: expected?.type === "function" ? expected.function.arguments : "" });
    expect(JSON.parse(calls[0]!.args)).toHaveProperty("city");
    expect(finish).toBe("tool_calls");
  });

  it("repairs what Converse rejects: assistant first, blank system, consecutive user turns", async () => {
    const r = await stack.client().chat.completions.create({
      model: HAIKU,
      messages: [
        { role: "system", content: "" },
        { role: "assistant", content: "Hello! How can I help?" },
        { role: "user", content: "First question" },
        { role: "user", content: "and a second one" },
      ],
    });
    expect(r.choices[0]?.message.content).toMatch(/\S/);
  });

  it("honours response_format json_schema: the content is JSON", async () => {
    const r = await stack.client().chat.completions.create({
      model: HAIKU,
      messages: [{ role: "user", content: 'Give the city for "Paris".' }],
      response_format: { type: "json_schema", json_schema: { name: "city", schema: { type: "object", properties: { city: { type: "string" } } } } },
    });
    expect(JSON.parse(r.choices[0]?.message.content ?? "")).toHaveProperty("city");
    expect(r.choices[0]?.finish_reason).toBe("stop");
    const stream = await stack.client().chat.completions.create({
      model: HAIKU,
      messages: [{ role: "user", content: 'Give the city for "Paris".' }],
      response_format: { type: "json_object" },
      stream: true,
    });
    let streamed = "";
    for await (const c of stream) streamed += c.choices[0]?.delta.content ?? "";
    expect(typeof JSON.parse(streamed)).toBe("object");
  });

  it("embeddings with the SDK's default (base64) equal the float ones within 1e-6", async () => {
    const input = ["The quick brown fox", "jumps over the lazy dog"];
    const b64 = await stack.client().embeddings.create({ model: "amazon.titan-embed-text-v2:0", input });
    const flt = await stack.client().embeddings.create({ model: "amazon.titan-embed-text-v2:0", input, encoding_format: "float" });
    expect(b64.data.map((d) => d.index)).toEqual([0, 1]);
    for (const [i, d] of b64.data.entries()) {
      const f = flt.data[i]!.embedding;
      expect(d.embedding).toHaveLength(f.length);
      expect(Math.max(...d.embedding.map((x, j) => Math.abs(x - f[j]!)))).toBeLessThan(1e-6);
    }
    expect(b64.usage.prompt_tokens).toBeGreaterThan(0);
  });

  it("embeds with Cohere in input order", async () => {
    const r = await stack.client().embeddings.create({ model: "cohere.embed-english-v3", input: ["a", "b", "c"], encoding_format: "float" });
    expect(r.data.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(r.data[0]?.embedding.length).toBeGreaterThan(0);
  });
});
