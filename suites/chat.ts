import type { Check, CheckContext, Suite } from "../src/harness/index.js";
import { chat, firstChoice, userSays } from "./support/chat.js";
import { isRecord } from "./support/envelope.js";
import { describe, fail, finding, pass, sample, skip, unusable } from "./support/outcome.js";
import { mustBeAccepted, withChatModel } from "./support/probe.js";
import { imageCheck, stopSequencesCheck, toolCallsCheck } from "./chat-features.js";

const suite = "chat";
const OPENAI_FINISH_REASONS = ["stop", "length", "tool_calls", "content_filter", "function_call"];

function shapeProblem(json: unknown): string | undefined {
  if (!isRecord(json)) return "the body is not a JSON object";
  if (json.object !== "chat.completion") return `object is ${JSON.stringify(json.object)}, expected "chat.completion"`;
  if (typeof json.id !== "string") return "no id";
  if (typeof json.created !== "number") return "created is not a number";
  if (typeof json.model !== "string") return "model is not a string";
  const choice = firstChoice(json);
  if (!choice) return "no choices[0]";
  const message = choice.message;
  if (!isRecord(message) || message.role !== "assistant") return "choices[0].message.role is not \"assistant\"";
  if (typeof message.content !== "string" && !Array.isArray(message.tool_calls)) return "choices[0].message.content is not a string";
  return undefined;
}

const basicShape: Check = {
  id: "chat.basic-shape",
  suite,
  title: "A non-streamed chat completion has the OpenAI shape",
  finds: ["chat-response-not-openai-shape"],
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const res = await chat(ctx, { model, messages: [userSays("Say OK.")] });
      const bad = unusable(res);
      if (bad) return bad;
      const problem = res.status === 200 ? shapeProblem(res.json) : `status ${res.status}`;
      if (!problem) return pass();
      return fail(`${problem}: ${describe(res)}`, finding("chat-response-not-openai-shape", { model, problem, body: sample(res.text, 120) }));
    }),
};

const usage: Check = {
  id: "chat.usage",
  suite,
  title: "The completion reports usage (prompt, completion and total tokens)",
  finds: ["chat-usage-missing"],
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const res = await chat(ctx, { model, messages: [userSays("Say OK.")] });
      const bad = unusable(res);
      if (bad) return bad;
      if (res.status !== 200) return skip(`no completion to inspect (${describe(res)}); see chat.basic-shape`);
      const u = isRecord(res.json) && isRecord(res.json.usage) ? res.json.usage : undefined;
      const ok = u && typeof u.prompt_tokens === "number" && typeof u.completion_tokens === "number" && typeof u.total_tokens === "number";
      if (ok) return pass();
      return fail(`usage is ${u ? sample(JSON.stringify(u), 80) : "missing"}`, finding("chat-usage-missing", { model, usage: u ? sample(JSON.stringify(u), 80) : "missing" }));
    }),
};

async function finishReason(ctx: CheckContext, model: string, prompt: string, maxTokens: number): Promise<{ reason?: unknown; outcome?: ReturnType<typeof unusable> }> {
  const res = await chat(ctx, { model, messages: [userSays(prompt)], max_tokens: maxTokens });
  const bad = unusable(res);
  if (bad) return { outcome: bad };
  if (res.status !== 200) return { outcome: skip(`no completion to inspect (${describe(res)})`) };
  return { reason: firstChoice(res.json)?.finish_reason };
}

