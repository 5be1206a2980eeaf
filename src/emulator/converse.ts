import { countTokens, type Prompt, type ToolSpec } from "./answer.js";
import { AwsError } from "./errors.js";
import type { CatalogModel } from "./types.js";

/** Validates a Converse / ConverseStream body the way the real service does and reduces it to a Prompt. */

const IMAGE_FORMATS = ["png", "jpeg", "gif", "webp"];
export const DEFAULT_MAX_TOKENS = 4096;

type Json = Record<string, unknown>;

function invalid(message: string): AwsError {
  return new AwsError("ValidationException", message);
}

function constraint(value: unknown, at: string, rule: string): AwsError {
  return invalid(`1 validation error detected: Value '${String(value)}' at '${at}' failed to satisfy constraint: ${rule}`);
}

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function textOf(blocks: unknown): string {
  if (!Array.isArray(blocks)) return "";
  return blocks
    .map((b) => (isObject(b) && typeof b.text === "string" ? b.text : isObject(b) && b.json !== undefined ? JSON.stringify(b.json) : ""))
    .filter(Boolean)
    .join(" ");
}

interface Inference {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences: string[];
}

function checkInference(raw: unknown, model: CatalogModel, rejectsBoth: boolean): Inference {
  const cfg = isObject(raw) ? raw : {};
  const { maxTokens, temperature, topP, stopSequences } = cfg;
  if (maxTokens !== undefined) {
    if (typeof maxTokens !== "number" || !Number.isInteger(maxTokens)) throw constraint(maxTokens, "inferenceConfig.maxTokens", "Member must be an integer");
    if (maxTokens < 1) throw constraint(maxTokens, "inferenceConfig.maxTokens", "Member must have value greater than or equal to 1");
    const limit = model.maxOutputTokens ?? DEFAULT_MAX_TOKENS;
    if (maxTokens > limit) {
      throw invalid(`The maximum tokens you requested exceeds the model limit of ${limit}. Try again with a maximum tokens value that is lower than ${limit}.`);
    }
  }
  for (const [name, v] of [["temperature", temperature], ["topP", topP]] as const) {
    if (v === undefined) continue;
    if (typeof v !== "number") throw constraint(v, `inferenceConfig.${name}`, "Member must be a number");
    if (v < 0) throw constraint(v, `inferenceConfig.${name}`, "Member must have value greater than or equal to 0");
    if (v > 1) throw constraint(v, `inferenceConfig.${name}`, "Member must have value less than or equal to 1");
  }
  if (rejectsBoth && temperature !== undefined && topP !== undefined) {
    throw invalid("`temperature` and `top_p` cannot both be specified for this model. Please use only one.");
  }
  const stops = Array.isArray(stopSequences) ? stopSequences.filter((s): s is string => typeof s === "string") : [];
  return {
    maxTokens: maxTokens as number | undefined,
    temperature: temperature as number | undefined,
    topP: topP as number | undefined,
    stopSequences: stops,
  };
}

function checkContent(content: unknown, i: number, model: CatalogModel): number {
  if (!Array.isArray(content) || content.length === 0) {
    throw invalid(`The content field in the Message object at messages.${i} is empty. Add a ContentBlock object to the content field and try again.`);
  }
  let tokens = 0;
  content.forEach((block: unknown, j) => {
    if (!isObject(block)) throw constraint(block, `messages.${i + 1}.member.content.${j + 1}.member`, "Member must be a ContentBlock");
    if ("text" in block) {
      if (typeof block.text !== "string" || block.text.trim() === "") {
        throw invalid(`The text field in the ContentBlock object at messages.${i}.content.${j} is blank. Add text to the text field, and try again.`);
      }
      tokens += countTokens(block.text);
    } else if ("image" in block) {
      const image = isObject(block.image) ? block.image : {};
      if (!IMAGE_FORMATS.includes(String(image.format))) {
        throw constraint(image.format, `messages.${i + 1}.member.content.${j + 1}.member.image.format`, `Member must satisfy enum value set: [${IMAGE_FORMATS.join(", ")}]`);
      }
      if (!model.inputModalities.includes("IMAGE")) {
        throw invalid("This model doesn't support the image content block that you provided. Try again with a supported content block.");
      }
      tokens += 1;
    } else if ("toolUse" in block) {
      tokens += countTokens(JSON.stringify(isObject(block.toolUse) ? (block.toolUse.input ?? {}) : {}));
    } else if ("toolResult" in block) {
      tokens += countTokens(textOf(isObject(block.toolResult) ? block.toolResult.content : []));
    }
  });
  return tokens;
}

