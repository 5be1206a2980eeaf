import type { Check, SseEvent } from "../src/harness/index.js";
import { chatStream, streamErrorEvent, streamedText, userSays } from "./support/chat.js";
import { envelopeArgs, isOpenAiErrorEnvelope } from "./support/envelope.js";
import { describe, fail, finding, pass, skip, unusable, warn } from "./support/outcome.js";
import { withChatModel } from "./support/probe.js";
import { isOutcome, streamOrOutcome } from "./support/stream.js";

/** Below this many events a stream has no shape to judge. */
const MIN_EVENTS = 3;
/** A wait shorter than this before the first event is not worth calling buffered, whatever the shape. */
const MIN_WAIT_MS = 100;
/** "One burst": every event arrived within this share of the wait before the first one (or 20 ms). */
const BURST_SHARE = 0.1;

export interface StreamShape {
  events: number;
  firstMs: number;
  spreadMs: number;
  buffered: boolean;
}

/**
 * A streamed answer behind a buffering front (ALB → Lambda without response streaming) arrives all at once,
 * after the whole generation: a long wait, then every event in one burst. A real stream spreads its events over
 * the generation. The shape is compared, not absolute times, so a slow or loaded machine does not change the verdict.
 */
export function detectBufferedStream(events: readonly SseEvent[]): StreamShape {
  const times = events.map((e) => e.atMs);
  const firstMs = times.length ? Math.min(...times) : 0;
  const spreadMs = times.length ? Math.max(...times) - firstMs : 0;
  const buffered = times.length >= MIN_EVENTS && firstMs >= MIN_WAIT_MS && spreadMs <= Math.max(20, BURST_SHARE * firstMs);
  return { events: times.length, firstMs: Math.round(firstMs), spreadMs: Math.round(spreadMs), buffered };
}

export const bufferingCheck: Check = {
  id: "chat-stream.buffering",
  suite: "chat-stream",
  title: "Stream events arrive as they are generated, not in one burst at the end",
  finds: ["sse-buffered-by-front"],
  // Timing is judged by shape; running alone keeps other checks' load out of the arrival times.
  exclusive: true,
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const res = await streamOrOutcome(ctx, { model, messages: [userSays("Count from 1 to 30, separated by spaces.")], max_tokens: 48 });
      if (isOutcome(res)) return res;
      const shape = detectBufferedStream(res.events);
      const facts = `${shape.events} events; first after ${shape.firstMs} ms; all within ${shape.spreadMs} ms of it`;
      ctx.note(facts);
      if (shape.events < MIN_EVENTS) return skip(`too few events to judge the timing (${facts})`);
      if (!shape.buffered) return pass(facts);
      return warn(`the stream arrived in one burst: ${facts}`, finding("sse-buffered-by-front", { model, events: shape.events, firstMs: shape.firstMs, spreadMs: shape.spreadMs }));
    }),
};

/**
 * A request that fails upstream only once Bedrock sees it: max_tokens far above any model's limit. Gateways that
 * validate first answer 4xx before streaming; gateways that call Bedrock inside the stream (BAG) must then
 * deliver the failure as an error event.
 */
export const UPSTREAM_FAILING_MAX_TOKENS = 1_000_000;

export const errorDeliveredCheck: Check = {
  id: "chat-stream.error-delivered",
  suite: "chat-stream",
  title: "A request that fails upstream is answered with a JSON error, or an error event in the stream",
  finds: ["stream-error-not-delivered", "error-envelope-not-openai"],
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const res = await chatStream(ctx, { model, messages: [userSays("Say OK.")], max_tokens: UPSTREAM_FAILING_MAX_TOKENS });
      const bad = unusable(res);
      if (bad) return bad;
      const status = res.status ?? 0;
      if (status >= 400) {
        if (isOpenAiErrorEnvelope(res.json)) return pass(`refused before streaming: ${status}`);
        return fail(`the error is not an OpenAI envelope: ${describe(res)}`, finding("error-envelope-not-openai", envelopeArgs(res, `streamed chat with max_tokens ${UPSTREAM_FAILING_MAX_TOKENS}`)));
      }
      if (streamErrorEvent(res)) return pass("the error arrived as an event in the stream");
      if (streamedText(res).length > 0) return skip(`the gateway answered max_tokens ${UPSTREAM_FAILING_MAX_TOKENS} (it clamps it); no upstream error to observe`);
      return fail(
        `200 with ${res.events.length} events, no error event${res.sawDone ? ", then [DONE]" : ""}: the client sees an empty answer`,
        finding("stream-error-not-delivered", { model, events: res.events.length, done: res.sawDone }),
      );
    }),
};
