import { type Answer, countTokens, hash32, type Prompt, type ToolSpec } from "./answer.js";
import { DEFAULT_MAX_TOKENS } from "./converse.js";
import { checkKeys, malformed } from "./embeddings.js";
import { AwsError } from "./errors.js";
import type { StreamEvent } from "./stream.js";
import type { CatalogModel } from "./types.js";

/**
 * The Anthropic Messages body on InvokeModel / InvokeModelWithResponseStream, as LiteLLM and Portkey send
 * it for Claude. Streamed chunks are `{"bytes": base64(JSON event)}` in `chunk` events.
 */

type Json = Record<string, unknown>;

const ALLOWED = [
  "anthropic_version", "anthropic_beta", "messages", "system", "max_tokens", "temperature", "top_p", "top_k",
  "stop_sequences", "tools", "tool_choice", "thinking", "metadata",
];

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function blocksOf(content: unknown): Json[] {
  if (typeof content === "string") return [{ type: "text", text: content }];
  return Array.isArray(content) ? content.filter(isObject) : [];
}

function textOf(blocks: Json[]): string {
  return blocks
    .filter((b) => b.type === "text" && typeof b.text === "string")
    .map((b) => b.text as string)
    .join(" ");
}

function toolResultText(content: unknown): string {
  return typeof content === "string" ? content : textOf(blocksOf(content));
}

export function parseAnthropic(body: Json, model: CatalogModel, rejectsTemperatureWithTopP: boolean): Prompt {
  checkKeys(body, ["anthropic_version", "max_tokens", "messages"], ALLOWED);
  if (body.anthropic_version !== "bedrock-2023-05-31") {
    throw malformed([`#/anthropic_version: ${String(body.anthropic_version)} is not a valid enum value`]);
  }
  const maxTokens = body.max_tokens;
  if (typeof maxTokens !== "number" || !Number.isInteger(maxTokens) || maxTokens < 1) {
    throw malformed([`#/max_tokens: ${String(maxTokens)} is not greater or equal to 1`]);
  }
  const limit = model.maxOutputTokens ?? DEFAULT_MAX_TOKENS;
  if (maxTokens > limit) throw new AwsError("ValidationException", `max_tokens: ${maxTokens} > ${limit}, which is the maximum allowed number of output tokens for ${model.modelId}`);
  if (rejectsTemperatureWithTopP && body.temperature !== undefined && body.top_p !== undefined) {
    throw new AwsError("ValidationException", "`temperature` and `top_p` cannot both be specified for this model. Please use only one.");
  }
  const messages = Array.isArray(body.messages) ? body.messages.filter(isObject) : [];
  if (messages.length === 0) throw new AwsError("ValidationException", "messages: at least one message is required");
  let inputTokens = typeof body.system === "string" ? countTokens(body.system) : countTokens(textOf(blocksOf(body.system)));
  messages.forEach((m, i) => {
    if (i === 0 && m.role !== "user") throw new AwsError("ValidationException", 'messages: first message must use the "user" role');
    const prev = messages[i - 1];
    if (prev && prev.role === m.role) {
      throw new AwsError("ValidationException", `messages: roles must alternate between "user" and "assistant", but found multiple "${String(m.role)}" roles in a row`);
    }
    const blocks = blocksOf(m.content);
    if (blocks.some((b) => b.type === "text" && String(b.text ?? "").trim() === "")) {
      throw new AwsError("ValidationException", `messages.${i}.content: text content blocks must contain non-whitespace text`);
    }
    inputTokens += countTokens(textOf(blocks));
  });
  const last = [...messages].reverse().find((m) => m.role === "user") ?? {};
  const lastBlocks = blocksOf(last.content);
  const tools: ToolSpec[] = (Array.isArray(body.tools) ? body.tools.filter(isObject) : [])
    .filter((t) => typeof t.name === "string")
    .map((t) => ({ name: t.name as string, description: t.description as string | undefined, schema: isObject(t.input_schema) ? t.input_schema : undefined }));
  const tc = isObject(body.tool_choice) ? body.tool_choice : {};
  const toolChoice: Prompt["toolChoice"] = tc.type === "tool" && typeof tc.name === "string" ? { name: tc.name } : tc.type === "any" ? "any" : "auto";
  return {
    modelId: model.modelId,
    modelName: model.modelName,
    lastUserText: textOf(lastBlocks),
    lastToolResults: lastBlocks
      .filter((b) => b.type === "tool_result")
      .map((b) => ({ toolUseId: String(b.tool_use_id ?? ""), text: toolResultText(b.content) })),
    inputTokens: Math.max(1, inputTokens),
    maxTokens,
    stopSequences: Array.isArray(body.stop_sequences) ? body.stop_sequences.filter((s): s is string => typeof s === "string") : [],
    tools,
    toolChoice,
  };
}

