import type { Check } from "../src/harness/index.js";
import { chat, firstChoice, messageContent, userSays } from "./support/chat.js";
import { errorMessage, isRecord } from "./support/envelope.js";
import { describe, fail, finding, pass, sample, skip, unusable } from "./support/outcome.js";
import { withChatModel } from "./support/probe.js";
import { modelLacksFeature, TOOL_CHOICE, TOOL_MAX_TOKENS, TOOL_PROMPT, WEATHER_TOOL } from "./support/tools.js";

const suite = "chat";
/** 1×1 transparent PNG: the smallest image a vision model accepts. */
const TINY_PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

export const imageCheck: Check = {
  id: "chat.image-part",
  suite,
  title: "A message with an image content part (data: URL) is accepted",
  finds: ["image-content-not-supported"],
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const res = await chat(ctx, {
        model,
        messages: [{ role: "user", content: [{ type: "text", text: "What colour is this image? One word." }, { type: "image_url", image_url: { url: TINY_PNG } }] }],
      });
      const bad = unusable(res);
      if (bad) return bad;
      if (res.status === 200) return pass();
      const message = errorMessage(res);
      if (res.status !== undefined && res.status < 500 && modelLacksFeature(message, "image")) return skip(`${model} takes no images: ${sample(message, 100)}`);
      return fail(`an image part was refused: ${describe(res)}`, finding("image-content-not-supported", { model, status: res.status ?? 0, message: sample(message, 140) }));
    }),
};

export const toolCallsCheck: Check = {
  id: "chat.tool-calls",
  suite,
  title: "tools + tool_choice produce tool_calls with JSON arguments and finish_reason \"tool_calls\"",
  finds: ["tool-calls-not-mapped"],
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const res = await chat(ctx, { model, messages: [userSays(TOOL_PROMPT)], tools: [WEATHER_TOOL], tool_choice: TOOL_CHOICE, max_tokens: TOOL_MAX_TOKENS });
      const bad = unusable(res);
      if (bad) return bad;
      if (res.status !== 200) {
        const message = errorMessage(res);
        if (res.status !== undefined && res.status < 500 && modelLacksFeature(message, "tool")) return skip(`${model} takes no tools: ${sample(message, 100)}`);
        return fail(`a request with tools was refused: ${describe(res)}`, finding("tool-calls-not-mapped", { model, mode: "non-stream", problem: `status ${res.status}: ${sample(message, 100)}` }));
      }
      const choice = firstChoice(res.json);
      const message = isRecord(choice?.message) ? choice.message : {};
      const call = Array.isArray(message.tool_calls) ? message.tool_calls[0] : undefined;
      const fn = isRecord(call) && isRecord(call.function) ? call.function : undefined;
      let problem: string | undefined;
      if (!fn) problem = `no tool_calls in the answer (content: ${sample(messageContent(res.json) ?? "", 60)})`;
      else if (fn.name !== WEATHER_TOOL.function.name) problem = `tool name ${JSON.stringify(fn.name)}`;
      else if (typeof fn.arguments !== "string" || !parsesAsJson(fn.arguments)) problem = "arguments is not a JSON string";
      else if (!isRecord(call) || typeof call.id !== "string") problem = "the tool call has no id";
      else if (choice?.finish_reason !== "tool_calls") problem = `finish_reason is ${JSON.stringify(choice?.finish_reason)}`;
      if (!problem) return pass();
      return fail(problem, finding("tool-calls-not-mapped", { model, mode: "non-stream", problem }));
    }),
};

function parsesAsJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

export const stopSequencesCheck: Check = {
  id: "chat.stop-sequences",
  suite,
  title: "stop sequences end the answer before the stop text",
  finds: ["stop-sequences-ignored"],
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const res = await chat(ctx, { model, messages: [userSays("Reply with exactly: alpha beta gamma delta")], stop: ["gamma"] });
      const bad = unusable(res);
      if (bad) return bad;
      if (res.status !== 200) {
        return fail(`a request with stop was refused: ${describe(res)}`, finding("stop-sequences-ignored", { model, answer: sample(errorMessage(res), 80) }));
      }
      const content = messageContent(res.json) ?? "";
      if (content.includes("gamma")) return fail(`the answer went past the stop text: ${sample(content, 80)}`, finding("stop-sequences-ignored", { model, answer: sample(content, 80) }));
      return pass(`answer: ${sample(content, 60)}`);
    }),
};
