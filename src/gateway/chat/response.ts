import { finishReason, toUsage, type Usage } from "./finish.js";
import { JSON_RESPONSE_TOOL, type OpenAIToolCall } from "./types.js";

/** The parts of a Converse response the mapping reads (the SDK's ConverseCommandOutput fits). */
export interface ConverseOutputLike {
  output?: { message?: { content?: unknown[] } };
  stopReason?: string;
  usage?: { inputTokens?: number; outputTokens?: number; totalTokens?: number };
}

export interface ChatCompletion {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: {
    index: 0;
    message: { role: "assistant"; content: string | null; refusal: null; tool_calls?: OpenAIToolCall[]; reasoning_content?: string };
    finish_reason: string;
    logprobs: null;
  }[];
  usage: Usage;
}

interface Block {
  text?: string;
  toolUse?: { toolUseId?: string; name?: string; input?: unknown };
  reasoningContent?: { reasoningText?: { text?: string } };
}

/** Converse output → OpenAI chat.completion (pure). */
export function toChatCompletion(out: ConverseOutputLike, meta: { id: string; created: number; model: string; jsonMode: boolean }): ChatCompletion {
  let text = "";
  let json: string | undefined;
  let reasoning = "";
  const toolCalls: OpenAIToolCall[] = [];
  for (const raw of out.output?.message?.content ?? []) {
    const b = raw as Block;
    if (typeof b.text === "string") text += b.text;
    else if (b.toolUse) {
      if (meta.jsonMode && b.toolUse.name === JSON_RESPONSE_TOOL) json = JSON.stringify(b.toolUse.input ?? {});
      else toolCalls.push({ id: b.toolUse.toolUseId ?? "", type: "function", function: { name: b.toolUse.name ?? "", arguments: JSON.stringify(b.toolUse.input ?? {}) } });
    } else if (b.reasoningContent?.reasoningText?.text) reasoning += b.reasoningContent.reasoningText.text;
  }
  // In JSON mode the forced tool's input is the whole answer; a preamble some models write before it would
  // make the content unparseable.
  if (json !== undefined) text = json;
  const message: ChatCompletion["choices"][number]["message"] = { role: "assistant", content: text === "" && toolCalls.length > 0 ? null : text, refusal: null };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (reasoning !== "") message.reasoning_content = reasoning;
  return {
    id: meta.id,
    object: "chat.completion",
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, message, finish_reason: finishReason(out.stopReason, meta.jsonMode), logprobs: null }],
    usage: toUsage(out.usage),
  };
}
