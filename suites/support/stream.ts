import type { CheckContext, CheckOutcome, SseResponse } from "../../src/harness/index.js";
import { chatStream, type ChatBody } from "./chat.js";
import { describe, fail, skip, unusable } from "./outcome.js";

/**
 * Stream a chat and hand the checks only a response that is an SSE stream; everything else is judged once,
 * by chat-stream.content-type.
 */
export async function streamOrOutcome(ctx: CheckContext, body: ChatBody): Promise<SseResponse | CheckOutcome> {
  const res = await chatStream(ctx, body);
  const bad = unusable(res);
  if (bad) return bad;
  if (res.status !== 200) return fail(`the streamed request got ${describe(res)}`);
  if (!(res.headers["content-type"] ?? "").includes("text/event-stream")) {
    return skip(`the answer is not text/event-stream (${res.headers["content-type"] ?? "none"}); see chat-stream.content-type`);
  }
  if (res.events.length === 0) return skip("the stream carried no events");
  return res;
}

export function isOutcome(v: SseResponse | CheckOutcome): v is CheckOutcome {
  return "status" in v && typeof v.status === "string" && !("events" in v);
}
