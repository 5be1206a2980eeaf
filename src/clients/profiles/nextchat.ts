import type { ClientProfile } from "../types.js";

/**
 * NextChat (ChatGPTNextWeb/NextChat). Facts: shared/facts/clients.md §1, read at v2.13.0 (b9d1dca65, the build
 * the blog's author used in July 2024) and main (706a18b95). One profile per way the request leaves NextChat.
 */
const repo = "ChatGPTNextWeb/NextChat";
const v213 = "v2.13.0 (b9d1dca65)";

const sources: ClientProfile["sources"] = [
  { repo, file: "app/client/platforms/openai.ts (ChatGPTApi.path, chat)", version: v213 },
  { repo, file: "app/client/api.ts (getHeaders)", version: v213 },
  { repo, file: "app/constant.ts (OpenaiPath, REQUEST_TIMEOUT_MS = 60000)", version: v213 },
  { repo, file: "app/store/config.ts (default model gpt-3.5-turbo, temperature 0.5, top_p 1)", version: v213 },
  { repo: "@fortaine/fetch-event-source (npm)", file: "lib/esm/fetch.js (onopen, adds accept: text/event-stream)", version: "3.0.6" },
];

/** What NextChat puts on the wire for a chat (clients.md §1, issue #4907's copied request). */
const headers = {
  "Content-Type": "application/json",
  Accept: "application/json, text/event-stream",
};

/** `ChatGPTApi.chat` body for the default session config; no max_tokens. */
const chatBody = {
  model: "gpt-3.5-turbo",
  stream: true,
  temperature: 0.5,
  presence_penalty: 0,
  frequency_penalty: 0,
  top_p: 1,
};

const url: ClientProfile["url"] = {
  insert: "v1/",
  stripTrailingSlash: true,
  defaultScheme: "https",
  hint: "the gateway's base without its trailing /v1 (NextChat appends v1/chat/completions itself)",
};

const stream: ClientProfile["stream"] = {
  default: true,
  // onopen: any other content-type is shown as the reply, not streamed (clients.md §1c).
  requiresEventStreamContentType: true,
  // No [DONE] → onclose → finish(): a normal completion.
  requiresDone: false,
  // REQUEST_TIMEOUT_MS, cleared in onopen: a time-to-first-byte limit.
  firstByteTimeoutMs: 60_000,
};

/** Failures that throw in fetch (blocked, CORS, network) all end in the same error bubble (clients.md §1c, §5). */
const failedToFetch = '```json {"error": true, "message": "Failed to fetch"} ``` as an error bubble ("Load failed" in Safari); the reason is only in the browser console';

const sees: Record<string, string> = {
  "mixed-content-http-gateway": `${failedToFetch} (blocked:mixed-content — no request ever reaches the gateway)`,
  "desktop-needs-https": `${failedToFetch} (the app's webview blocks http:// to a host other than localhost)`,
  "base-url-https-prefixed": `${failedToFetch} (NextChat added https:// and the gateway has no https listener)`,
  "stream-error-cors-less-500": `${failedToFetch} whenever Bedrock raises an error during a stream (the 500 has no CORS headers, so the real error is hidden)`,
  "base-url-double-v1": "the gateway's 404 body (e.g. ```json {\"detail\": \"Not Found\"} ```) printed as if it were the assistant's reply, not marked as an error; the title request fails the same way",
  "base-url-wrong-path": "the gateway's 404 body printed as if it were the assistant's reply",
  "first-byte-timeout-buffered": 'short answers appear all at once after a pause; answers that take longer than 60 s to generate end in "empty response from server"',
  "default-model-silently-replaced": "a normal-looking answer labelled {requested}, actually written by {served}",
  "sse-buffered-by-front": "nothing while the model writes, then the whole answer at once",
};

/**
 * What NextChat v2.13 needs of the suites' checks: the key accepted, a real SSE stream of deltas, history
 * (last 4 messages), temperature and top_p together, presence/frequency_penalty accepted. Tools, images, stop
 * sequences, usage, finish chunks and [DONE] are not used (clients.md §1c–1d).
 */
const dependsOn: ClientProfile["dependsOn"] = [
  { check: "target.*", impact: "broken" },
  { check: "auth.valid-key-accepted", impact: "broken" },
  { check: "chat-stream.content-type", impact: "broken" },
  { check: "chat-stream.deltas", impact: "broken" },
  { check: "chat-stream.chunk-shape", impact: "broken" },
  { check: "chat-stream.buffering", impact: "degraded" },
  { check: "chat.multi-turn", impact: "broken" },
  { check: "chat.temperature-top-p", impact: "broken" },
  { check: "chat.unknown-fields", impact: "broken" },
  { check: "chat.system-message", impact: "degraded" },
  // The history cut can leave an assistant message first [⚠ inferred, clients.md §1d].
  { check: "chat.assistant-first", impact: "degraded" },
  { check: "model-access.gpt-name", impact: "degraded" },
];

