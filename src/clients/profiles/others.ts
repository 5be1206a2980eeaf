import type { ClientProfile } from "../types.js";

/** LobeChat, Open WebUI and curl. Facts: shared/facts/clients.md §2 (commits inline per file). */

/** LobeChat's default: its server runs openai-node with the typed endpoint as `baseURL`, verbatim. */
export const lobechat: ClientProfile = {
  id: "lobechat",
  name: "LobeChat (server-side)",
  version: "lobe-chat @009a4790",
  caller: "server",
  url: { insert: "", stripTrailingSlash: true, hint: "the gateway's base including /v1 (used as openai-node baseURL)" },
  paths: { chat: "chat/completions", models: "models" },
  chatBody: { model: "gpt-4o-mini", stream: true, temperature: 1, top_p: 1, frequency_penalty: 0, presence_penalty: 0 },
  headers: { Accept: "application/json", "Content-Type": "application/json", "User-Agent": "OpenAI/JS" },
  stream: { default: true, requiresEventStreamContentType: false, requiresDone: false },
  // The model picker fills from client.models.list(); chat itself does not need it.
  needsModelList: false,
  retries: 2,
  errorStyle: "openai-node",
  dependsOn: [
    { check: "target.*", impact: "broken" },
    { check: "auth.valid-key-accepted", impact: "broken" },
    { check: "chat-stream.deltas", impact: "broken" },
    { check: "chat-stream.chunk-shape", impact: "broken" },
    { check: "chat.multi-turn", impact: "broken" },
    { check: "chat.temperature-top-p", impact: "broken" },
    { check: "chat.unknown-fields", impact: "broken" },
    { check: "chat-stream.buffering", impact: "degraded" },
    { check: "models.list-shape", impact: "degraded" },
    { check: "model-access.gpt-name", impact: "degraded" },
  ],
  ignores: ["mixed-content-http-gateway", "stream-error-cors-less-500", "desktop-needs-https"],
  sees: {
    "base-url-double-v1": "a red error card with `ProviderBizError` and the gateway's 404",
    "base-url-wrong-path": "a red error card with `ProviderBizError` and the gateway's 404",
    "error-envelope-not-openai": "an error card whose message is `<status> status code (no body)` (openai-node drops `{\"detail\"}`)",
    "default-model-silently-replaced": "answers labelled {requested}, written by {served}",
  },
  sources: [
    { repo: "lobehub/lobe-chat", file: "src/app/api/chat/agentRuntime.ts (initOpenAI)", version: "@00afc946" },
    { repo: "lobehub/lobe-chat", file: "src/libs/agent-runtime/utils/openaiCompatibleFactory/index.ts", version: "@009a4790" },
    { repo: "lobehub/lobe-chat", file: "src/libs/agent-runtime/utils/streams/openai.ts", version: "@004281f4" },
  ],
};

/** LobeChat with "fetch on client" (isProviderFetchOnClient): openai-node runs in the page. */
export const lobechatClientFetch: ClientProfile = {
  ...lobechat,
  id: "lobechat-client-fetch",
  name: "LobeChat (fetch on client)",
  caller: "browser",
  headers: { Accept: "application/json", "Content-Type": "application/json", "X-Stainless-Lang": "js" },
  origin: "https://chat-preview.lobehub.com",
  originFromRun: true,
  dependsOn: [
    ...lobechat.dependsOn,
    { check: "cors.preflight-without-key", impact: "broken" },
    { check: "cors.allow-origin", impact: "broken" },
    { check: "cors.allow-headers", impact: "broken" },
    { check: "cors.actual-response", impact: "broken" },
  ],
  ignores: [],
  sees: {
    ...lobechat.sees,
    "mixed-content-http-gateway": "an error card: `Connection error.` (the browser blocked the http:// request as mixed content)",
    "stream-error-cors-less-500": "an error card: `Connection error.` whenever Bedrock fails during a stream",
  },
  sources: [...lobechat.sources, { repo: "lobehub/lobe-chat", file: "src/services/chat.ts (isProviderFetchOnClient)", version: "@009a4790" }],
};

