import type { Check } from "../src/harness/index.js";
import { chunksOf, deltaOf } from "./support/chat.js";
import { isRecord } from "./support/envelope.js";
import { fail, finding, pass, sample, skip } from "./support/outcome.js";
import { withChatModel } from "./support/probe.js";
import { isOutcome, streamOrOutcome } from "./support/stream.js";
import { modelLacksFeature, TOOL_CHOICE, TOOL_MAX_TOKENS, TOOL_PROMPT, WEATHER_TOOL } from "./support/tools.js";

interface Assembled {
  id?: string;
  name?: string;
  args: string;
}

export const toolCallDeltasCheck: Check = {
  id: "chat-stream.tool-call-deltas",
  suite: "chat-stream",
  title: "Streamed tool calls carry a valid index (≥ 0), an id and name first, and arguments that assemble into JSON",
  finds: ["sse-tool-call-index-invalid", "tool-calls-not-mapped"],
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const res = await streamOrOutcome(ctx, { model, messages: [{ role: "user", content: TOOL_PROMPT }], tools: [WEATHER_TOOL], tool_choice: TOOL_CHOICE, max_tokens: TOOL_MAX_TOKENS });
      if (isOutcome(res)) {
        if (res.status === "fail" && /got 4\d\d/.test(res.message ?? "") && modelLacksFeature(res.message ?? "", "tool")) return skip(`${model} takes no tools: ${res.message}`);
        return res;
      }
      // The SDKs assemble calls by `index`: a negative or missing index loses or merges them.
      const calls = new Map<number, Assembled>();
      for (const c of chunksOf(res)) {
        const toolCalls = deltaOf(c.data)?.tool_calls;
        if (!Array.isArray(toolCalls)) continue;
        for (const tc of toolCalls) {
          const index = isRecord(tc) ? tc.index : undefined;
          if (typeof index !== "number" || !Number.isInteger(index) || index < 0) {
            return fail(`tool call delta with index ${JSON.stringify(index)}`, finding("sse-tool-call-index-invalid", { model, index: JSON.stringify(index) ?? "missing", chunk: sample(c.raw, 100) }));
          }
          const entry = calls.get(index) ?? { args: "" };
          const fn = isRecord(tc) && isRecord(tc.function) ? tc.function : {};
          if (isRecord(tc) && typeof tc.id === "string") entry.id ??= tc.id;
          if (typeof fn.name === "string") entry.name ??= fn.name;
          if (typeof fn.arguments === "string") entry.args += fn.arguments;
          calls.set(index, entry);
        }
      }
      const first = calls.get(0) ?? [...calls.values()][0];
      let problem: string | undefined;
      if (!first) problem = "no tool_calls deltas in the stream";
      else if (!first.id || first.name !== WEATHER_TOOL.function.name) problem = `the call has id ${JSON.stringify(first.id)} and name ${JSON.stringify(first.name)}`;
      else if (!parses(first.args)) problem = `arguments assemble to ${sample(first.args, 60)}, not JSON`;
      if (!problem) return pass(`get_weather(${sample(first?.args ?? "", 60)})`);
      return fail(problem, finding("tool-calls-not-mapped", { model, mode: "stream", problem }));
    }),
};

function parses(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}