const browserDepends: ClientProfile["dependsOn"] = [
  ...dependsOn,
  { check: "cors.preflight-without-key", impact: "broken" },
  { check: "cors.allow-origin", impact: "broken" },
  { check: "cors.allow-headers", impact: "broken", findings: ["cors-allow-headers-missing-authorization"] },
  { check: "cors.actual-response", impact: "broken" },
  { check: "cors.error-responses", impact: "degraded" },
];

// NextChat v2.13 never calls /v1/models (disableListModels) and only calls billing when ENABLE_BALANCE_QUERY is set.
const common = { version: v213, url, paths: { chat: "chat/completions" }, chatBody, stream, needsModelList: false, retries: 0, errorStyle: "nextchat" as const };

export const nextchatWeb: ClientProfile = {
  ...common,
  id: "nextchat-web",
  name: "NextChat (web, custom endpoint)",
  caller: "browser",
  headers,
  origin: "https://app.nextchat.dev",
  originFromRun: true,
  dependsOn: browserDepends,
  sees,
  notes: [
    "With the Custom Endpoint toggle on, the page itself calls the endpoint: CORS, preflight and mixed content apply.",
    "main (2024-09+) defaults to gpt-4o-mini; v2.13 to gpt-3.5-turbo.",
  ],
  sources,
};

export const nextchatWebProxy: ClientProfile = {
  ...common,
  id: "nextchat-web-proxy",
  name: "NextChat (web, server BASE_URL)",
  caller: "server",
  // The NextChat server's requestOpenai builds `${BASE_URL}/${path}` with path `v1/chat/completions`.
  headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
  dependsOn,
  ignores: ["mixed-content-http-gateway", "stream-error-cors-less-500"],
  sees: {
    ...sees,
    "base-url-double-v1": "the gateway's 404 body printed as the assistant's reply (BASE_URL also gets v1/ appended)",
  },
  notes: ["Empty custom endpoint: the browser calls same-origin /api/openai/…, the NextChat server forwards to env BASE_URL (10 min abort)."],
  sources: [...sources, { repo, file: "app/api/common.ts (requestOpenai)", version: v213 }],
};

/** macOS desktop v2.13: Tauri 1 webview `window.fetch` from a secure `tauri://localhost` page (clients.md §1b). */
export const nextchatDesktopMacos: ClientProfile = {
  ...common,
  id: "nextchat-desktop-macos",
  name: "NextChat desktop v2.13 (macOS)",
  caller: "browser",
  headers,
  origin: "tauri://localhost",
  secureContext: true,
  dependsOn: browserDepends,
  sees: { ...sees, "stream-error-cors-less-500": sees["stream-error-cors-less-500"]!.replace("Failed to fetch", "Load failed") },
  notes: ["Issue #4095 (reproduced by collaborator fred-bf): http custom APIs work only with localhost on macOS. [⚠ inferred for v2.13]"],
  sources: [...sources, { repo, file: "src-tauri/tauri.conf.json (no http allowlist)", version: v213 }],
};

/** Windows desktop v2.13: webview on `http://tauri.localhost` (dangerousUseHttpScheme, PR #3985): no mixed content, CORS still applies. */
export const nextchatDesktopWindows: ClientProfile = {
  ...common,
  id: "nextchat-desktop-windows",
  name: "NextChat desktop v2.13 (Windows)",
  caller: "browser",
  headers,
  origin: "http://tauri.localhost",
  secureContext: false,
  dependsOn: browserDepends,
  sees,
  notes: ["Not blocked as mixed content per PR #3985's intent [⚠ inferred, not run]."],
  sources: [...sources, { repo, file: "src-tauri/tauri.conf.json (dangerousUseHttpScheme: true, PR #3985)", version: v213 }],
};

/** Desktop v2.15.4+: chat goes through native Rust `stream_fetch` (reqwest): no CORS, no mixed content. */
export const nextchatDesktop: ClientProfile = {
  ...common,
  id: "nextchat-desktop",
  name: "NextChat desktop v2.15.4+ (native fetch)",
  version: "main (706a18b95)",
  caller: "native",
  chatBody: { ...chatBody, model: "gpt-4o-mini" },
  headers,
  dependsOn,
  ignores: ["mixed-content-http-gateway", "stream-error-cors-less-500"],
  sees: {
    ...sees,
    "base-url-https-prefixed": "the reqwest error text as the reply (status 599), e.g. a connection error",
  },
  notes: ["A reqwest error becomes status 599 with the error text as the reply; 'Unknown error occurred' when it has no source."],
  sources: [
    { repo, file: "src-tauri/src/stream.rs (stream_fetch, connect_timeout 3 s)", version: "main (706a18b95), since v2.15.4 3898c507c" },
    { repo, file: "app/client/platforms/openai.ts", version: "main (706a18b95)" },
  ],
};

export const nextchatProfiles = [nextchatWeb, nextchatWebProxy, nextchatDesktopMacos, nextchatDesktopWindows, nextchatDesktop];