/** `anthropic.claude-3-haiku-20240307-v1:0` → `claude-3-haiku-20240307`, as the body's `model` field says. */
function shortModel(modelId: string): string {
  return modelId.replace(/^anthropic\./, "").replace(/-v\d+(:\d+)?$/, "");
}

function messageId(a: Answer, modelId: string): string {
  const text = a.blocks.map((b) => (b.kind === "text" ? b.text : b.inputJson)).join("");
  return `msg_bdrk_01${hash32(modelId + text).toString(36).padStart(7, "0")}${hash32(text).toString(36).padStart(7, "0")}`;
}

export function anthropicBody(a: Answer, modelId: string): string {
  return JSON.stringify({
    id: messageId(a, modelId),
    type: "message",
    role: "assistant",
    model: shortModel(modelId),
    content: a.blocks.map((b) =>
      b.kind === "text" ? { type: "text", text: b.text } : { type: "tool_use", id: b.toolUseId, name: b.name, input: b.input },
    ),
    stop_reason: a.stopReason,
    stop_sequence: a.stopSequence ?? null,
    usage: { input_tokens: a.inputTokens, output_tokens: a.outputTokens },
  });
}

function chunk(payload: unknown, delta = false): StreamEvent {
  return { type: "chunk", payload: { bytes: Buffer.from(JSON.stringify(payload)).toString("base64") }, delta };
}

export function anthropicStreamEvents(a: Answer, modelId: string, startedAt: number): StreamEvent[] {
  const events: StreamEvent[] = [
    chunk({
      type: "message_start",
      message: {
        id: messageId(a, modelId), type: "message", role: "assistant", model: shortModel(modelId), content: [],
        stop_reason: null, stop_sequence: null, usage: { input_tokens: a.inputTokens, output_tokens: 1 },
      },
    }),
  ];
  a.blocks.forEach((b, index) => {
    if (b.kind === "text") {
      events.push(chunk({ type: "content_block_start", index, content_block: { type: "text", text: "" } }));
      for (const text of b.deltas) events.push(chunk({ type: "content_block_delta", index, delta: { type: "text_delta", text } }, true));
    } else {
      events.push(chunk({ type: "content_block_start", index, content_block: { type: "tool_use", id: b.toolUseId, name: b.name, input: {} } }));
      for (const partial_json of b.deltas) {
        events.push(chunk({ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json } }, true));
      }
    }
    events.push(chunk({ type: "content_block_stop", index }));
  });
  events.push(chunk({ type: "message_delta", delta: { stop_reason: a.stopReason, stop_sequence: a.stopSequence ?? null }, usage: { output_tokens: a.outputTokens } }));
  events.push({
    type: "chunk",
    payload: () => {
      const latency = Date.now() - startedAt;
      const metrics = { inputTokenCount: a.inputTokens, outputTokenCount: a.outputTokens, invocationLatency: latency, firstByteLatency: latency };
      return { bytes: Buffer.from(JSON.stringify({ type: "message_stop", "amazon-bedrock-invocationMetrics": metrics })).toString("base64") };
    },
  });
  return events;
}
