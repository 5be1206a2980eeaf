import type { Check, Suite } from "../src/harness/index.js";
import { chatStream, userSays } from "./support/chat.js";
import { allowOrigin, BROWSER_REQUEST_HEADERS, listHeader, originAllowed, preflight } from "./support/cors.js";
import { chatModel } from "./support/models.js";
import { describe, fail, finding, pass, skip, warn } from "./support/outcome.js";
import { isMixedContent } from "../src/clients/index.js";
import { UPSTREAM_FAILING_MAX_TOKENS } from "./chat-stream-timing.js";

const suite = "cors";

const preflightWithoutKey: Check = {
  id: "cors.preflight-without-key",
  suite,
  title: "A browser's preflight (OPTIONS, no key) is answered 2xx with CORS headers",
  finds: ["cors-preflight-requires-auth", "cors-not-enabled"],
  run: async (ctx) => {
    const res = await preflight(ctx);
    if (res.error || res.status === undefined) return fail(`no usable answer: ${describe(res)}`);
    if (res.status === 401 || res.status === 403) {
      return fail(`the preflight got ${res.status}: browsers never send the key on a preflight`, finding("cors-preflight-requires-auth", { status: res.status, origin: ctx.options.origin }));
    }
    if (res.status >= 200 && res.status < 300 && allowOrigin(res)) return pass(`${res.status}, Access-Control-Allow-Origin: ${allowOrigin(res)}`);
    return fail(`the preflight got ${describe(res)} without usable CORS headers`, finding("cors-not-enabled", { status: res.status, origin: ctx.options.origin }));
  },
};

const allowOriginMatches: Check = {
  id: "cors.allow-origin",
  suite,
  title: "Access-Control-Allow-Origin on the preflight is the page's origin or *",
  finds: ["cors-allow-origin-mismatch"],
  run: async (ctx) => {
    const res = await preflight(ctx);
    const acao = allowOrigin(res);
    if (!acao) return skip("the preflight carries no Access-Control-Allow-Origin (see cors.preflight-without-key)");
    if (originAllowed(res, ctx.options.origin)) return pass(acao);
    return fail(`Access-Control-Allow-Origin is ${acao}, the page is ${ctx.options.origin}`, finding("cors-allow-origin-mismatch", { allowed: acao, origin: ctx.options.origin }));
  },
};

const allowHeaders: Check = {
  id: "cors.allow-headers",
  suite,
  title: "Access-Control-Allow-Headers covers authorization, content-type and x-stainless-*; POST is allowed",
  finds: ["cors-allow-headers-missing-authorization", "cors-allow-headers-incomplete"],
  run: async (ctx) => {
    const res = await preflight(ctx);
    if (!allowOrigin(res)) return skip("the preflight carries no Access-Control-Allow-Origin (see cors.preflight-without-key)");
    const allowed = listHeader(res, "access-control-allow-headers");
    const wildcard = allowed.includes("*");
    // The Fetch standard: `*` never covers Authorization, and covers nothing when credentials are allowed.
    const credentials = (res.headers["access-control-allow-credentials"] ?? "").trim() === "true";
    if (!allowed.includes("authorization")) {
      return fail(
        `Access-Control-Allow-Headers is "${res.headers["access-control-allow-headers"] ?? ""}": authorization is not in it${wildcard ? " (a * does not cover it)" : ""}`,
        finding("cors-allow-headers-missing-authorization", { allowHeaders: res.headers["access-control-allow-headers"] ?? "none" }),
      );
    }
    const missing = BROWSER_REQUEST_HEADERS.filter((h) => !allowed.includes(h) && !(wildcard && !credentials));
    const methods = listHeader(res, "access-control-allow-methods");
    if (methods.length > 0 && !methods.includes("post") && !methods.includes("*")) missing.push("method POST");
    if (missing.length === 0) return pass();
    return fail(`not allowed: ${missing.join(", ")}`, finding("cors-allow-headers-incomplete", { missing: missing.join(", "), allowHeaders: res.headers["access-control-allow-headers"] ?? "none" }));
  },
};

