/**
 * A literal Report shaped like `bagcheck run --scenario seed-2024`: the July 2024 blog deployment of
 * bedrock-access-gateway (ALB http:80 → Lambda, base `…/api/v1`), tested through the alb-lambda front.
 * Hand-written from ../../../shared/facts (clients.md §4, §5) while the real pipeline is being built.
 */
import type { CheckResult, Exchange, Report } from "../../src/harness/types.js";
import { bufferedStream } from "./events.js";

const base = "http://127.0.0.1:41327/api/v1";
const model = "anthropic.claude-3-haiku-20240307-v1:0";
const auth = { authorization: "Bearer [REDACTED]", "content-type": "application/json", "user-agent": "bagcheck/0.1.0" };
const albHeaders = { server: "awselb/2.0", date: "Mon, 01 Jul 2024 15:12:04 GMT" };

const streamBody = JSON.stringify({ model, stream: true, messages: [{ role: "user", content: "Count from 1 to 20." }] });

function bufferedExchange(): Exchange {
  const events = bufferedStream(20, 4012);
  return {
    method: "POST",
    url: `${base}/chat/completions`,
    requestHeaders: { ...auth, accept: "text/event-stream" },
    requestBody: streamBody,
    status: 200,
    responseHeaders: { ...albHeaders, "content-type": "text/event-stream; charset=utf-8", "content-length": "4871" },
    responseBody: events.slice(0, 3).map((e) => `data: ${e.data}\n\n`).join(""),
    responseBytes: 4871,
    timings: { headersMs: 4009, firstByteMs: 4011, totalMs: 4019 },
    events,
  };
}

type CheckLiteral = Omit<CheckResult, "evidence" | "findings"> & {
  evidence?: Partial<CheckResult["evidence"]>;
  findings?: CheckResult["findings"];
};

const check = (c: CheckLiteral): CheckResult => ({
  ...c,
  findings: c.findings ?? [],
  evidence: { exchanges: c.evidence?.exchanges ?? [], notes: c.evidence?.notes ?? [] },
});

