import type { Answer } from "./answer.js";
import type { StreamEvent } from "./stream.js";

/** Renders an Answer as the Converse response body and as the ConverseStream event sequence. */

function usage(a: Answer): { inputTokens: number; outputTokens: number; totalTokens: number } {
  return { inputTokens: a.inputTokens, outputTokens: a.outputTokens, totalTokens: a.inputTokens + a.outputTokens };
}

export function converseBody(a: Answer, latencyMs: number): string {
  const content = a.blocks.map((b) =>
    b.kind === "text" ? { text: b.text } : { toolUse: { toolUseId: b.toolUseId, name: b.name, input: b.input } },
  );
  return JSON.stringify({
    output: { message: { role: "assistant", content } },
    stopReason: a.stopReason,
    usage: usage(a),
    metrics: { latencyMs },
  });
}

export function converseStreamEvents(a: Answer, startedAt: number): StreamEvent[] {
  const events: StreamEvent[] = [{ type: "messageStart", payload: { role: "assistant" } }];
  a.blocks.forEach((b, contentBlockIndex) => {
    if (b.kind === "toolUse") {
      events.push({
        type: "contentBlockStart",
        payload: { contentBlockIndex, start: { toolUse: { toolUseId: b.toolUseId, name: b.name } } },
      });
      for (const input of b.deltas) {
        events.push({ type: "contentBlockDelta", payload: { contentBlockIndex, delta: { toolUse: { input } } }, delta: true });
      }
    } else {
      for (const text of b.deltas) {
        events.push({ type: "contentBlockDelta", payload: { contentBlockIndex, delta: { text } }, delta: true });
      }
    }
    events.push({ type: "contentBlockStop", payload: { contentBlockIndex } });
  });
  events.push({ type: "messageStop", payload: { stopReason: a.stopReason } });
  events.push({
    type: "metadata",
    payload: () => ({ usage: usage(a), metrics: { latencyMs: Date.now() - startedAt } }),
  });
  return events;
}
