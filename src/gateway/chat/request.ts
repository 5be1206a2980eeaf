import { badRequest } from "../errors.js";
import { contentToBlocks, contentToText } from "./content.js";
import { repairConversation } from "./repair.js";
import { JSON_RESPONSE_TOOL, type ChatRequest, type ConverseBlock, type ConverseInput, type ConverseMessage, type OpenAIMessage } from "./types.js";

type ImageBlock = Extract<ConverseBlock, { image: unknown }>;

/** The checks every chat body gets before anything else; returns it typed. Unknown fields are ignored. */
export function parseChatRequest(body: unknown): ChatRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("The request body must be a JSON object.");
  const b = body as Partial<ChatRequest>;
  if (typeof b.model !== "string" || b.model === "") throw badRequest("'model' is required and must be a string.", "model");
  if (!Array.isArray(b.messages) || b.messages.length === 0) throw badRequest("'messages' must be a non-empty array.", "messages");
  // Checked before anything reads m.content (remote image discovery does): a null message is a 400, not a TypeError.
  const notObject = (b.messages as unknown[]).findIndex((m) => typeof m !== "object" || m === null || Array.isArray(m));
  if (notObject >= 0) throw badRequest("Each message must be an object.", `messages[${notObject}]`);
  if (b.n !== undefined && b.n !== null && b.n !== 1) throw badRequest("Only n=1 is supported: Bedrock returns one choice per request.", "n");
  return b as ChatRequest;
}

/** Which models reject `temperature` and `topP` in the same request (Claude 4.1/4.5 and later). */
const REJECTS_TEMPERATURE_WITH_TOP_P = /anthropic\.claude-(?:opus|sonnet|haiku)-(?:4-[1-9]|[5-9](?:-\d)?)-\d{8}/;

export interface MappedChat {
  input: ConverseInput;
  /** response_format asked for JSON: the answer arrives as the input of JSON_RESPONSE_TOOL. */
  jsonMode: boolean;
}

/** OpenAI chat request → Converse input (pure). `remoteImages` holds the allowed remote images, fetched. */
export function toConverseInput(req: ChatRequest, modelId: string, remoteImages: ReadonlyMap<string, ImageBlock> = new Map()): MappedChat {
  const system: { text: string }[] = [];
  const messages: ConverseMessage[] = [];
  req.messages.forEach((m: OpenAIMessage, i) => {
    const param = `messages[${i}]`;
    if (typeof m !== "object" || m === null) throw badRequest("Each message must be an object.", param);
    switch (m.role) {
      case "system":
      case "developer": {
        // Blank system prompts are dropped, not rejected: they mean "no system prompt" (see docs/gateway.md).
        const text = contentToText(m.content, `${param}.content`);
        if (text.trim() !== "") system.push({ text });
        break;
      }
      case "user":
        messages.push({ role: "user", content: contentToBlocks(m.content, `${param}.content`, remoteImages) });
        break;
      case "assistant":
        messages.push({ role: "assistant", content: [...contentToBlocks(m.content, `${param}.content`, remoteImages), ...toolUses(m, param)] });
        break;
      case "tool": {
        if (typeof m.tool_call_id !== "string") throw badRequest("A tool message needs 'tool_call_id'.", `${param}.tool_call_id`);
        const text = contentToText(m.content, `${param}.content`);
        // Converse rejects blank text; an empty tool output still has to answer the call.
        messages.push({ role: "user", content: [{ toolResult: { toolUseId: m.tool_call_id, content: [{ text: text.trim() === "" ? "(empty)" : text }] } }] });
        break;
      }
      default:
        throw badRequest(`Unsupported message role '${String(m.role)}'.`, `${param}.role`);
    }
  });

  const input: ConverseInput = { modelId, messages: repairConversation(messages) };
  if (system.length > 0) input.system = system;
  const inference = inferenceConfig(req, modelId);
  if (inference) input.inferenceConfig = inference;
  const { toolConfig, jsonMode } = tools(req, input.messages);
  if (toolConfig) input.toolConfig = toolConfig;
  return { input, jsonMode };
}

