import type { CatalogEntry } from "../types.js";

/**
 * Causes that live between a client and the gateway: how the client builds its URL, where its page runs,
 * and what the client does with what the gateway sends. Facts: shared/facts/clients.md.
 */
const bagSource = { title: "aws-samples/bedrock-access-gateway (July 2024, f8faf32)", url: "https://github.com/aws-samples/bedrock-access-gateway/tree/f8faf32" };
const nextchatPath = { title: "NextChat v2.13.0 app/client/platforms/openai.ts (path(), OpenaiPath)", url: "https://github.com/ChatGPTNextWeb/NextChat/blob/v2.13.0/app/client/platforms/openai.ts" };
const mdnMixed = { title: "MDN: Mixed content", url: "https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content" };
const albLambda = { title: "AWS: Lambda functions as ALB targets (response size, no streaming)", url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html" };

export const clients: CatalogEntry[] = [
  {
    id: "base-url-double-v1",
    severity: "error",
    title: "The client adds `/v1` to a base that already ends in `/v1`: it calls {called}",
    why:
      "Some clients (NextChat, NextChat's server `BASE_URL`, old Cherry Studio) append `v1/chat/completions` to whatever was typed. " +
      "BAG's stack output is `http://<alb>/api/v1`; typed as is, the request goes to `…/api/v1/v1/chat/completions`, which the gateway answers with 404. " +
      "NextChat then prints the 404 body as if it were the assistant's reply.",
    fix: {
      general: "Give this client the base **without** its trailing `/v1`: enter `{suggested}`.",
      bag: "Nothing to change in BAG: its routes live under `/api/v1` (env `API_ROUTE_PREFIX`), so NextChat needs `http://<alb>/api`.",
      client: "In NextChat: Settings → Custom Endpoint → OpenAI Endpoint: `{suggested}` (not `{entered}`).",
    },
    clients: ["nextchat-web", "nextchat-web-proxy", "nextchat-desktop", "nextchat-desktop-macos", "nextchat-desktop-windows"],
    references: [nextchatPath, bagSource],
  },
  {
    id: "base-url-wrong-path",
    severity: "error",
    title: "The client calls {called}, but the gateway answers at {expected}",
    why:
      "Clients join the typed base with their own path: openai-node, openai-python, LobeChat and Open WebUI append `/chat/completions`, NextChat appends `/v1/chat/completions`. " +
      "With the typed value `{entered}` the request lands on a path the gateway does not serve, and the answer is a 404.",
    fix: {
      general: "Enter `{suggested}` in this client.",
      bag: "BAG serves only under `API_ROUTE_PREFIX` (default `/api/v1`): SDKs need `http://<alb>/api/v1`, NextChat `http://<alb>/api`.",
      client: "Set the client's base URL / API host to `{suggested}`.",
    },
    clients: ["openai-node", "openai-node-browser", "openai-python", "lobechat", "lobechat-client-fetch", "open-webui", "curl"],
    references: [bagSource],
  },
  {
    id: "base-url-https-prefixed",
    severity: "error",
    title: "The client added `https://` to {entered}, and the gateway has no https listener",
    why:
      "NextChat prefixes `https://` to an endpoint typed without a scheme. BAG's ALB listens on HTTP:80 only, " +
      "so the connection to port 443 fails and the client shows a network error with no reason.",
    fix: {
      general: "Type the scheme: enter `{suggested}`.",
      bag: "Add an HTTPS:443 listener with an ACM certificate to the ALB, or front the gateway with API Gateway/CloudFront.",
      client: "Enter the full URL with `http://` or `https://`: `{suggested}`.",
    },
    clients: ["nextchat-web", "nextchat-desktop", "nextchat-desktop-macos", "nextchat-desktop-windows"],
    references: [nextchatPath],
  },
  {
    id: "mixed-content-http-gateway",
    severity: "error",
    title: "An https page cannot call the http gateway {url}: the browser blocks it before sending",
    why:
      "The page runs on `{origin}`, a secure origin; a `fetch` to an `http://` URL on any host other than loopback is **mixed content** and is blocked " +
      "before any request (or preflight) leaves the browser. The client only gets a `TypeError` (\"Failed to fetch\" in Chromium, \"Load failed\" in Safari), " +
      "so nothing reaches the gateway's logs and curl keeps working. A test on `http://127.0.0.1` misses it: browsers trust loopback.",
    fix: {
      general: "Serve the gateway over https (a certificate on the load balancer, API Gateway, or CloudFront in front), or call it from a server.",
      bag: "BAG July 2024 creates only an HTTP:80 ALB listener. Add an ACM certificate and an HTTPS:443 listener (`AWS::ElasticLoadBalancingV2::Listener` with `Protocol: HTTPS`, `Certificates`), or deploy the API Gateway variant (BAG PR #207).",
      client: "Use an https endpoint; or leave NextChat's Custom Endpoint off and set the NextChat server's `BASE_URL` (its server calls the gateway, so the browser rule does not apply); or host NextChat itself on http.",
    },
    clients: ["nextchat-web", "openai-node-browser", "lobechat-client-fetch"],
    references: [
      mdnMixed,
      { title: "NextChat #2415: Failed to fetch / Load failed with an http endpoint", url: "https://github.com/ChatGPTNextWeb/NextChat/issues/2415" },
      { title: "NextChat #4095: http custom API works only with localhost", url: "https://github.com/ChatGPTNextWeb/NextChat/issues/4095" },
    ],
  },
  {
    id: "desktop-needs-https",
    severity: "error",
    title: "The desktop app's webview blocks the http gateway {url}",
    why:
      "NextChat desktop up to v2.15.3 calls the gateway with the webview's `fetch`. On macOS the page is `tauri://localhost`, a secure context, " +
      "so an `http://` gateway that is not localhost is blocked as mixed content (NextChat #4095). From v2.15.4 chat goes through native Rust `stream_fetch`, with no such rule.",
    fix: {
      general: "Give the gateway an https URL.",
      bag: "Add an HTTPS listener to BAG's ALB (ACM certificate), or use the API Gateway deployment.",
      client: "Update NextChat desktop to v2.15.4 or later, or use an https endpoint.",
    },
    clients: ["nextchat-desktop-macos"],
    references: [
      { title: "NextChat #4095", url: "https://github.com/ChatGPTNextWeb/NextChat/issues/4095" },
      { title: "NextChat 3898c507c: desktop stream_fetch (v2.15.4)", url: "https://github.com/ChatGPTNextWeb/NextChat/commit/3898c507c" },
    ],
  },
  {
    id: "stream-error-cors-less-500",
    severity: "error",
    title: "An error during a stream comes back as a 500 without CORS headers",
    why:
      "The gateway calls Bedrock after it has sent the stream's 200 headers. When Bedrock fails there (model access, validation, throttling), " +
      "BAG's Lambda adapter (Mangum 0.17) replaces the response with `500 Internal Server Error`, `text/plain`, and **only** a content-type header. " +
      "Without `Access-Control-Allow-Origin` the browser hides the response: the page sees \"Failed to fetch\" and the real cause never shows. curl sees `500 Internal Server Error`. Seen: status {status}, content-type `{contentType}`.",
    fix: {
      general: "Send errors that happen after the stream began as an SSE event (`data: {\"error\": {…}}`), and put CORS headers on every response, errors included.",
      bag: "Upgrade BAG past c98e123 (2025-03-26), which catches errors inside the stream and sends them as an `error` event; or check model access for `DEFAULT_MODEL` before streaming.",
      client: "Open the browser console (the CORS error is there), or retry with curl and the same body to see the real error.",
    },
    clients: ["nextchat-web", "nextchat-desktop-macos", "nextchat-desktop-windows", "openai-node-browser", "lobechat-client-fetch"],
    references: [
      { title: "Mangum 0.17.0 protocols/http.py (HTTPCycle.run)", url: "https://github.com/Kludex/mangum/blob/0.17.0/mangum/protocols/http.py" },
      { title: "BAG c98e123: stream errors as events", url: "https://github.com/aws-samples/bedrock-access-gateway/commit/c98e123" },
    ],
  },
  {
    id: "default-model-silently-replaced",
    severity: "warning",
    title: "The gateway silently replaced model {requested} with {served}",
    why:
      "BAG maps every model name starting with `gpt-` to `DEFAULT_MODEL` (in ap-northeast-1 the template sets `anthropic.claude-v2:1`). " +
      "Clients that default to `gpt-3.5-turbo` (NextChat v2.13, its title summaries, scripts written for OpenAI) get another model without being told; " +
      "if the account has no access to `DEFAULT_MODEL`, every such call fails — inside a stream, as a CORS-less 500.",
    fix: {
      general: "Select a model the gateway really serves, by its own id, in the client; gateways should reject unknown names with a 404 `model_not_found`.",
      bag: "Set `DEFAULT_MODEL` (Lambda env, or the template's region `Mappings`) to a model the account has access to, and enable model access for it in the Bedrock console.",
      client: "NextChat: add the Bedrock id as a custom model (`CUSTOM_MODELS=+anthropic.claude-3-haiku-20240307-v1:0` or Settings → Custom Models) and select it.",
    },
    clients: ["nextchat-web", "nextchat-web-proxy", "nextchat-desktop", "nextchat-desktop-macos", "nextchat-desktop-windows", "openai-node", "openai-node-browser", "openai-python", "lobechat", "lobechat-client-fetch"],
    references: [{ title: "BAG src/api/routers/chat.py (gpt-* → DEFAULT_MODEL)", url: "https://github.com/aws-samples/bedrock-access-gateway/blob/f8faf32/src/api/routers/chat.py" }],
  },
  {
    id: "first-byte-timeout-buffered",
    severity: "warning",
    title: "{client} gives up after {timeoutS} s without a first byte, and this stream arrives only at the end",
    why:
      "The stream is buffered on its way (ALB → Lambda cannot stream: the whole response is sent when generation ends). " +
      "NextChat aborts a request whose first byte takes longer than 60 s (`REQUEST_TIMEOUT_MS`, cleared on the first byte), " +
      "so any answer that takes more than 60 s to generate ends in \"empty response from server\"; shorter ones appear all at once after a pause.",
    fix: {
      general: "Stream end to end: put the gateway behind something that passes chunks through (API Gateway with Lambda response streaming, a Function URL with `RESPONSE_STREAM`, ECS/Fargate behind ALB).",
      bag: "Deploy BAG's API Gateway + Lambda Web Adapter variant (PR #207, Dec 2025) or its Fargate option instead of ALB → Lambda.",
      client: "Keep answers short (max tokens) until the gateway streams.",
    },
    clients: ["nextchat-web", "nextchat-web-proxy", "nextchat-desktop", "nextchat-desktop-macos", "nextchat-desktop-windows"],
    references: [
      albLambda,
      { title: "BAG #74: no streaming behind ALB + Lambda", url: "https://github.com/aws-samples/bedrock-access-gateway/issues/74" },
      { title: "NextChat app/constant.ts REQUEST_TIMEOUT_MS", url: "https://github.com/ChatGPTNextWeb/NextChat/blob/v2.13.0/app/constant.ts" },
    ],
  },
  {
    id: "client-default-request-rejected",
    severity: "error",
    title: "{client}'s default chat request (model {model}) is answered {status}",
    why:
      "bagcheck sent the chat request this client sends by default — its model name, temperature/top_p, stream flag and headers — " +
      "to the URL that works, and the gateway refused it. The person sees: {shown}. Other findings of the same replay usually name the cause " +
      "(model access, an unmapped model name, a body field the gateway rejects).",
    fix: {
      general: "Make the gateway accept what this client sends by default, or change the client's defaults (model, parameters).",
      bag: "Check `DEFAULT_MODEL` (gpt-* names are mapped to it) and the account's model access in the Bedrock console for that model.",
      client: "Select a model the gateway serves (add it as a custom model if the client has no list).",
    },
    clients: ["nextchat-web", "nextchat-web-proxy", "nextchat-desktop", "openai-node", "openai-python", "lobechat", "open-webui", "curl"],
    references: [bagSource],
  },
];