const finish: Check = {
  id: "chat.finish-reason",
  suite,
  title: "finish_reason is \"stop\" for a short answer and \"length\" when max_tokens cuts it",
  finds: ["finish-reason-not-mapped"],
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const short = await finishReason(ctx, model, "Reply with exactly: OK", 16);
      if (short.outcome) return short.outcome;
      const cut = await finishReason(ctx, model, "Count from 1 to 50, separated by spaces.", 2);
      if (cut.outcome) return cut.outcome;
      const seen = { short: String(short.reason), cut: String(cut.reason) };
      if (!OPENAI_FINISH_REASONS.includes(seen.short)) {
        return fail(`finish_reason ${JSON.stringify(short.reason)} is not an OpenAI value`, finding("finish-reason-not-mapped", { model, got: seen.short, expected: "stop" }));
      }
      if (seen.cut !== "length") {
        return fail(`max_tokens 2 ended with finish_reason ${JSON.stringify(cut.reason)}, expected "length"`, finding("finish-reason-not-mapped", { model, got: seen.cut, expected: "length" }));
      }
      return pass(`stop case: ${seen.short}; cut case: ${seen.cut}`);
    }),
};

const systemMessage: Check = {
  id: "chat.system-message",
  suite,
  title: "A system message is accepted",
  finds: ["system-message-rejected"],
  run: (ctx) =>
    withChatModel(ctx, (model) =>
      mustBeAccepted(ctx, { model, messages: [{ role: "system", content: "You are terse." }, userSays("Say OK.")] }, "system-message-rejected", "a system message"),
    ),
};

const multiTurn: Check = {
  id: "chat.multi-turn",
  suite,
  title: "A multi-turn history (user, assistant, user) is accepted",
  finds: ["multi-turn-rejected"],
  run: (ctx) =>
    withChatModel(ctx, (model) =>
      mustBeAccepted(
        ctx,
        { model, messages: [userSays("My name is Ada."), { role: "assistant", content: "Hello Ada." }, userSays("What is my name? One word.")] },
        "multi-turn-rejected",
        "a three-message history",
      ),
    ),
};

const temperatureTopP: Check = {
  id: "chat.temperature-top-p",
  suite,
  title: "temperature and top_p together are accepted (clients send both by default)",
  finds: ["temperature-top-p-conflict-not-handled"],
  run: (ctx) =>
    withChatModel(ctx, (model) =>
      mustBeAccepted(ctx, { model, messages: [userSays("Say OK.")], temperature: 0.5, top_p: 1 }, "temperature-top-p-conflict-not-handled", "temperature 0.5 with top_p 1"),
    ),
};

const assistantFirst: Check = {
  id: "chat.assistant-first",
  suite,
  title: "A history that starts with an assistant message is accepted",
  finds: ["assistant-first-history-rejected"],
  run: (ctx) =>
    withChatModel(ctx, (model) =>
      mustBeAccepted(ctx, { model, messages: [{ role: "assistant", content: "Hi! How can I help?" }, userSays("Say OK.")] }, "assistant-first-history-rejected", "an assistant-first history"),
    ),
};

const emptySystem: Check = {
  id: "chat.empty-system",
  suite,
  title: "An empty system message is accepted",
  finds: ["empty-system-message-rejected"],
  run: (ctx) =>
    withChatModel(ctx, (model) =>
      mustBeAccepted(ctx, { model, messages: [{ role: "system", content: "" }, userSays("Say OK.")] }, "empty-system-message-rejected", "an empty system message"),
    ),
};

const unknownFields: Check = {
  id: "chat.unknown-fields",
  suite,
  title: "Fields the gateway does not know are ignored, not refused",
  finds: ["unknown-fields-rejected"],
  run: (ctx) =>
    withChatModel(ctx, (model) =>
      mustBeAccepted(
        ctx,
        {
          model,
          messages: [userSays("Say OK.")],
          presence_penalty: 0,
          frequency_penalty: 0,
          user: "bagcheck",
          seed: 1,
          x_bagcheck_probe: true,
        },
        "unknown-fields-rejected",
        "a body with presence_penalty, frequency_penalty, user, seed and an unknown field",
      ),
    ),
};

export const chatSuite: Suite = {
  id: suite,
  title: "Chat completions",
  checks: [basicShape, usage, finish, systemMessage, multiTurn, temperatureTopP, assistantFirst, emptySystem, imageCheck, toolCallsCheck, stopSequencesCheck, unknownFields],
};
