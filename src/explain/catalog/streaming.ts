import type { CatalogEntry } from "../types.js";

/**
 * Streaming (SSE) causes: what the gateway, or something in front of it, does to a `stream: true` answer.
 * Each id names the cause; the chat-stream suite (suites/chat-stream*.ts) emits them.
 */
const openaiStreaming = { title: "OpenAI API reference: chat completion chunk object", url: "https://platform.openai.com/docs/api-reference/chat-streaming" };
const openaiNodeStreaming = { title: "openai-node src/core/streaming.ts (SSE handling, [DONE], data.error)", url: "https://github.com/openai/openai-node/blob/master/src/core/streaming.ts" };
const bag74 = { title: "BAG #74: no streaming behind ALB + Lambda, everything arrives at once", url: "https://github.com/aws-samples/bedrock-access-gateway/issues/74" };
const albLambda = { title: "AWS: Lambda functions as ALB targets", url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html" };
const bagStream = { title: "BAG src/api/models/bedrock.py (chat_stream) and base.py (stream_response_to_bytes)", url: "https://github.com/aws-samples/bedrock-access-gateway/blob/main/src/api/models/bedrock.py" };
const streamingClients = ["nextchat-web", "nextchat-web-proxy", "nextchat-desktop", "openai-node", "openai-node-browser", "openai-python", "lobechat", "open-webui"];

export const streaming: CatalogEntry[] = [
  {
    id: "sse-wrong-content-type",
    severity: "error",
    title: "A streamed answer is labelled `{contentType}`, not `text/event-stream`",
    why:
      "Clients decide how to read the body from its Content-Type. NextChat (fetch-event-source) and Open WebUI only parse Server-Sent Events when it is " +
      "`text/event-stream`: NextChat then prints the raw `data: {…}` lines as the reply, Open WebUI tries to parse the whole stream as one JSON document. " +
      "It usually comes from returning a plain response object instead of a streaming one, or from a proxy that rewrites the header.",
    fix: {
      general: "Answer `stream: true` with `Content-Type: text/event-stream`, `Cache-Control: no-cache` and one `data: <json>\\n\\n` per chunk.",
      bag: "BAG uses `StreamingResponse(media_type=\"text/event-stream\")`; if you see this, a proxy in front of it rewrote the header: check its response-header rules.",
    },
    clients: ["nextchat-web", "nextchat-web-proxy", "nextchat-desktop", "open-webui", "lobechat"],
    references: [{ title: "WHATWG HTML: Server-sent events", url: "https://html.spec.whatwg.org/multipage/server-sent-events.html" }, openaiStreaming],
  },
  {
    id: "sse-chunk-not-openai-shape",
    severity: "error",
    title: "Stream events are not `chat.completion.chunk` objects ({problem})",
    why:
      "Every `data:` event of an OpenAI stream is a JSON object with `object: \"chat.completion.chunk\"`, an `id` and a `choices` array whose items carry a `delta`. " +
      "The SDKs and chat clients read `choices[0].delta`; anything else (Bedrock's own `contentBlockDelta` events relayed as they are, plain text) " +
      "is dropped or crashes the parser. Seen: `{chunk}`.",
    fix: {
      general: "Translate each Bedrock ConverseStream event into a chunk: `messageStart` → a delta with `role`, `contentBlockDelta.text` → `delta.content`, `messageStop` → `finish_reason`, `metadata` → a usage chunk.",
      bag: "BAG translates events itself; a gateway that forwards Bedrock events untranslated needs that mapping.",
    },
    clients: streamingClients,
    references: [openaiStreaming, openaiNodeStreaming],
  },
  {
    id: "sse-first-chunk-missing-role",
    severity: "warning",
    title: "The first stream chunk carries no `delta.role`",
    why:
      "OpenAI's first chunk is `{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}`. Clients that assemble a message from chunks (LobeChat, LangChain, openai-node's " +
      "`ChatCompletionStream` helper) take the role from it; without it the assembled message has no role and some clients drop it. First chunk seen: `{chunk}`.",
    fix: { general: "Send `delta: {role: \"assistant\", content: \"\"}` as the first chunk (Bedrock's `messageStart` event is the moment to do it)." },
    clients: ["lobechat", "openai-node", "openai-node-browser", "openai-python"],
    references: [openaiStreaming],
  },
  {
    id: "sse-content-not-in-delta",
    severity: "error",
    title: "Streamed text is not in `choices[0].delta.content`",
    why:
      "Stream chunks carry the new piece of text in `choices[0].delta.content`. A gateway that puts it in `choices[0].message` (the non-stream shape) or elsewhere " +
      "streams an answer every client shows as empty. Chunk seen: `{chunk}`.",
    fix: { general: "Put each text piece in `choices[0].delta.content`; `message` belongs to non-streamed answers only." },
    clients: streamingClients,
    references: [openaiStreaming],
  },
  {
    id: "sse-finish-reason-missing",
    severity: "warning",
    title: "No stream chunk carries a `finish_reason`",
    why:
      "The last content chunk of an OpenAI stream has `finish_reason` (`stop`, `length`, `tool_calls`). Clients use it to know why the answer ended: " +
      "whether to run tools, or to show \"answer cut by max tokens\". Without it tool calls are never executed by agents that wait for `tool_calls`.",
    fix: { general: "Map Bedrock's `messageStop.stopReason` (`end_turn`, `max_tokens`, `stop_sequence`, `tool_use`) to `stop`, `length`, `stop`, `tool_calls` in a final chunk." },
    clients: ["lobechat", "openai-node", "openai-python", "open-webui"],
    references: [openaiStreaming],
  },
  {
    id: "sse-missing-done",
    severity: "warning",
    title: "The stream ends without `data: [DONE]`",
    why:
      "OpenAI ends every stream with `data: [DONE]`. The SDKs stop at it; clients built on fetch-event-source (NextChat) or their own readers treat a stream " +
      "that just closes as cut off and may retry, show an error, or wait for a timeout. BAG since 2025 ends error streams without it. Last event seen: `{lastEvent}`.",
    fix: {
      general: "Write `data: [DONE]\\n\\n` after the last chunk, also after an error event.",
      bag: "Upgrade to a BAG version that sends `[DONE]` after an error event, or add it in `stream_response_to_bytes`.",
    },
    clients: ["nextchat-web", "nextchat-web-proxy", "nextchat-desktop", "lobechat"],
    references: [openaiStreaming, bagStream],
  },
  {
    id: "stream-usage-missing",
    severity: "warning",
    title: "`stream_options.include_usage` is ignored: no usage chunk",
    why:
      "With `stream_options: {include_usage: true}` OpenAI sends one last chunk with `choices: []` and `usage`. Open WebUI always asks for it and LobeChat " +
      "counts tokens with it; without it their usage and cost figures stay empty. Bedrock sends the numbers in its `metadata` event, so a gateway has them.",
    fix: { general: "When `stream_options.include_usage` is true, turn Bedrock's `metadata.usage` (inputTokens, outputTokens) into a final chunk `{\"choices\":[],\"usage\":{…}}` before `[DONE]`." },
    clients: ["open-webui", "lobechat", "openai-node", "openai-python"],
    references: [{ title: "OpenAI API reference: stream_options.include_usage", url: "https://platform.openai.com/docs/api-reference/chat/create#chat-create-stream_options" }],
  },
  {
    id: "sse-tool-call-index-invalid",
    severity: "error",
    title: "Streamed tool calls carry an invalid `index` ({index})",
    why:
      "Clients assemble streamed tool calls by `delta.tool_calls[].index`: the first delta of a call gives id and name, the next ones append argument text to " +
      "the call with the same index. An index of -1 (some BAG versions) or a missing one makes openai-node and LangChain merge calls, lose them, or throw. Chunk: `{chunk}`.",
    fix: {
      general: "Number tool calls 0, 1, … in the order their `contentBlockStart.toolUse` arrives, and repeat that index on every argument delta of the call.",
      bag: "Upgrade BAG: the -1 index was fixed upstream.",
    },
    clients: ["lobechat", "openai-node", "openai-python", "open-webui"],
    references: [openaiStreaming, bagStream],
  },
  {
    id: "sse-buffered-by-front",
    severity: "warning",
    title: "The stream arrives in one burst at the end ({events} events, first after {firstMs} ms, all within {spreadMs} ms)",
    why:
      "The answer was generated piece by piece, but nothing reached the client until the end, then everything at once. The likely cause is what sits in front " +
      "of the gateway: an **ALB with a Lambda target cannot stream** (the ALB sends the Lambda's response only when it is complete, and Mangum collects the whole body), " +
      "and so do API Gateway REST without response streaming, Function URLs in BUFFERED mode, and proxies with response buffering on. " +
      "Clients look hung, then dump the text; NextChat aborts when the first byte takes more than 60 s.",
    fix: {
      general: "Put a streaming path in front of the gateway: API Gateway with Lambda response streaming, a Function URL with `InvokeMode: RESPONSE_STREAM`, or a container (ECS/Fargate) behind the ALB; turn proxy buffering off (`X-Accel-Buffering: no`).",
      bag: "BAG on ALB → Lambda (2024 template) cannot stream. Deploy the API Gateway + Lambda Web Adapter template (PR #207, Dec 2025) or the Fargate option.",
      client: "Until the gateway streams, keep answers short (max tokens) so the first byte arrives within the client's timeout.",
    },
    clients: ["nextchat-web", "nextchat-web-proxy", "nextchat-desktop", "open-webui", "lobechat"],
    references: [bag74, albLambda, { title: "aws-lambda-web-adapter #548: ALB does not support streaming responses from Lambda", url: "https://github.com/awslabs/aws-lambda-web-adapter/issues/548" }],
  },
  {
    id: "stream-error-not-delivered",
    severity: "error",
    title: "An upstream failure during a stream is swallowed: 200, no error event, no text",
    why:
      "The gateway sent the stream's 200 headers, then called Bedrock; when Bedrock refused (model access, validation, throttling) it just ended the stream " +
      "({events} events, `[DONE]` sent: {done}). Clients show an empty answer and no reason. The SDKs raise an error only for a `data: {\"error\": …}` event.",
    fix: {
      general: "Validate and call Bedrock before sending the 200 when possible, and answer a JSON error; after the stream began, send `data: {\"error\":{\"message\":…,\"type\":…}}` then `data: [DONE]`.",
      bag: "Upgrade BAG past c98e123 (2025-03-26), which sends errors raised inside the stream as an error event.",
    },
    clients: streamingClients,
    references: [openaiNodeStreaming, bagStream],
  },
];
