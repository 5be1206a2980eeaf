import type { Check } from "../src/harness/index.js";
import { chat, userSays } from "./support/chat.js";
import { isHtml } from "./support/envelope.js";
import { describe, fail, finding, pass, sample, skip, unusable } from "./support/outcome.js";
import { withChatModel } from "./support/probe.js";

/** ALB's default idle timeout; NextChat's first-byte abort is the same 60 s. */
const IDLE_TIMEOUT_S = 60;
/** The one check that costs real tokens: a long answer, so the generation outlasts the idle timeout. */
const LONG_MAX_TOKENS = 4096;

export const idleTimeoutCheck: Check = {
  id: "limits.idle-timeout",
  suite: "limits",
  title: `A non-streamed generation longer than ${IDLE_TIMEOUT_S} s is not cut by an idle timeout (--slow)`,
  finds: ["idle-timeout-cuts-generation"],
  slow: true,
  exclusive: true,
  run: (ctx) =>
    withChatModel(ctx, async (model) => {
      if (!ctx.options.slow) return skip(`a slow check: run with --slow (it asks for up to ${LONG_MAX_TOKENS} tokens to outlast a ${IDLE_TIMEOUT_S} s idle timeout)`);
      const started = performance.now();
      // The runner stops a check at 3 × timeoutMs; the request must end before that to be judged.
      const timeoutMs = Math.max(ctx.options.timeoutMs, Math.min(ctx.options.timeoutMs * 3 - 5_000, 170_000));
      const res = await chat(ctx, { model, messages: [userSays("Write the numbers from one to three thousand in words, separated by commas.")], max_tokens: LONG_MAX_TOKENS }, { timeoutMs });
      const seconds = Math.round((performance.now() - started) / 1000);
      if (res.status === 200) {
        return seconds > IDLE_TIMEOUT_S ? pass(`a ${seconds} s generation came through`) : skip(`the generation took ${seconds} s, under a ${IDLE_TIMEOUT_S} s idle timeout: nothing to judge`);
      }
      const cut = res.error?.kind === "reset" || ((res.status === 504 || res.status === 502 || res.status === 408) && (isHtml(res) || !res.text.includes("error")));
      if (cut) {
        return fail(`cut after ${seconds} s: ${describe(res)}`, finding("idle-timeout-cuts-generation", { afterS: seconds, status: res.status ?? 0, body: sample(res.text || res.error?.message || "", 100) }));
      }
      return unusable(res) ?? fail(`the long generation got ${describe(res)}`);
    }),
};
