/** Bedrock stopReason → OpenAI finish_reason. */
export function finishReason(stopReason: string | undefined, jsonMode: boolean): "stop" | "length" | "tool_calls" | "content_filter" {
  switch (stopReason) {
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length";
    case "tool_use":
      // In JSON mode the forced tool call *is* the answer; the client asked for content, not a tool call.
      return jsonMode ? "stop" : "tool_calls";
    case "content_filtered":
    case "guardrail_intervened":
      return "content_filter";
    default:
      return "stop";
  }
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export function toUsage(u: { inputTokens?: number; outputTokens?: number; totalTokens?: number } | undefined): Usage {
  const prompt = u?.inputTokens ?? 0;
  const completion = u?.outputTokens ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: u?.totalTokens ?? prompt + completion };
}

export function completionId(): string {
  return "chatcmpl-" + globalThis.crypto.randomUUID().replace(/-/g, "");
}
