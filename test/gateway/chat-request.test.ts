import { describe, expect, it } from "vitest";
import { LEADING_ASSISTANT_PLACEHOLDER, parseChatRequest, toConverseInput, type ChatRequest } from "../../src/gateway/chat/index.js";
import { GatewayError } from "../../src/gateway/errors.js";

const HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
const SONNET_45 = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

function map(req: Partial<ChatRequest>, model = HAIKU) {
  return toConverseInput(parseChatRequest({ model, ...req }), model);
}

function rejection(fn: () => unknown): GatewayError {
  try {
    fn();
  } catch (err) {
    if (err instanceof GatewayError) return err;
    throw err;
  }
  throw new Error("expected a GatewayError");
}

describe("OpenAI chat request → Converse input", () => {
  it("collects system and developer messages into `system`, in order", () => {
    const { input } = map({ messages: [{ role: "system", content: "Be brief." }, { role: "developer", content: "Use English." }, { role: "user", content: "hi" }] });
    expect(input.system).toEqual([{ text: "Be brief." }, { text: "Use English." }]);
    expect(input.messages).toEqual([{ role: "user", content: [{ text: "hi" }] }]);
  });

  it("drops a blank system message instead of sending a blank block Converse rejects", () => {
    const { input } = map({ messages: [{ role: "system", content: "  " }, { role: "user", content: "hi" }] });
    expect(input.system).toBeUndefined();
  });

  it("merges consecutive messages of the same role so roles alternate", () => {
    const { input } = map({ messages: [{ role: "user", content: "one" }, { role: "user", content: "two" }, { role: "assistant", content: "ok" }] });
    expect(input.messages).toEqual([
      { role: "user", content: [{ text: "one" }, { text: "two" }] },
      { role: "assistant", content: [{ text: "ok" }] },
    ]);
  });

  it("puts a placeholder user turn in front of an assistant-first history, keeping the assistant's words", () => {
    const { input } = map({ messages: [{ role: "assistant", content: "Hello, how can I help?" }, { role: "user", content: "hi" }] });
    expect(input.messages[0]).toEqual({ role: "user", content: [{ text: LEADING_ASSISTANT_PLACEHOLDER }] });
    expect(input.messages[1]).toEqual({ role: "assistant", content: [{ text: "Hello, how can I help?" }] });
  });

  it("drops an empty assistant message (an aborted reply) and re-merges around it", () => {
    const { input } = map({ messages: [{ role: "user", content: "a" }, { role: "assistant", content: "" }, { role: "user", content: "b" }] });
    expect(input.messages).toEqual([{ role: "user", content: [{ text: "a" }, { text: "b" }] }]);
  });

  it("maps assistant tool_calls to toolUse and tool messages to one user turn of toolResults", () => {
    const { input } = map({
      messages: [
        { role: "user", content: "weather in Paris and Tokyo?" },
        { role: "assistant", content: null, tool_calls: [
          { id: "t1", type: "function", function: { name: "weather", arguments: '{"city":"Paris"}' } },
          { id: "t2", type: "function", function: { name: "weather", arguments: '{"city":"Tokyo"}' } },
        ] },
        { role: "tool", tool_call_id: "t1", content: "sunny" },
        { role: "tool", tool_call_id: "t2", content: "rain" },
      ],
      tools: [{ type: "function", function: { name: "weather", parameters: { type: "object" } } }],
    });
    expect(input.messages[1]?.content).toEqual([
      { toolUse: { toolUseId: "t1", name: "weather", input: { city: "Paris" } } },
      { toolUse: { toolUseId: "t2", name: "weather", input: { city: "Tokyo" } } },
    ]);
    expect(input.messages[2]).toEqual({ role: "user", content: [
      { toolResult: { toolUseId: "t1", content: [{ text: "sunny" }] } },
      { toolResult: { toolUseId: "t2", content: [{ text: "rain" }] } },
    ] });
  });

  it("prefers max_completion_tokens over max_tokens and turns a stop string into stopSequences", () => {
    const { input } = map({ messages: [{ role: "user", content: "hi" }], max_tokens: 10, max_completion_tokens: 20, stop: "END" });
    expect(input.inferenceConfig).toMatchObject({ maxTokens: 20, stopSequences: ["END"] });
  });

  it("drops top_p = 1 (no nucleus sampling: the same as not sending it)", () => {
    const { input } = map({ messages: [{ role: "user", content: "hi" }], temperature: 0.5, top_p: 1 });
    expect(input.inferenceConfig).toEqual({ temperature: 0.5 });
  });

  it("keeps both temperature and top_p for models that accept them together", () => {
    const { input } = map({ messages: [{ role: "user", content: "hi" }], temperature: 0.5, top_p: 0.9 });
    expect(input.inferenceConfig).toEqual({ temperature: 0.5, topP: 0.9 });
  });

  it("sends only temperature to models that reject temperature with top_p (Claude 4.5)", () => {
    const { input } = map({ messages: [{ role: "user", content: "hi" }], temperature: 0.5, top_p: 0.9 }, SONNET_45);
    expect(input.inferenceConfig).toEqual({ temperature: 0.5 });
  });

  it("maps tool_choice required / a named function / auto", () => {
    const tools = [{ type: "function" as const, function: { name: "f" } }];
    const messages = [{ role: "user", content: "hi" }];
    expect(map({ messages, tools, tool_choice: "required" }).input.toolConfig?.toolChoice).toEqual({ any: {} });
    expect(map({ messages, tools, tool_choice: { type: "function", function: { name: "f" } } }).input.toolConfig?.toolChoice).toEqual({ tool: { name: "f" } });
    expect(map({ messages, tools, tool_choice: "auto" }).input.toolConfig?.toolChoice).toEqual({ auto: {} });
  });

  it("drops the tools for tool_choice none when the history holds no tool blocks", () => {
    const { input } = map({ messages: [{ role: "user", content: "hi" }], tools: [{ type: "function", function: { name: "f" } }], tool_choice: "none" });
    expect(input.toolConfig).toBeUndefined();
  });

  it("honours response_format json_schema with a forced tool carrying the schema", () => {
    const schema = { type: "object", properties: { answer: { type: "string" } } };
    const { input, jsonMode } = map({ messages: [{ role: "user", content: "hi" }], response_format: { type: "json_schema", json_schema: { name: "a", schema } } });
    expect(jsonMode).toBe(true);
    expect(input.toolConfig?.tools[0]?.toolSpec.inputSchema.json).toEqual(schema);
    expect(input.toolConfig?.toolChoice).toEqual({ tool: { name: "json_response" } });
  });

  it("refuses response_format together with tools rather than ignoring either", () => {
    const err = rejection(() => map({ messages: [{ role: "user", content: "hi" }], tools: [{ type: "function", function: { name: "f" } }], response_format: { type: "json_object" } }));
    expect(err.status).toBe(400);
    expect(err.param).toBe("response_format");
  });

  it("refuses n > 1 with a 400 naming the parameter", () => {
    const err = rejection(() => map({ messages: [{ role: "user", content: "hi" }], n: 2 }));
    expect([err.status, err.param]).toEqual([400, "n"]);
  });

  it("turns a data: URL image into image bytes", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const { input } = map({ messages: [{ role: "user", content: [{ type: "text", text: "what is this" }, { type: "image_url", image_url: { url: `data:image/png;base64,${png.toString("base64")}` } }] }] });
    const block = input.messages[0]?.content[1] as { image: { format: string; source: { bytes: Uint8Array } } };
    expect(block.image.format).toBe("png");
    expect(Buffer.from(block.image.source.bytes)).toEqual(png);
  });

  it("refuses a remote image URL that is not allow-listed with a clear 400 (SSRF)", () => {
    const err = rejection(() => map({ messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "http://169.254.169.254/latest/meta-data" } }] }] }));
    expect([err.status, err.code]).toEqual([400, "image_url_not_allowed"]);
  });

  it("ignores fields it does not know (presence_penalty, user, …)", () => {
    const { input } = map({ messages: [{ role: "user", content: "hi" }], ...({ presence_penalty: 0, user: "u1" } as object) });
    expect(input.messages).toHaveLength(1);
  });

  it("refuses a conversation with no content at all", () => {
    const err = rejection(() => map({ messages: [{ role: "user", content: "   " }] }));
    expect([err.status, err.param]).toEqual([400, "messages"]);
  });
});
