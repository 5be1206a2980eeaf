import type { Check, CheckContext, CheckOutcome, HttpResponse, Suite } from "../src/harness/index.js";
import { envelopeArgs, isOpenAiErrorEnvelope } from "./support/envelope.js";
import { isLoopbackHost } from "../src/clients/index.js";
import { describe, fail, finding, pass, sample, skip, unusable, warn } from "./support/outcome.js";

const suite = "auth";

/** No model is called here: the model list is the cheapest authenticated route every gateway has. */
function getModels(ctx: CheckContext, auth: "valid" | "none" | "wrong"): Promise<HttpResponse> {
  return ctx.http.request({ method: "GET", path: "/models", auth });
}

function rejectedAs401(res: HttpResponse, kind: "missing" | "wrong"): CheckOutcome {
  if (res.error || res.status === undefined) return fail(`no usable answer: ${describe(res)}`);
  const status = res.status;
  if (status === 401) return pass();
  if (status >= 200 && status < 300) {
    return fail(`a request with a ${kind} key got ${status}: anyone can call the gateway`, finding("auth-not-enforced", { kind, status }));
  }
  const id = kind === "missing" ? "auth-missing-key-not-401" : "auth-wrong-key-not-401";
  return fail(`a ${kind} key got ${describe(res)}, expected 401`, finding(id, { status, body: sample(res.text, 100) }));
}

const missingKey: Check = {
  id: "auth.missing-key-rejected",
  suite,
  title: "A request without a key is refused with 401",
  finds: ["auth-missing-key-not-401", "auth-not-enforced"],
  run: async (ctx) => rejectedAs401(await getModels(ctx, "none"), "missing"),
};

const wrongKey: Check = {
  id: "auth.wrong-key-rejected",
  suite,
  title: "A request with a wrong key is refused with 401 (not 403, 500 or 200)",
  finds: ["auth-wrong-key-not-401", "auth-not-enforced"],
  run: async (ctx) => rejectedAs401(await getModels(ctx, "wrong"), "wrong"),
};

const validKey: Check = {
  id: "auth.valid-key-accepted",
  suite,
  title: "The key given is accepted",
  finds: ["auth-valid-key-rejected"],
  run: async (ctx) => {
    const res = await getModels(ctx, "valid");
    if (res.error || res.status === undefined) return fail(`no usable answer: ${describe(res)}`);
    if (res.status === 401 || res.status === 403) {
      return fail(`the key was refused: ${describe(res)}`, finding("auth-valid-key-rejected", { status: res.status, body: sample(res.text, 100) }));
    }
    return pass();
  },
};

const envelope: Check = {
  id: "auth.error-envelope",
  suite,
  title: "The 401 body is an OpenAI error envelope",
  finds: ["error-envelope-not-openai"],
  run: async (ctx) => {
    const res = await getModels(ctx, "wrong");
    if (res.status !== 401 && res.status !== 403) return skip(`no auth error to judge (got ${describe(res)})`);
    if (isOpenAiErrorEnvelope(res.json)) return pass();
    return fail(`the auth error is not {"error":{"message":…}}: ${describe(res)}`, finding("error-envelope-not-openai", envelopeArgs(res, "GET /models with a wrong key")));
  },
};

const keyNotEchoed: Check = {
  id: "auth.key-not-echoed",
  suite,
  title: "Error answers do not echo the key back",
  finds: ["key-echoed-in-error"],
  run: async (ctx) => {
    // A request that is authenticated but invalid: the error path is where gateways log and echo headers.
    const res = await ctx.http.request({ method: "POST", path: "/chat/completions", body: { model: "", messages: "not-a-list", max_tokens: 1 } });
    const other = await ctx.http.request({ method: "GET", path: "/models/bagcheck-no-such-model" });
    const echoed = [res, other].find((r) => r.keyEchoed);
    if (echoed) return fail(`the key came back in ${echoed.exchange.method} ${echoed.exchange.url} (${echoed.status})`, finding("key-echoed-in-error", { url: echoed.exchange.url, status: echoed.status ?? 0 }));
    const bad = unusable(res);
    if (bad && bad.status === "fail") return bad;
    return pass();
  },
};

const cleartext: Check = {
  id: "auth.cleartext-http",
  suite,
  title: "The key does not travel in clear text over http",
  finds: ["key-sent-in-cleartext"],
  run: async (ctx) => {
    const url = new URL(ctx.target.baseUrl);
    if (url.protocol === "https:") return pass();
    if (isLoopbackHost(url.hostname)) return pass("http on this machine's loopback: nothing crosses a network");
    return warn(`${url.origin} is plain http: the key and every prompt cross the network unencrypted`, finding("key-sent-in-cleartext", { origin: url.origin }));
  },
};

export const auth: Suite = {
  id: suite,
  title: "Authentication",
  checks: [missingKey, wrongKey, validKey, envelope, keyNotEchoed, cleartext],
};
