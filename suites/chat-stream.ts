import type { Check, Suite } from "../src/harness/index.js";
import { chatStream, chunksOf, deltaOf, firstChoice, streamedText, userSays } from "./support/chat.js";
import { isRecord } from "./support/envelope.js";
import { describe, fail, finding, pass, sample, unusable, warn } from "./support/outcome.js";
import { withChatModel } from "./support/probe.js";
import { isOutcome, streamOrOutcome } from "./support/stream.js";
import { bufferingCheck, errorDeliveredCheck } from "./chat-stream-timing.js";
import { toolCallDeltasCheck } from "./chat-stream-tools.js";

const suite = "chat-stream";
const SAY_OK = [userSays("Say OK.")];

const contentType: Check = {
  id: "chat-stream.content-type",
  suite,
  title: "stream:true answers 200 with Content-Type text/event-stream",
  finds: ["sse-wrong-content-type"],
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const res = await chatStream(ctx, { model, messages: SAY_OK });
      const bad = unusable(res);
      if (bad) return bad;
      if (res.status !== 200) return fail(`the streamed request got ${describe(res)}`);
      const type = res.headers["content-type"] ?? "";
      if (type.toLowerCase().includes("text/event-stream")) return pass();
      return fail(`Content-Type is ${type || "missing"}`, finding("sse-wrong-content-type", { contentType: type || "none", model }));
    }),
};

const chunkShape: Check = {
  id: "chat-stream.chunk-shape",
  suite,
  title: "Every data event is a chat.completion.chunk JSON object",
  finds: ["sse-chunk-not-openai-shape"],
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const res = await streamOrOutcome(ctx, { model, messages: SAY_OK });
      if (isOutcome(res)) return res;
      for (const c of chunksOf(res)) {
        const d = c.data;
        const problem = !isRecord(d)
          ? "not JSON"
          : d.error !== undefined
            ? undefined
            : d.object !== "chat.completion.chunk"
              ? `object is ${JSON.stringify(d.object)}`
              : typeof d.id !== "string"
                ? "no id"
                : !Array.isArray(d.choices)
                  ? "no choices array"
                  : undefined;
        if (problem) return fail(`chunk ${sample(c.raw, 80)}: ${problem}`, finding("sse-chunk-not-openai-shape", { model, chunk: sample(c.raw, 100), problem }));
      }
      return pass();
    }),
};

const roleFirst: Check = {
  id: "chat-stream.role-first",
  suite,
  title: "The first chunk's delta carries role \"assistant\"",
  finds: ["sse-first-chunk-missing-role"],
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const res = await streamOrOutcome(ctx, { model, messages: SAY_OK });
      if (isOutcome(res)) return res;
      const first = chunksOf(res).find((c) => firstChoice(c.data));
      if (first && deltaOf(first.data)?.role === "assistant") return pass();
      return fail(`first chunk: ${sample(first?.raw ?? "none", 100)}`, finding("sse-first-chunk-missing-role", { model, chunk: sample(first?.raw ?? "none", 100) }));
    }),
};

const deltas: Check = {
  id: "chat-stream.deltas",
  suite,
  title: "The text arrives as choices[0].delta.content pieces",
  finds: ["sse-content-not-in-delta"],
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const res = await streamOrOutcome(ctx, { model, messages: SAY_OK });
      if (isOutcome(res)) return res;
      const text = streamedText(res);
      if (text.length > 0) return pass(`text: ${sample(text, 60)}`);
      const withChoices = chunksOf(res).find((c) => firstChoice(c.data));
      return fail("no delta.content in any chunk", finding("sse-content-not-in-delta", { model, chunk: sample(withChoices?.raw ?? "none", 100) }));
    }),
};

const finishChunk: Check = {
  id: "chat-stream.finish-chunk",
  suite,
  title: "A chunk carries finish_reason before the stream ends",
  finds: ["sse-finish-reason-missing"],
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const res = await streamOrOutcome(ctx, { model, messages: SAY_OK });
      if (isOutcome(res)) return res;
      const reasons = chunksOf(res)
        .map((c) => firstChoice(c.data)?.finish_reason)
        .filter((r) => typeof r === "string" && r.length > 0);
      if (reasons.length > 0) return pass(`finish_reason ${String(reasons[0])}`);
      return fail("no chunk has a finish_reason", finding("sse-finish-reason-missing", { model }));
    }),
};

const done: Check = {
  id: "chat-stream.done",
  suite,
  title: "The stream ends with data: [DONE]",
  finds: ["sse-missing-done"],
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const res = await streamOrOutcome(ctx, { model, messages: SAY_OK });
      if (isOutcome(res)) return res;
      if (res.sawDone) return pass();
      const last = res.events[res.events.length - 1];
      return fail("the stream ended without [DONE]", finding("sse-missing-done", { model, lastEvent: sample(last?.data ?? "none", 80) }));
    }),
};

const usage: Check = {
  id: "chat-stream.usage",
  suite,
  title: "stream_options.include_usage adds a usage chunk",
  finds: ["stream-usage-missing"],
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const res = await streamOrOutcome(ctx, { model, messages: SAY_OK, stream_options: { include_usage: true } });
      if (isOutcome(res)) return res;
      const withUsage = chunksOf(res).find((c) => isRecord(c.data) && isRecord(c.data.usage) && typeof c.data.usage.completion_tokens === "number");
      if (withUsage) return pass();
      return warn("no chunk carried usage", finding("stream-usage-missing", { model }));
    }),
};

export const chatStreamSuite: Suite = {
  id: suite,
  title: "Chat completions, streamed",
  checks: [contentType, chunkShape, roleFirst, deltas, finishChunk, done, usage, toolCallDeltasCheck, errorDeliveredCheck, bufferingCheck],
};