function parseTools(raw: unknown, model: CatalogModel): { tools: ToolSpec[]; choice: Prompt["toolChoice"] } {
  if (!isObject(raw)) return { tools: [], choice: "auto" };
  if (model.toolUse === false) throw invalid("This model doesn't support tool use.");
  const tools: ToolSpec[] = [];
  const list = Array.isArray(raw.tools) ? raw.tools : [];
  if (list.length === 0) throw constraint("[]", "toolConfig.tools", "Member must have length greater than or equal to 1");
  for (const t of list) {
    const spec = isObject(t) && isObject(t.toolSpec) ? t.toolSpec : undefined;
    if (!spec || typeof spec.name !== "string") continue;
    const schema = isObject(spec.inputSchema) && isObject(spec.inputSchema.json) ? spec.inputSchema.json : undefined;
    tools.push({ name: spec.name, description: typeof spec.description === "string" ? spec.description : undefined, schema });
  }
  const tc = isObject(raw.toolChoice) ? raw.toolChoice : {};
  const choice: Prompt["toolChoice"] = isObject(tc.tool) && typeof tc.tool.name === "string" ? { name: tc.tool.name } : "any" in tc ? "any" : "auto";
  return { tools, choice };
}

/** Throws ValidationException with the real service's wording; returns the Prompt to answer. */
export function parseConverse(body: Json, model: CatalogModel, rejectsTemperatureWithTopP: boolean): Prompt {
  if (!model.outputModalities.includes("TEXT")) {
    throw invalid("This action doesn't support the model that you provided. Try again with a supported text or chat model.");
  }
  const messages = body.messages;
  if (messages !== undefined && !Array.isArray(messages)) throw constraint(typeof messages, "messages", "Member must be a list");
  const list = (messages ?? []) as unknown[];
  let inputTokens = 0;
  if (Array.isArray(body.system)) inputTokens += countTokens(textOf(body.system));
  let previous: string | undefined;
  list.forEach((m, i) => {
    const msg = isObject(m) ? m : {};
    const role = msg.role;
    if (role !== "user" && role !== "assistant") {
      throw constraint(role, `messages.${i + 1}.member.role`, "Member must satisfy enum value set: [user, assistant]");
    }
    if (i === 0 && role !== "user") {
      throw invalid("A conversation must start with a user message. Try again with a conversation that starts with a user message.");
    }
    if (role === previous) {
      throw invalid("A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.");
    }
    previous = role;
    inputTokens += checkContent(msg.content, i, model);
  });
  if (list.length === 0) {
    throw invalid("A conversation must start with a user message. Try again with a conversation that starts with a user message.");
  }
  const inference = checkInference(body.inferenceConfig, model, rejectsTemperatureWithTopP);
  const { tools, choice } = parseTools(body.toolConfig, model);
  const lastUser = [...list].reverse().find((m) => isObject(m) && m.role === "user") as Json;
  const content = lastUser.content as unknown[];
  const lastToolResults = content
    .filter((b): b is Json => isObject(b) && isObject(b.toolResult))
    .map((b) => {
      const r = b.toolResult as Json;
      return { toolUseId: String(r.toolUseId ?? ""), text: textOf(r.content) };
    });
  return {
    modelId: model.modelId,
    modelName: model.modelName,
    lastUserText: textOf(content),
    lastToolResults,
    inputTokens: Math.max(1, inputTokens),
    maxTokens: inference.maxTokens ?? model.maxOutputTokens ?? DEFAULT_MAX_TOKENS,
    stopSequences: inference.stopSequences,
    tools,
    toolChoice: choice,
  };
}