/** Open WebUI: its backend calls `{url}/chat/completions`; the browser never talks to the gateway. */
export const openWebui: ClientProfile = {
  id: "open-webui",
  name: "Open WebUI",
  version: "open-webui @00d2f7ce (mid-2024)",
  caller: "server",
  url: { insert: "", stripTrailingSlash: true, hint: "the gateway's base including /v1" },
  paths: { chat: "chat/completions", models: "models" },
  chatBody: { model: "anthropic.claude-v2:1", stream: true },
  headers: { Authorization: "Bearer <key>", "Content-Type": "application/json" },
  // Passes bytes through only when the content-type contains text/event-stream.
  stream: { default: true, requiresEventStreamContentType: true, requiresDone: false },
  // The chat proxy looks the model up in the list fetched from /models (5 s timeout, failure → empty list).
  needsModelList: true,
  retries: 0,
  errorStyle: "open-webui",
  dependsOn: [
    { check: "target.*", impact: "broken" },
    { check: "auth.valid-key-accepted", impact: "broken" },
    { check: "models.list-shape", impact: "broken" },
    { check: "models.under-test-listed", impact: "broken" },
    { check: "chat-stream.content-type", impact: "broken" },
    { check: "chat-stream.deltas", impact: "broken" },
    { check: "chat.multi-turn", impact: "broken" },
    { check: "chat-stream.buffering", impact: "degraded" },
    { check: "chat-stream.usage", impact: "degraded" },
  ],
  ignores: ["mixed-content-http-gateway", "stream-error-cors-less-500", "desktop-needs-https"],
  sees: {
    "base-url-double-v1": "an empty model list (the /models call fails silently), then no model to pick",
    "base-url-wrong-path": "an empty model list (the /models call fails silently)",
    "error-envelope-not-openai": '"Open WebUI: Server Connection Error" (it shows `External: …` only when the body has an `error` key)',
    "sse-buffered-by-front": "the whole answer at once at the end (BAG #74)",
  },
  sources: [
    { repo: "open-webui/open-webui", file: "backend/apps/openai/main.py", version: "@00d2f7ce" },
    { repo: "open-webui/open-webui", file: "backend/open_webui/routers/openai.py", version: "@004a45f5" },
  ],
};

/** curl as the blog's author used it: the full URL typed, a model that works, no stream, no Origin. */
export const curl: ClientProfile = {
  id: "curl",
  name: "curl",
  version: "any",
  caller: "native",
  url: { insert: "", stripTrailingSlash: true, hint: "the gateway's base including /v1, then /chat/completions" },
  paths: { chat: "chat/completions", models: "models", embeddings: "embeddings" },
  chatBody: { model: "anthropic.claude-v2:1" },
  headers: { "Content-Type": "application/json", Accept: "*/*", "User-Agent": "curl/8.5.0" },
  stream: { default: false, requiresEventStreamContentType: false, requiresDone: false },
  needsModelList: false,
  retries: 0,
  errorStyle: "raw",
  dependsOn: [
    { check: "target.*", impact: "broken" },
    { check: "auth.valid-key-accepted", impact: "broken" },
  ],
  // curl prints whatever comes back: envelopes, CORS, buffering and model names are not its problem.
  ignores: [
    "mixed-content-http-gateway",
    "stream-error-cors-less-500",
    "desktop-needs-https",
    "error-envelope-not-openai",
    "sse-buffered-by-front",
    "first-byte-timeout-buffered",
    "default-model-silently-replaced",
  ],
  sees: {
    "base-url-double-v1": '`{"detail":"Not Found"}`',
    "base-url-wrong-path": "the gateway's 404 body",
  },
  sources: [{ repo: "shared/seeds", file: "000_712380503e7d99e2.txt (the author's curl)", version: "2024-07-02" }],
};

export const otherProfiles = [lobechat, lobechatClientFetch, openWebui, curl];
