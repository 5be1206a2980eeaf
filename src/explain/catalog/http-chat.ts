import type { CatalogEntry } from "../types.js";

/**
 * What chat clients send by default and a gateway must accept (mapping OpenAI chat onto Bedrock Converse),
 * and the shape of what comes back; embeddings too. Emitted by suites/chat*.ts and suites/embeddings.ts.
 */
const openaiChat = { title: "OpenAI API reference: chat completions", url: "https://platform.openai.com/docs/api-reference/chat/create" };
const openaiEmbeddings = { title: "OpenAI API reference: embeddings", url: "https://platform.openai.com/docs/api-reference/embeddings/create" };
const converse = { title: "Amazon Bedrock runtime API: Converse (message rules)", url: "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html" };
const chatClients = ["nextchat-web", "nextchat-web-proxy", "nextchat-desktop", "openai-node", "openai-node-browser", "openai-python", "lobechat", "open-webui"];

/** The entries for "a request clients really send was refused" share their shape; only the cause differs. */
function refused(id: string, title: string, why: string, general: string, clients: string[], bag?: string): CatalogEntry {
  return {
    id,
    severity: "error",
    title: `${title} ({status})`,
    why: `${why} Model \`{model}\`; the gateway said: \`{message}\`.`,
    fix: bag ? { general, bag } : { general },
    clients,
    references: [openaiChat, converse],
  };
}