function toolUses(m: OpenAIMessage, param: string): ConverseBlock[] {
  if (!Array.isArray(m.tool_calls)) return [];
  return m.tool_calls.map((call, j) => {
    if (typeof call?.function !== "object" || call.function === null || typeof call.function.name !== "string") {
      throw badRequest("Each tool call needs a 'function' object with a 'name'.", `${param}.tool_calls[${j}]`);
    }
    let input: unknown;
    try {
      input = JSON.parse(call.function?.arguments || "{}");
    } catch {
      throw badRequest("tool_calls[].function.arguments must be a JSON string.", `${param}.tool_calls[${j}].function.arguments`);
    }
    return { toolUse: { toolUseId: call.id, name: call.function.name, input } };
  });
}

function inferenceConfig(req: ChatRequest, modelId: string): ConverseInput["inferenceConfig"] | undefined {
  const cfg: NonNullable<ConverseInput["inferenceConfig"]> = {};
  const maxTokens = req.max_completion_tokens ?? req.max_tokens;
  if (maxTokens !== undefined && maxTokens !== null) {
    if (!Number.isInteger(maxTokens) || maxTokens < 1) throw badRequest("max_tokens must be a positive integer.", "max_tokens");
    cfg.maxTokens = maxTokens;
  }
  if (typeof req.temperature === "number") cfg.temperature = req.temperature;
  // top_p = 1 is "no nucleus sampling", the same as not sending it (NextChat always sends it); and models that
  // reject temperature with topP get temperature only, the knob users actually turn (see docs/gateway.md).
  if (typeof req.top_p === "number" && req.top_p !== 1) {
    const conflicts = cfg.temperature !== undefined && REJECTS_TEMPERATURE_WITH_TOP_P.test(modelId);
    if (!conflicts) cfg.topP = req.top_p;
  }
  if (req.stop !== undefined && req.stop !== null) {
    const stops = (Array.isArray(req.stop) ? req.stop : [req.stop]).filter((s) => typeof s === "string" && s !== "");
    if (stops.length > 0) cfg.stopSequences = stops;
  }
  return Object.keys(cfg).length > 0 ? cfg : undefined;
}

function tools(req: ChatRequest, messages: ConverseMessage[]): { toolConfig?: ConverseInput["toolConfig"]; jsonMode: boolean } {
  const format = req.response_format?.type;
  const wantsJson = format === "json_object" || format === "json_schema";
  if (format !== undefined && format !== "text" && !wantsJson) throw badRequest(`response_format type '${String(format)}' is not supported.`, "response_format");
  const hasTools = Array.isArray(req.tools) && req.tools.length > 0;
  if (wantsJson) {
    if (hasTools) throw badRequest("response_format cannot be combined with tools on this gateway: JSON output is produced through a forced tool call.", "response_format");
    const rf = req.response_format as { type: string; json_schema?: { schema?: Record<string, unknown>; description?: string } };
    const schema = rf.type === "json_schema" ? (rf.json_schema?.schema ?? { type: "object" }) : { type: "object" };
    return {
      jsonMode: true,
      toolConfig: {
        tools: [{ toolSpec: { name: JSON_RESPONSE_TOOL, description: rf.json_schema?.description ?? "Give the answer as JSON through this tool.", inputSchema: { json: schema } } }],
        toolChoice: { tool: { name: JSON_RESPONSE_TOOL } },
      },
    };
  }
  if (!hasTools) return { jsonMode: false };
  const specs = req.tools!.map((t, i) => {
    if (t?.type !== "function" || typeof t.function?.name !== "string") throw badRequest("Only function tools are supported.", `tools[${i}]`);
    return { toolSpec: { name: t.function.name, ...(t.function.description ? { description: t.function.description } : {}), inputSchema: { json: t.function.parameters ?? { type: "object", properties: {} } } } };
  });
  const choice = req.tool_choice;
  if (choice === "none") {
    // Converse has no "none": drop the tools, unless the history holds tool blocks (then Converse needs them).
    const historyUsesTools = messages.some((m) => m.content.some((b) => "toolUse" in b || "toolResult" in b));
    return historyUsesTools ? { jsonMode: false, toolConfig: { tools: specs } } : { jsonMode: false };
  }
  const toolConfig: NonNullable<ConverseInput["toolConfig"]> = { tools: specs };
  if (choice === "required") toolConfig.toolChoice = { any: {} };
  else if (typeof choice === "object" && choice?.type === "function") toolConfig.toolChoice = { tool: { name: choice.function.name } };
  else if (choice === "auto") toolConfig.toolChoice = { auto: {} };
  return { jsonMode: false, toolConfig };
}