const actualResponse: Check = {
  id: "cors.actual-response",
  suite,
  title: "The real (non-preflight) response carries Access-Control-Allow-Origin too",
  finds: ["cors-missing-on-response"],
  run: async (ctx) => {
    const res = await ctx.http.request({ method: "GET", path: "/models", headers: { origin: ctx.options.origin } });
    if (res.error || res.status === undefined) return fail(`no usable answer: ${describe(res)}`);
    if (originAllowed(res, ctx.options.origin)) return pass();
    return fail(`GET /models with Origin got ${res.status} with Access-Control-Allow-Origin ${allowOrigin(res) ?? "missing"}`, finding("cors-missing-on-response", { status: res.status, origin: ctx.options.origin }));
  },
};

const errorResponses: Check = {
  id: "cors.error-responses",
  suite,
  title: "Error responses (401, upstream failures in a stream) carry Access-Control-Allow-Origin",
  finds: ["cors-missing-on-errors", "stream-error-cors-less-500"],
  run: async (ctx) => {
    const headers = { origin: ctx.options.origin };
    const unauthorized = await ctx.http.request({ method: "GET", path: "/models", auth: "wrong", headers });
    const model = await chatModel(ctx);
    const streamed = model ? await chatStream(ctx, { model, messages: [userSays("Say OK.")], max_tokens: UPSTREAM_FAILING_MAX_TOKENS }, { headers }) : undefined;
    const judged = [
      { what: "GET /models with a wrong key", res: unauthorized },
      ...(streamed ? [{ what: `streamed chat with max_tokens ${UPSTREAM_FAILING_MAX_TOKENS}`, res: streamed }] : []),
    ].filter((j) => j.res.status !== undefined && j.res.status >= 400);
    if (judged.length === 0) return skip("no error response to judge");
    const bare = judged.filter((j) => !originAllowed(j.res, ctx.options.origin));
    if (bare.length === 0) return pass(judged.map((j) => `${j.what}: ${j.res.status}`).join("; "));
    return fail(
      bare.map((j) => `${j.what}: ${j.res.status} without Access-Control-Allow-Origin`).join("; "),
      ...bare.map((j) =>
        // The stream case is BAG's Mangum 500: its own catalog entry says why and how BAG fixed it.
        j.res === streamed && (j.res.status ?? 0) >= 500
          ? finding("stream-error-cors-less-500", { status: j.res.status ?? 0, contentType: j.res.headers["content-type"] ?? "none" })
          : finding("cors-missing-on-errors", { request: j.what, status: j.res.status ?? 0, origin: ctx.options.origin }),
      ),
    );
  },
};

const credentialsWildcard: Check = {
  id: "cors.credentials-wildcard",
  suite,
  title: "Access-Control-Allow-Origin * is not combined with Allow-Credentials true",
  finds: ["cors-wildcard-with-credentials"],
  run: async (ctx) => {
    const res = await preflight(ctx);
    const wildcard = allowOrigin(res)?.trim() === "*";
    const credentials = (res.headers["access-control-allow-credentials"] ?? "").trim() === "true";
    if (!(wildcard && credentials)) return pass();
    return warn("Allow-Origin * with Allow-Credentials true: browsers refuse credentialed requests", finding("cors-wildcard-with-credentials", { origin: ctx.options.origin }));
  },
};

const mixedContent: Check = {
  id: "cors.mixed-content",
  suite,
  title: "An https web client can reach the gateway (no http URL for an https page)",
  finds: ["mixed-content-http-gateway"],
  run: async (ctx) => {
    // The URL as the person knows it: a scenario's ALB name stands for a 127.0.0.1 socket, and the browser
    // judges the name, not the socket.
    const url = ctx.target.urlTyped ? ctx.target.enteredUrl : ctx.target.baseUrl;
    const page = new URL(ctx.options.origin);
    if (!isMixedContent(page.origin, url)) return pass();
    return fail(
      `a page on ${page.origin} cannot call ${new URL(url).origin}: the browser blocks it before sending`,
      finding("mixed-content-http-gateway", { origin: page.origin, url }),
    );
  },
};

export const cors: Suite = {
  id: suite,
  title: "CORS (browser clients)",
  checks: [preflightWithoutKey, allowOriginMatches, allowHeaders, actualResponse, errorResponses, credentialsWildcard, mixedContent],
};