export const seed2024Report: Report = {
  schemaVersion: 1,
  tool: "bagcheck",
  version: "0.1.0",
  target: { url: base, mode: "embedded", front: "alb-lambda", scenario: "seed-2024" },
  startedAt: "2026-11-28T21:40:12.114Z",
  durationMs: 9321,
  summary: { pass: 7, fail: 4, warn: 2, skip: 1 },
  usage: { modelCalls: 6, promptTokens: 212, completionTokens: 388, model, modelReason: "cheapest chat model listed" },
  checks: [
    check({
      id: "auth.missing-key-rejected", suite: "auth", title: "A request without a key is rejected", status: "warn", durationMs: 41,
      message: "got 403 with {\"detail\":\"Not authenticated\"}, expected 401",
      findings: [{ id: "error-envelope-not-openai", args: { status: 403 } }],
      evidence: { exchanges: [{ method: "GET", url: `${base}/models`, requestHeaders: { "user-agent": "bagcheck/0.1.0" }, status: 403,
        responseHeaders: { ...albHeaders, "content-type": "application/json" }, responseBody: "{\"detail\":\"Not authenticated\"}", responseBytes: 30,
        timings: { headersMs: 38, firstByteMs: 39, totalMs: 40 } }] },
    }),
    check({ id: "auth.wrong-key-rejected", suite: "auth", title: "A wrong key is rejected", status: "pass", durationMs: 37 }),
    check({ id: "models.list", suite: "models", title: "GET /models lists models", status: "pass", durationMs: 212 }),
    check({
      id: "chat.basic", suite: "chat", title: "A non-streamed chat completion works (what curl does)", status: "pass", durationMs: 1480,
      evidence: { exchanges: [{ method: "POST", url: `${base}/chat/completions`, requestHeaders: auth,
        requestBody: JSON.stringify({ model, messages: [{ role: "user", content: "Say hello." }] }), status: 200,
        responseHeaders: { ...albHeaders, "content-type": "application/json" },
        responseBody: JSON.stringify({ id: "chatcmpl-1", object: "chat.completion", model, choices: [{ index: 0, message: { role: "assistant", content: "Hello!" }, finish_reason: "stop" }] }),
        timings: { headersMs: 1472, firstByteMs: 1473, totalMs: 1476 } }] },
    }),
    check({
      id: "chat.base-url-shape", suite: "chat", title: "The base URL works as clients append /v1", status: "fail", durationMs: 44,
      message: "NextChat calls …/api/v1/v1/chat/completions and gets 404 {\"detail\":\"Not Found\"}",
      findings: [{ id: "base-url-double-v1", args: { entered: base, called: `${base}/v1/chat/completions`, suggested: "http://127.0.0.1:41327/api" } }],
      evidence: { exchanges: [{ method: "POST", url: `${base}/v1/chat/completions`, requestHeaders: auth, status: 404,
        responseHeaders: { ...albHeaders, "content-type": "application/json" }, responseBody: "{\"detail\":\"Not Found\"}",
        timings: { headersMs: 40, firstByteMs: 41, totalMs: 42 } }] },
    }),
    check({
      id: "chat-stream.incremental", suite: "chat-stream", title: "Stream chunks arrive as they are generated", status: "fail", durationMs: 4021,
      message: "all 21 events arrived within 4 ms, 4,012 ms after the request: the stream is buffered",
      findings: [{ id: "sse-buffered-by-front", args: { ttftMs: 4012, burstMs: 4, front: "ALB → Lambda" } }],
      evidence: { exchanges: [bufferedExchange()], notes: ["alb-lambda front: Lambda response streaming is not used by ALB targets."] },
    }),
    check({ id: "chat-stream.content-type", suite: "chat-stream", title: "A stream answers with text/event-stream", status: "pass", durationMs: 4020,
      evidence: { exchanges: [bufferedExchange()] } }),
    check({ id: "chat-stream.done", suite: "chat-stream", title: "A stream ends with data: [DONE]", status: "pass", durationMs: 4020,
      evidence: { exchanges: [bufferedExchange()] } }),
    check({
      id: "chat-stream.default-model", suite: "chat-stream", title: "A client's default model name (gpt-3.5-turbo) streams", status: "fail", durationMs: 388,
      message: "200 headers promised, then 500 text/plain without CORS headers: Bedrock denied anthropic.claude-v2:1",
      findings: [{ id: "model-access-not-granted", args: { model: "anthropic.claude-v2:1", region: "ap-northeast-1" } }],
      evidence: { exchanges: [{ method: "POST", url: `${base}/chat/completions`, requestHeaders: { ...auth, origin: "https://app.nextchat.dev" },
        requestBody: JSON.stringify({ model: "gpt-3.5-turbo", stream: true, messages: [{ role: "user", content: "hi" }] }), status: 500,
        responseHeaders: { ...albHeaders, "content-type": "text/plain; charset=utf-8" }, responseBody: "Internal Server Error",
        timings: { headersMs: 384, firstByteMs: 385, totalMs: 386 }, events: [] }] },
    }),
    check({ id: "cors.preflight-without-key", suite: "cors", title: "CORS preflight succeeds without a key", status: "pass", durationMs: 35 }),
    check({
      id: "cors.mixed-content", suite: "cors", title: "An https page can call the gateway", status: "fail", durationMs: 1,
      message: "the gateway is http:// only; a browser on an https origin blocks the call before sending it",
      findings: [{ id: "mixed-content-http-gateway", args: { url: base } }],
      evidence: { notes: ["ALB listener: HTTP:80 only (no 443 listener)."] },
    }),
    check({ id: "errors.envelope", suite: "errors", title: "Errors use the OpenAI error envelope", status: "warn", durationMs: 52,
      message: "errors are {\"detail\": …}, not {\"error\": {\"message\", \"type\"}}", findings: [{ id: "error-envelope-not-openai" }] }),
    check({ id: "embeddings.basic", suite: "embeddings", title: "Embeddings work", status: "skip", durationMs: 0, message: "no embedding model available in ap-northeast-1" }),
    check({ id: "limits.body-1mb", suite: "limits", title: "A 900 kB request body is accepted", status: "pass", durationMs: 620 }),
  ],
  findings: [
    {
      id: "error-envelope-not-openai", severity: "warning", title: "Errors are not in the OpenAI error envelope",
      why: "Errors come back as `{\"detail\": …}`. OpenAI SDKs expect `{\"error\": {\"message\", \"type\"}}` and fall back to a generic message.",
      fix: { general: "Return `{\"error\": {\"message\": …, \"type\": …, \"code\": …}}` with the right status." },
      clients: ["openai-node", "openai-python"], references: [], checks: ["auth.missing-key-rejected", "errors.envelope"],
    },
    {
      id: "mixed-content-http-gateway", severity: "error", title: "Browsers on https pages cannot call an **http://** gateway",
      why: "The gateway only listens on `http://`. A chat client that runs in the browser (NextChat web, LobeChat) is served over https, and the browser blocks an http request from an https page as **mixed content** before it is sent. The person sees only `Failed to fetch`; curl is unaffected.",
      fix: { general: "Serve the gateway over https (a certificate on the load balancer), or call it from a server-side proxy.",
        bag: "Add an HTTPS:443 listener with an ACM certificate to the ALB in the template, and give clients `https://…/api`.",
        client: "In NextChat, use the server-side proxy (set `BASE_URL` on the server) instead of a custom endpoint in the browser." },
      clients: ["nextchat-web", "lobechat"], references: [{ title: "MDN: Mixed content", url: "https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content" }],
      checks: ["cors.mixed-content"],
    },
    {
      id: "base-url-double-v1", severity: "error", title: "NextChat appends `/v1` to a base that already ends in `/v1`",
      why: "You entered `" + base + "`. NextChat always appends `v1/chat/completions`, so it calls `" + base + "/v1/chat/completions`, which answers **404**. NextChat shows the 404 body as if it were the assistant's reply.",
      fix: { general: "Give each client the base it expects: NextChat and LobeChat want the part **before** `/v1`.", client: "Enter `http://127.0.0.1:41327/api` in NextChat." },
      clients: ["nextchat-web", "nextchat-desktop"], references: [], checks: ["chat.base-url-shape"],
    },
    {
      id: "sse-buffered-by-front", severity: "error", title: "The stream arrives in one burst after 4,012 ms",
      why: "The gateway streams, but **ALB → Lambda** buffers the whole response: all events arrive at once when generation ends. Short answers look slow; a generation longer than 60 s hits NextChat's first-byte timeout and shows `empty response from server`.",
      fix: { general: "Put the gateway behind something that passes chunks through (Lambda function URL with response streaming, API Gateway REST streaming, or a container).",
        bag: "Deploy the Fargate variant of the template, or a function URL with `InvokeMode: RESPONSE_STREAM`." },
      clients: ["nextchat-web", "nextchat-desktop", "open-webui"], references: [{ title: "bedrock-access-gateway #74", url: "https://github.com/aws-samples/bedrock-access-gateway/issues/74" }],
      checks: ["chat-stream.incremental"],
    },
    {
      id: "model-access-not-granted", severity: "error", title: "Model access is not granted for `anthropic.claude-v2:1` in ap-northeast-1",
      why: "Clients that send `gpt-3.5-turbo` get the gateway's `DEFAULT_MODEL`, which this account may not use. The error happens after the 200 headers, so the gateway turns it into a **500 without CORS headers** and browsers show `Failed to fetch`.",
      fix: { general: "Grant access to the default model in the Bedrock console, or set `DEFAULT_MODEL` to a model you can use." },
      clients: ["nextchat-web", "nextchat-desktop"], references: [], checks: ["chat-stream.default-model"],
    },
  ],
  clients: [
    { client: "curl", name: "curl", verdict: "works", because: [], enterUrl: base },
    { client: "openai-python", name: "openai-python", verdict: "works", because: [], enterUrl: base },
    { client: "open-webui", name: "Open WebUI", verdict: "degraded", because: ["error-envelope-not-openai", "sse-buffered-by-front"], sees: "the whole answer appears at once after a pause", enterUrl: base },
    { client: "nextchat-web", name: "NextChat (web, custom endpoint)", verdict: "broken", because: ["mixed-content-http-gateway", "base-url-double-v1", "model-access-not-granted"], sees: "{\"error\": true, \"message\": \"Failed to fetch\"}", enterUrl: "http://127.0.0.1:41327/api" },
    { client: "nextchat-desktop", name: "NextChat (desktop)", verdict: "broken", because: ["base-url-double-v1", "model-access-not-granted"], sees: "{\"detail\":\"Not Found\"} as the reply", enterUrl: "http://127.0.0.1:41327/api" },
    { client: "openai-node", name: "openai-node", verdict: "works", because: [], enterUrl: base },
  ],
};
