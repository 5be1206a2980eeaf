import { type Answer, countTokens, type Prompt } from "./answer.js";
import { DEFAULT_MAX_TOKENS } from "./converse.js";
import { checkKeys, malformed } from "./embeddings.js";
import { AwsError } from "./errors.js";
import type { StreamEvent } from "./stream.js";
import type { CatalogModel } from "./types.js";

/**
 * The legacy Anthropic Text Completions body (`prompt` + `max_tokens_to_sample`) that older gateways send to
 * Claude v2 / Claude Instant. Claude 3 and later reject it and point at the Messages API.
 */

type Json = Record<string, unknown>;

const HUMAN = "\n\nHuman:";
const ASSISTANT = "\n\nAssistant:";
const ALLOWED = ["prompt", "max_tokens_to_sample", "temperature", "top_k", "top_p", "stop_sequences", "anthropic_version"];

export function isTextCompletionBody(body: Json): boolean {
  return "prompt" in body && !("messages" in body);
}

function supportsTextCompletions(model: CatalogModel): boolean {
  return /^anthropic\.claude-(v2|instant)/.test(model.modelId);
}

export function parseTextCompletion(body: Json, model: CatalogModel): Prompt {
  if (!supportsTextCompletions(model)) {
    const name = model.modelId.replace(/^anthropic\./, "").replace(/-v\d+(:\d+)?$/, "");
    throw new AwsError("ValidationException", `"${name}" is not supported on this API. Please use the Messages API instead.`);
  }
  checkKeys(body, ["prompt", "max_tokens_to_sample"], ALLOWED);
  const prompt = typeof body.prompt === "string" ? body.prompt : "";
  const firstHuman = prompt.indexOf(HUMAN);
  if (firstHuman < 0) throw new AwsError("ValidationException", `prompt must start with "${HUMAN.replace(/\n/g, "\\n")}" turn after an optional system prompt`);
  if (!prompt.trimEnd().endsWith(ASSISTANT.trim())) {
    throw new AwsError("ValidationException", `prompt must end with "${ASSISTANT.replace(/\n/g, "\\n")}" turn`);
  }
  const max = body.max_tokens_to_sample;
  if (typeof max !== "number" || !Number.isInteger(max) || max < 1) throw malformed([`#/max_tokens_to_sample: ${String(max)} is not greater or equal to 1`]);
  const lastHuman = prompt.lastIndexOf(HUMAN);
  const end = prompt.lastIndexOf(ASSISTANT.trim());
  const lastUserText = prompt.slice(lastHuman + HUMAN.length, end > lastHuman ? end : undefined).trim();
  return {
    modelId: model.modelId,
    modelName: model.modelName,
    lastUserText,
    lastToolResults: [],
    inputTokens: Math.max(1, countTokens(prompt.replaceAll(HUMAN, " ").replaceAll(ASSISTANT, " "))),
    maxTokens: Math.min(max, model.maxOutputTokens ?? DEFAULT_MAX_TOKENS),
    stopSequences: Array.isArray(body.stop_sequences) ? body.stop_sequences.filter((s): s is string => typeof s === "string") : [],
    tools: [],
    toolChoice: "auto",
  };
}

function stopOf(a: Answer): { stop_reason: string; stop: string | null } {
  if (a.stopReason === "max_tokens") return { stop_reason: "max_tokens", stop: null };
  return { stop_reason: "stop_sequence", stop: a.stopSequence ?? HUMAN };
}

function textOf(a: Answer): string {
  return a.blocks.map((b) => (b.kind === "text" ? b.text : "")).join("");
}

export function textCompletionBody(a: Answer): string {
  return JSON.stringify({ type: "completion", completion: ` ${textOf(a)}`, ...stopOf(a) });
}

function chunk(payload: unknown, delta = false): StreamEvent {
  return { type: "chunk", payload: { bytes: Buffer.from(JSON.stringify(payload)).toString("base64") }, delta };
}

export function textCompletionStreamEvents(a: Answer, startedAt: number): StreamEvent[] {
  const deltas = a.blocks.flatMap((b) => (b.kind === "text" ? b.deltas : []));
  const events = deltas.map((d, i) => chunk({ type: "completion", completion: i === 0 ? ` ${d}` : d, stop_reason: null, stop: null }, true));
  events.push({
    type: "chunk",
    payload: () => {
      const latency = Date.now() - startedAt;
      const metrics = { inputTokenCount: a.inputTokens, outputTokenCount: a.outputTokens, invocationLatency: latency, firstByteLatency: latency };
      const last = { type: "completion", completion: "", ...stopOf(a), "amazon-bedrock-invocationMetrics": metrics };
      return { bytes: Buffer.from(JSON.stringify(last)).toString("base64") };
    },
  });
  return events;
}
