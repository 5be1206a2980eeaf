import { describe, expect, it } from "vitest";
import { ChunkMapper, sseStream, type StreamEvent } from "../../src/gateway/chat/index.js";

/**
 * Regression for the stall-probe finding (64 concurrent streams, ~0.7 % of requests without headers for > 5 s):
 * Node 20 accepts one new connection per event-loop iteration, and a stream whose whole answer arrived in one
 * upstream read was mapped and written inside a single iteration (all microtasks). Under load, iterations grew
 * to hundreds of ms and new connections waited in the accept queue. The SSE pump must hand the event loop back
 * between events. Deterministic: no timing, only the order of a macrotask against the stream's chunks.
 */

const N = 200;

/** An answer whose events are all available at once, as when one socket read holds the whole stream. */
async function* burst(): AsyncGenerator<StreamEvent> {
  yield { messageStart: { role: "assistant" } };
  for (let i = 0; i < N; i++) yield { contentBlockDelta: { contentBlockIndex: 0, delta: { text: `w${i} ` } } };
  yield { contentBlockStop: { contentBlockIndex: 0 } };
  yield { messageStop: { stopReason: "end_turn" } };
}

function stream(events: AsyncIterable<StreamEvent>) {
  const outcomes: string[] = [];
  const body = sseStream({
    events: Promise.resolve(events),
    mapper: new ChunkMapper({ id: "chatcmpl-fair", created: 1700000000, model: "m", includeUsage: false, jsonMode: false }),
    upstream: new AbortController(),
    keepAliveMs: 60_000,
    onActivity: () => undefined,
    onEnd: (outcome) => outcomes.push(outcome),
    errorContext: { region: "us-east-1" },
  });
  return { body, outcomes };
}

describe("SSE pump fairness", () => {
  it("lets other macrotasks (e.g. accepting a connection) run while a burst of events is streamed", async () => {
    const { body, outcomes } = stream(burst());
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let text = "";
    let chunks = 0;
    let chunksWhenOtherWorkRan = -1;
    // Scheduled before the first read: with a pump that never yields, it could only run after the last chunk.
    setImmediate(() => {
      chunksWhenOtherWorkRan = chunks;
    });
    // Bounded: N + a few frames; a stuck stream fails on the test timeout rather than looping.
    for (let i = 0; i < N + 10; i++) {
      const r = await reader.read();
      if (r.done) break;
      chunks++;
      text += decoder.decode(r.value, { stream: true });
    }
    expect(chunksWhenOtherWorkRan).toBeGreaterThanOrEqual(0);
    expect(chunksWhenOtherWorkRan).toBeLessThan(chunks);
    // Yielding changes nothing in what the client receives: every delta, in order, then [DONE].
    const deltas = [...text.matchAll(/"content":"(w\d+ )"/g)].map((m) => m[1]);
    expect(deltas).toEqual(Array.from({ length: N }, (_, i) => `w${i} `));
    expect(text.trimEnd().endsWith("data: [DONE]")).toBe(true);
    expect(outcomes).toEqual(["done"]);
  });
});