export const httpChat: CatalogEntry[] = [
  {
    id: "chat-response-not-openai-shape",
    severity: "error",
    title: "A chat completion is not in OpenAI's shape: {problem}",
    why:
      "Clients read `choices[0].message.content` of an object with `object: \"chat.completion\"`, an `id`, `created` and `model`. A gateway returning Bedrock's " +
      "Converse output (`output.message.content[0].text`) or its own shape gives every client an empty or failed answer. Body: `{body}`.",
    fix: { general: "Map Converse's `output.message` to `choices[0].message` (`role: \"assistant\"`, `content` a string, `tool_calls`), `stopReason` to `finish_reason`, `usage` to `usage`." },
    clients: chatClients,
    references: [openaiChat],
  },
  {
    id: "chat-usage-missing",
    severity: "warning",
    title: "Chat completions carry no usage ({usage})",
    why: "`usage.prompt_tokens`, `completion_tokens` and `total_tokens` feed the token and cost counters of LobeChat and Open WebUI and budget checks in scripts. Bedrock returns the numbers (`usage.inputTokens`, `outputTokens`).",
    fix: { general: "Copy Converse's `usage` into `usage: {prompt_tokens, completion_tokens, total_tokens}`." },
    clients: ["lobechat", "open-webui", "openai-node", "openai-python"],
    references: [openaiChat],
  },
  {
    id: "finish-reason-not-mapped",
    severity: "warning",
    title: "`finish_reason` is {got}, expected {expected}",
    why:
      "Clients act on `finish_reason`: `length` shows \"answer cut, continue?\", `tool_calls` runs tools. Bedrock's own values (`end_turn`, `max_tokens`, `stop_sequence`, `tool_use`) " +
      "mean nothing to them, and a `stop` where the answer was cut hides the truncation.",
    fix: { general: "Map `end_turn` and `stop_sequence` → `stop`, `max_tokens` → `length`, `tool_use` → `tool_calls`, `content_filtered`/`guardrail_intervened` → `content_filter`." },
    clients: ["lobechat", "open-webui", "openai-node", "openai-python"],
    references: [openaiChat],
  },
  refused(
    "system-message-rejected",
    "A system message is refused",
    "Every chat client sends a `system` message (the assistant's instructions). Converse has no `system` role inside `messages`: it takes system prompts in its own `system` field.",
    "Move `system` (and `developer`) messages into Converse's `system` list instead of `messages`.",
    chatClients,
  ),
  refused(
    "multi-turn-rejected",
    "A user/assistant/user history is refused",
    "Every chat after the first message sends the history. A gateway that accepts only one message breaks every conversation.",
    "Map the whole `messages` history to Converse messages, merging consecutive same-role messages (Converse requires alternating roles).",
    chatClients,
  ),
  refused(
    "temperature-top-p-conflict-not-handled",
    "`temperature` and `top_p` together are refused",
    "Newer Anthropic models on Bedrock (Claude 4.5 era) reject `temperature` and `topP` set together, and clients send both by default (NextChat: 0.5 and 1; LobeChat: 1 and 1). The gateway passed both on.",
    "For models that reject both, send only `temperature` (drop `top_p`, or drop it when it is the default 1).",
    ["nextchat-web", "nextchat-web-proxy", "nextchat-desktop", "lobechat", "open-webui"],
  ),
  refused(
    "assistant-first-history-rejected",
    "A history starting with an assistant message is refused",
    "Converse requires the first message to be `user`. Clients start with an assistant greeting (LobeChat's and NextChat's masks/agents do), or trim old messages so the kept history starts with the assistant.",
    "Repair the history before calling Converse: drop leading assistant messages or insert a short user turn before them.",
    ["nextchat-web", "nextchat-desktop", "lobechat", "open-webui"],
    "BAG passes messages as they are; a leading assistant message reaches Converse and fails (as a 500 in 2024 versions).",
  ),
  refused(
    "empty-system-message-rejected",
    "An empty system message is refused",
    "Converse rejects blank text blocks. Clients send `{\"role\":\"system\",\"content\":\"\"}` when the user left the system prompt empty.",
    "Drop system messages whose text is empty or whitespace before calling Converse.",
    ["nextchat-web", "nextchat-desktop", "lobechat", "open-webui"],
  ),
  refused(
    "image-content-not-supported",
    "A message with an image part is refused",
    "OpenAI messages may carry `content` as a list of parts (`text`, `image_url` with a `data:` URL). Vision clients send them; a gateway that expects a string refuses every image.",
    "Accept content-part arrays: map `text` parts to text blocks and `data:` image URLs to Converse `image` blocks (`format`, `source.bytes`).",
    ["nextchat-web", "lobechat", "open-webui", "openai-node", "openai-python"],
  ),
  refused(
    "unknown-fields-rejected",
    "A body with fields the gateway does not know is refused",
    "Clients send more than the core fields: `presence_penalty`, `frequency_penalty` (NextChat), `user`, `seed`, `stream_options`, vendor extras. OpenAI ignores what does not apply; a strict schema breaks those clients.",
    "Ignore unknown fields (log them if you like); refuse only fields you cannot honour and whose loss would change the answer (`n > 1`).",
    chatClients,
  ),
  {
    id: "tool-calls-not-mapped",
    severity: "error",
    title: "Tool calls do not come back as `tool_calls` ({mode}): {problem}",
    why:
      "With `tools` and a forced `tool_choice`, OpenAI answers `message.tool_calls[{id, type: \"function\", function: {name, arguments}}]` with `finish_reason: \"tool_calls\"` " +
      "(streamed: `delta.tool_calls` pieces). Agents and plugins (LobeChat, Open WebUI tools) never run if the gateway drops `tools` or returns Converse's `toolUse` blocks untranslated. Model `{model}`.",
    fix: { general: "Map `tools` to Converse `toolConfig.tools[].toolSpec` (`inputSchema.json`), `tool_choice` to `toolChoice`, and `toolUse` blocks back to `tool_calls` with `arguments` as a JSON string." },
    clients: ["lobechat", "open-webui", "openai-node", "openai-python"],
    references: [openaiChat, converse],
  },
  {
    id: "stop-sequences-ignored",
    severity: "warning",
    title: "`stop` is ignored: the answer runs past the stop text",
    why: "`stop` ends generation before the given text; templates and agents rely on it. The gateway did not pass it to Converse (`inferenceConfig.stopSequences`). Answer: `{answer}`.",
    fix: { general: "Pass `stop` (a string or up to 4 strings) as `inferenceConfig.stopSequences`." },
    clients: ["openai-node", "openai-python", "lobechat"],
    references: [openaiChat],
  },
  {
    id: "embeddings-not-openai-shape",
    severity: "error",
    title: "Embeddings are not in OpenAI's shape: {problem}",
    why: "Clients read `{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\",\"embedding\":[…]}],\"usage\"}`; Titan's `{\"embedding\":[…]}` or Cohere's `{\"embeddings\":[…]}` passed through breaks every RAG pipeline. Body: `{body}`.",
    fix: { general: "Wrap each vector as `{object: \"embedding\", index, embedding}` in a `list`, with `usage.prompt_tokens` and `total_tokens`." },
    clients: ["open-webui", "lobechat", "openai-node", "openai-python"],
    references: [openaiEmbeddings],
  },
  {
    id: "embeddings-base64-wrong",
    severity: "error",
    title: "`encoding_format: base64` embeddings do not decode to the float answer: {problem}",
    why:
      "The openai SDKs ask for base64 **by default** and decode it as little-endian float32. Anything else (float64, big-endian, base64 of JSON text) decodes to " +
      "different numbers without any error — search quality silently collapses.",
    fix: { general: "Encode the float32 values little-endian (`Float32Array` bytes / `numpy.float32.tobytes()`) and base64 that; or refuse `base64` with a 400." },
    clients: ["openai-node", "openai-python", "lobechat", "open-webui"],
    references: [openaiEmbeddings, { title: "openai-node src/resources/embeddings.ts (base64 by default)", url: "https://github.com/openai/openai-node/blob/master/src/resources/embeddings.ts" }],
  },
  {
    id: "embeddings-batch-order-wrong",
    severity: "error",
    title: "A batch of embeddings is not in input order: {problem}",
    why: "Clients match vectors to texts by `index` (or position). Titan embeds one text per call; a gateway that runs them concurrently must put the answers back in input order, or every document gets another's vector.",
    fix: { general: "Return one item per input with `index` = its input position, sorted by index." },
    clients: ["open-webui", "lobechat", "openai-node", "openai-python"],
    references: [openaiEmbeddings],
  },
  {
    id: "embeddings-empty-input-not-400",
    severity: "info",
    title: "An empty embedding input gets {status}, not a 400 envelope",
    why: "An empty string cannot be embedded (Bedrock refuses it). The client should hear that as a 400 that says so, not a 500 the SDKs retry. Body: `{body}`.",
    fix: { general: "Refuse empty strings and empty arrays with 400 and an envelope naming `input`." },
    clients: ["openai-node", "openai-python"],
    references: [openaiEmbeddings],
  },
  {
    id: "embeddings-dimensions-ignored",
    severity: "warning",
    title: "`dimensions: 256` is ignored (got {got})",
    why: "Clients that size their vector store ask for `dimensions`; a silently different length breaks the index at insert time. Titan v2 supports 256/512/1024; Cohere v3 only 1024.",
    fix: { general: "Pass `dimensions` to models that support it (Titan v2 `dimensions`), and refuse it with a 400 for models that do not." },
    clients: ["open-webui", "lobechat", "openai-node", "openai-python"],
    references: [openaiEmbeddings],
  },
];
