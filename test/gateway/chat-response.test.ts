import { describe, expect, it } from "vitest";
import { ChunkMapper, toChatCompletion, type StreamEvent } from "../../src/gateway/chat/index.js";

const meta = { id: "chatcmpl-1", created: 1700000000, model: "m" };

/** Runs events through a mapper and returns the JSON of every frame. */
function frames(events: StreamEvent[], opts: { includeUsage?: boolean; jsonMode?: boolean } = {}) {
  const mapper = new ChunkMapper({ ...meta, includeUsage: opts.includeUsage ?? false, jsonMode: opts.jsonMode ?? false });
  const text = events.map((e) => mapper.map(e)).join("");
  return text.split("\n\n").filter((f) => f !== "").map((f) => {
    expect(f.startsWith("data: ")).toBe(true);
    return JSON.parse(f.slice(6)) as { choices: { delta: Record<string, unknown>; finish_reason: string | null }[]; usage?: unknown };
  });
}

const textAnswer: StreamEvent[] = [
  { messageStart: { role: "assistant" } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "Hel" } } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "lo" } } },
  { contentBlockStop: { contentBlockIndex: 0 } },
  { messageStop: { stopReason: "end_turn" } },
  { metadata: { usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 } } },
];

describe("ConverseStream events → chat.completion.chunk frames", () => {
  it("sends the role in the first chunk, then one content delta per Bedrock delta", () => {
    const f = frames(textAnswer);
    expect(f[0]?.choices[0]?.delta).toEqual({ role: "assistant", content: "" });
    expect(f.slice(1, 3).map((x) => x.choices[0]?.delta.content)).toEqual(["Hel", "lo"]);
  });

  it("ends with a finish chunk carrying finish_reason", () => {
    const f = frames(textAnswer);
    expect(f.at(-1)?.choices[0]).toMatchObject({ delta: {}, finish_reason: "stop" });
  });

  it("adds a usage chunk with empty choices only when include_usage is asked", () => {
    expect(frames(textAnswer).some((x) => x.choices.length === 0)).toBe(false);
    const last = frames(textAnswer, { includeUsage: true }).at(-1);
    expect(last).toMatchObject({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } });
  });

  it("numbers tool calls from 0 even when a text block comes first", () => {
    const f = frames([
      { messageStart: { role: "assistant" } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "Let me check." } } },
      { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: "a", name: "weather" } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{"city":' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '"Paris"}' } } } },
      { contentBlockStart: { contentBlockIndex: 2, start: { toolUse: { toolUseId: "b", name: "time" } } } },
      { contentBlockDelta: { contentBlockIndex: 2, delta: { toolUse: { input: "{}" } } } },
      { messageStop: { stopReason: "tool_use" } },
    ]);
    const calls = f.flatMap((x) => (x.choices[0]?.delta.tool_calls as { index: number; id?: string; function: { name?: string; arguments: string } }[] | undefined) ?? []);
    expect(calls[0]).toEqual({ index: 0, id: "a", type: "function", function: { name: "weather", arguments: "" } });
    expect(calls.filter((c) => c.index === 0).map((c) => c.function.arguments).join("")).toBe('{"city":"Paris"}');
    expect(calls.filter((c) => c.index === 1).map((c) => c.id ?? c.function.arguments)).toEqual(["b", "{}"]);
    expect(f.at(-1)?.choices[0]?.finish_reason).toBe("tool_calls");
  });

  it("maps max_tokens to finish_reason length", () => {
    expect(frames([{ messageStart: {} }, { messageStop: { stopReason: "max_tokens" } }]).at(-1)?.choices[0]?.finish_reason).toBe("length");
  });

  it("in JSON mode streams only the forced tool's input as content (no text preamble)", () => {
    const f = frames([
      { messageStart: {} },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "I will use the json_response tool." } } },
      { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: "x", name: "json_response" } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{"a":1}' } } } },
      { messageStop: { stopReason: "tool_use" } },
    ], { jsonMode: true });
    expect(f.map((x) => x.choices[0]?.delta.content ?? "").join("")).toBe('{"a":1}');
    expect(f.at(-1)?.choices[0]?.finish_reason).toBe("stop");
  });
});

describe("Converse output → chat.completion", () => {
  it("joins text blocks into content and reports usage", () => {
    const c = toChatCompletion({ output: { message: { content: [{ text: "a" }, { text: "b" }] } }, stopReason: "end_turn", usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 } }, { ...meta, jsonMode: false });
    expect(c.choices[0]?.message.content).toBe("ab");
    expect(c.usage).toEqual({ prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 });
  });

  it("turns toolUse blocks into tool_calls with JSON-string arguments and null content", () => {
    const c = toChatCompletion({ output: { message: { content: [{ toolUse: { toolUseId: "t", name: "f", input: { x: 1 } } }] } }, stopReason: "tool_use" }, { ...meta, jsonMode: false });
    expect(c.choices[0]?.message).toMatchObject({ content: null, tool_calls: [{ id: "t", type: "function", function: { name: "f", arguments: '{"x":1}' } }] });
    expect(c.choices[0]?.finish_reason).toBe("tool_calls");
  });
});
