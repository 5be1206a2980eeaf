import type { Check, Suite } from "../src/harness/index.js";
import { chat, userSays } from "./support/chat.js";
import { envelopeArgs, errorMessage, isHtml, isOpenAiErrorEnvelope } from "./support/envelope.js";
import { describe, fail, finding, pass, sample, unusable } from "./support/outcome.js";
import { withChatModel } from "./support/probe.js";
import { idleTimeoutCheck } from "./limits-idle.js";

const suite = "limits";
/** Past ALB → Lambda's 1 MB cap, well within what a chat with an image or a long document sends. */
const LARGE_BODY_BYTES = 1.5 * 1024 * 1024;
const CONCURRENT_CHATS = 8;

const largeBody: Check = {
  id: "limits.large-body",
  suite,
  title: "A 1.5 MB request is accepted, or refused with a JSON 413",
  finds: ["body-limit-html-413", "error-envelope-not-openai"],
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      // The bulk rides in a field gateways ignore, so an accepting gateway sends Bedrock a tiny prompt (no cost).
      const res = await ctx.http.request({
        method: "POST",
        path: "/chat/completions",
        body: { model, messages: [userSays("Say OK.")], max_tokens: 1, x_bagcheck_padding: "a".repeat(LARGE_BODY_BYTES) },
      });
      if (res.error || res.status === undefined) return fail(`no usable answer to a 1.5 MB body: ${describe(res)}`);
      const status = res.status;
      if (status < 400) return pass(`accepted (${status})`);
      if (isHtml(res)) {
        return fail(`a 1.5 MB body got an HTML ${status} page`, finding("body-limit-html-413", { status, bytes: LARGE_BODY_BYTES, body: sample(res.text, 100) }));
      }
      if (isOpenAiErrorEnvelope(res.json)) return pass(`refused with a JSON ${status}: ${sample(errorMessage(res), 80)}`);
      return fail(`a 1.5 MB body got ${describe(res)}`, finding("error-envelope-not-openai", envelopeArgs(res, "a 1.5 MB chat request")));
    }),
};

const concurrent: Check = {
  id: "limits.concurrent",
  suite,
  title: `${CONCURRENT_CHATS} concurrent chats all succeed`,
  finds: ["concurrent-requests-rejected"],
  // Load-generating: alone, so other checks neither disturb it nor are disturbed.
  exclusive: true,
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      const results = await Promise.all(Array.from({ length: CONCURRENT_CHATS }, (_, i) => chat(ctx, { model, messages: [userSays(`Say OK ${i}.`)], max_tokens: 4 })));
      const bad = results.map(unusable).find((o) => o !== undefined);
      if (bad && bad.status === "skip") return bad;
      const failed = results.filter((r) => r.status !== 200);
      if (failed.length === 0) return pass();
      const first = failed[0];
      const statuses = failed.map((r) => r.status ?? r.error?.kind ?? "none").join(", ");
      return fail(
        `${failed.length} of ${CONCURRENT_CHATS} concurrent chats failed: ${statuses}`,
        finding("concurrent-requests-rejected", { failed: failed.length, total: CONCURRENT_CHATS, statuses, retryAfter: first?.headers["retry-after"] ?? "none", body: sample(first?.text ?? "", 100) }),
      );
    }),
};

export const limits: Suite = {
  id: suite,
  title: "Limits",
  checks: [largeBody, concurrent, idleTimeoutCheck],
};
