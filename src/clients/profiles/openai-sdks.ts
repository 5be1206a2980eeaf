import type { ClientProfile } from "../types.js";

/**
 * The official SDKs. Facts: shared/facts/clients.md §2, and the installed `openai` npm package
 * (node_modules/openai/core/error.js `APIError.makeMessage`/`generate`, client.js `buildURL`, `shouldRetry`).
 */
const node = "openai/openai-node";
const python = "openai/openai-python";

const sdkDepends: ClientProfile["dependsOn"] = [
  { check: "target.*", impact: "broken" },
  { check: "auth.valid-key-accepted", impact: "broken" },
  { check: "chat.basic-shape", impact: "broken" },
  { check: "chat-stream.deltas", impact: "degraded" },
  { check: "chat-stream.error-delivered", impact: "degraded" },
  { check: "auth.error-envelope", impact: "degraded" },
  { check: "model-access.gpt-name", impact: "degraded" },
];

/** No default model in an SDK: a script written for OpenAI keeps its model name, so replay one. */
const scriptBody = { model: "gpt-3.5-turbo", messages: [] as unknown[] };

export const openaiNode: ClientProfile = {
  id: "openai-node",
  name: "openai-node (Node)",
  version: "6.49.0",
  caller: "server",
  // buildURL: baseURL + path ('/chat/completions'), one duplicate '/' removed; the base must carry /v1.
  url: { insert: "", stripTrailingSlash: true, hint: "the gateway's base including /v1 (what curl prefixes to /chat/completions)" },
  paths: { chat: "chat/completions", models: "models", embeddings: "embeddings" },
  chatBody: { model: scriptBody.model },
  headers: {
    Accept: "application/json",
    "Content-Type": "application/json",
    "User-Agent": "OpenAI/JS 6.49.0",
    "X-Stainless-Lang": "js",
    "X-Stainless-Package-Version": "6.49.0",
    "X-Stainless-Retry-Count": "0",
    "X-Stainless-Runtime": "node",
  },
  // No content-type check; [DONE] stops, a missing [DONE] just ends the iteration; data.error throws APIError.
  stream: { default: false, requiresEventStreamContentType: false, requiresDone: false },
  needsModelList: false,
  retries: 2,
  errorStyle: "openai-node",
  // A script sends what its author wrote: the basics must work; error text matters when something fails.
  dependsOn: sdkDepends,
  // Scripts call without stream by default: a buffered stream does not show.
  ignores: ["mixed-content-http-gateway", "stream-error-cors-less-500", "desktop-needs-https", "sse-buffered-by-front"],
  sees: {
    "base-url-double-v1": "`NotFoundError: 404 status code (no body)`",
    "base-url-wrong-path": "`NotFoundError: {shown}`",
    "error-envelope-not-openai": "`<status> status code (no body)`: the gateway's `{\"detail\"}` text is dropped, because the SDK reads only `error`",
    "default-model-silently-replaced": "a normal completion whose `model` is {served}, not the {requested} the script asked for",
  },
  notes: [
    '4.x–6.x: a JSON error body without `error` (FastAPI\'s {"detail": …}) gives "<status> status code (no body)" (APIError.generate reads body.error only).',
    '7.5+: makeStatusError wraps such a body as {error: body}, giving "400 {\\"detail\\":…}".',
    "Retries twice on 408/409/429/5xx and connection errors unless x-should-retry says otherwise.",
  ],
  sources: [
    { repo: node, file: "src/core.ts (buildURL, shouldRetry), src/error.ts (APIError.generate)", version: "v4.52.7" },
    { repo: "openai (npm)", file: "core/error.js (makeMessage, generate), client.js (buildURL, shouldRetry, buildHeaders)", version: "6.49.0" },
    { repo: node, file: "src/client.ts (makeStatusError), src/core/error.ts", version: "HEAD (v7.5+)" },
  ],
};

/** The same SDK inside a page (`dangerouslyAllowBrowser: true`): CORS, preflight with x-stainless-* headers, mixed content. */
export const openaiNodeBrowser: ClientProfile = {
  ...openaiNode,
  id: "openai-node-browser",
  name: "openai-node (browser, dangerouslyAllowBrowser)",
  caller: "browser",
  // No User-Agent in a browser (detect-platform); the x-stainless-* headers must pass the preflight.
  headers: Object.fromEntries(Object.entries(openaiNode.headers).filter(([k]) => k !== "User-Agent")),
  origin: "https://app.example.com",
  originFromRun: true,
  dependsOn: [
    ...openaiNode.dependsOn,
    { check: "cors.preflight-without-key", impact: "broken" },
    { check: "cors.allow-origin", impact: "broken" },
    { check: "cors.allow-headers", impact: "broken" },
    { check: "cors.actual-response", impact: "broken" },
    { check: "cors.error-responses", impact: "degraded" },
  ],
  ignores: [],
  sees: {
    ...openaiNode.sees,
    "mixed-content-http-gateway": "`APIConnectionError: Connection error.` (the browser blocked the http:// request as mixed content)",
    "stream-error-cors-less-500": "`APIConnectionError: Connection error.` whenever Bedrock fails during a stream (the 500 carries no CORS headers)",
  },
};

export const openaiPython: ClientProfile = {
  id: "openai-python",
  name: "openai-python",
  version: "v1.37.1",
  caller: "server",
  // base_url gets a trailing '/' enforced, then 'chat/completions' is appended.
  url: { insert: "", stripTrailingSlash: true, hint: "the gateway's base including /v1" },
  paths: { chat: "chat/completions", models: "models", embeddings: "embeddings" },
  chatBody: { model: scriptBody.model },
  headers: {
    Accept: "application/json",
    "Content-Type": "application/json",
    "User-Agent": "OpenAI/Python 1.37.1",
    "X-Stainless-Lang": "python",
    "X-Stainless-Package-Version": "1.37.1",
  },
  stream: { default: false, requiresEventStreamContentType: false, requiresDone: false },
  needsModelList: false,
  retries: 2,
  errorStyle: "openai-python",
  dependsOn: sdkDepends,
  ignores: ["mixed-content-http-gateway", "stream-error-cors-less-500", "desktop-needs-https", "error-envelope-not-openai", "sse-buffered-by-front"],
  sees: {
    "base-url-double-v1": "`openai.NotFoundError: Error code: 404 - {'detail': 'Not Found'}`",
    "base-url-wrong-path": "`openai.NotFoundError: Error code: 404 - …`",
    "error-envelope-not-openai": "`Error code: <status> - {'detail': '…'}`: readable, the SDK keeps the whole body",
    "default-model-silently-replaced": "a normal completion whose `model` is {served}, not the {requested} the script asked for",
  },
  notes: ["Errors keep the whole body: `Error code: <status> - <parsed body>` (body = json.get('error', json))."],
  sources: [
    { repo: python, file: "src/openai/_base_client.py (_prepare_url, retries), _client.py (_make_status_error)", version: "v1.37.1" },
    { repo: python, file: "src/openai/_streaming.py", version: "v1.37.1" },
  ],
};

export const openaiProfiles = [openaiNode, openaiNodeBrowser, openaiPython];
