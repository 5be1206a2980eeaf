/** SSE event arrays shaped like the two streams the report must tell apart at a glance. */
import type { SseEvent } from "../../src/harness/types.js";

const words = "Amazon Bedrock streams the answer token by token so the reader sees it grow while it is written .".split(" ");

function chunk(i: number, model: string): string {
  return JSON.stringify({
    id: "chatcmpl-7f3a",
    object: "chat.completion.chunk",
    created: 1719850000,
    model,
    choices: [{ index: 0, delta: { content: `${words[i % words.length]} ` }, finish_reason: null }],
  });
}

/** A real stream: `count` content events `gapMs` apart after `firstMs`, then [DONE]. */
export function steadyStream(count: number, firstMs: number, gapMs: number, model = "anthropic.claude-3-haiku-20240307-v1:0"): SseEvent[] {
  const events: SseEvent[] = [];
  for (let i = 0; i < count; i++) events.push({ atMs: firstMs + i * gapMs, data: chunk(i, model) });
  events.push({ atMs: firstMs + count * gapMs, data: "[DONE]" });
  return events;
}

/** A buffered stream: everything in one burst at `atMs` (ALB → Lambda without response streaming). */
export function bufferedStream(count: number, atMs: number, model = "anthropic.claude-3-haiku-20240307-v1:0"): SseEvent[] {
  const events: SseEvent[] = [];
  for (let i = 0; i < count; i++) events.push({ atMs: atMs + i * 0.2, data: chunk(i, model) });
  events.push({ atMs: atMs + count * 0.2, data: "[DONE]" });
  return events;
}
