import type { Check, CheckContext, HttpRequest, HttpResponse, Suite } from "../src/harness/index.js";
import { envelopeArgs, isHtml, isOpenAiErrorEnvelope } from "./support/envelope.js";
import { findLeak } from "./support/leaks.js";
import { chatModel } from "./support/models.js";
import { describe, fail, finding, pass, sample, unusable } from "./support/outcome.js";

const suite = "errors";

interface BadRequest {
  what: string;
  req: (model: string) => HttpRequest;
  statuses: number[];
  wrongStatusFinding: string;
}

const malformed: BadRequest = {
  what: "malformed JSON",
  req: () => ({ method: "POST", path: "/chat/completions", headers: { "content-type": "application/json" }, body: '{"model": "x", "messages": [' }),
  statuses: [400, 422],
  wrongStatusFinding: "bad-request-not-400",
};

const wrongTypes: BadRequest = {
  what: "wrong field types (messages a string, max_tokens a string)",
  req: (model) => ({ method: "POST", path: "/chat/completions", body: { model, messages: "hello", max_tokens: "ten" } }),
  statuses: [400, 422],
  wrongStatusFinding: "bad-request-not-400",
};

const unknownRoute: BadRequest = {
  what: "an unknown route",
  req: () => ({ method: "GET", path: "/bagcheck-no-such-route" }),
  statuses: [404],
  wrongStatusFinding: "unknown-route-not-404",
};

const wrongMethod: BadRequest = {
  what: "GET on /chat/completions",
  req: () => ({ method: "GET", path: "/chat/completions" }),
  statuses: [404, 405],
  wrongStatusFinding: "wrong-method-not-405",
};

async function send(ctx: CheckContext, bad: BadRequest): Promise<HttpResponse> {
  const model = (await chatModel(ctx)) ?? "bagcheck-probe";
  return ctx.http.request(bad.req(model));
}

function badRequestCheck(id: string, title: string, bad: BadRequest): Check {
  return {
    id: `errors.${id}`,
    suite,
    title,
    finds: [bad.wrongStatusFinding, "error-envelope-not-openai"],
    run: async (ctx) => {
      const res = await send(ctx, bad);
      const unusableAnswer = unusable(res);
      if (unusableAnswer) return unusableAnswer;
      const status = res.status ?? 0;
      if (!bad.statuses.includes(status)) {
        return fail(`${bad.what} got ${describe(res)}, expected ${bad.statuses.join(" or ")}`, finding(bad.wrongStatusFinding, { request: bad.what, status, expected: bad.statuses.join(" or "), body: sample(res.text, 100) }));
      }
      if (isOpenAiErrorEnvelope(res.json)) return pass(`${status}`);
      // An HTML page has its own harness finding (response-html-not-json) with the front that likely made it.
      if (isHtml(res)) return fail(`${bad.what} got an HTML page: ${describe(res)}`);
      return fail(`${bad.what} got ${describe(res)}`, finding("error-envelope-not-openai", envelopeArgs(res, bad.what)));
    },
  };
}

const noLeaks: Check = {
  id: "errors.no-leaks",
  suite,
  title: "Error bodies leak no stack traces, file paths or framework names",
  finds: ["stack-trace-leaked"],
  run: async (ctx) => {
    for (const bad of [malformed, wrongTypes, unknownRoute, wrongMethod]) {
      const res = await send(ctx, bad);
      const leak = findLeak(res.text);
      if (leak) return fail(`${bad.what}: the body shows a ${leak}: ${sample(res.text, 120)}`, finding("stack-trace-leaked", { request: bad.what, what: leak, body: sample(res.text, 120) }));
    }
    return pass();
  },
};

export const errors: Suite = {
  id: suite,
  title: "Error answers",
  checks: [
    badRequestCheck("malformed-json", "Malformed JSON is answered 400 with an OpenAI envelope", malformed),
    badRequestCheck("wrong-types", "Fields of the wrong type are answered 400 with an OpenAI envelope", wrongTypes),
    badRequestCheck("unknown-route", "An unknown route is answered 404 with an OpenAI envelope", unknownRoute),
    badRequestCheck("wrong-method", "A wrong method is answered 404/405 with an OpenAI envelope", wrongMethod),
    noLeaks,
  ],
};
