import { countTokens, hash32 } from "./answer.js";
import { AwsError } from "./errors.js";

/** InvokeModel bodies of the embedding models: Titan text v1/v2 and Cohere embed v3, exact shapes. */

type Json = Record<string, unknown>;

export interface InvokeResult {
  body: string;
  inputTokens: number;
  outputTokens: number;
}

/** Bedrock reports body-schema failures as one ValidationException listing every problem. */
export function malformed(problems: string[]): AwsError {
  return new AwsError("ValidationException", `Malformed input request: ${problems.join(", ")}, please reformat your input and try again.`);
}

/** Required / allowed keys, in Bedrock's JSON-schema wording. */
export function checkKeys(body: Json, required: string[], allowed: string[]): void {
  const problems: string[] = [];
  for (const key of Object.keys(body)) if (!allowed.includes(key)) problems.push(`#: extraneous key [${key}] is not permitted`);
  for (const key of required) if (!(key in body)) problems.push(`#: required key [${key}] not found`);
  if (problems.length > 0) throw malformed(problems);
}

/** A unit (or raw) vector that depends only on the text: same text, same embedding. */
export function embed(text: string, dims: number, normalize: boolean): number[] {
  let state = hash32(text) || 1;
  const v = new Array<number>(dims);
  let norm = 0;
  for (let i = 0; i < dims; i++) {
    // mulberry32: tiny, fast, good enough to spread values.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const x = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
    v[i] = x;
    norm += x * x;
  }
  const scale = normalize ? 1 / Math.sqrt(norm) : 1;
  for (let i = 0; i < dims; i++) v[i] = Math.round((v[i] as number) * scale * 1e7) / 1e7;
  return v;
}

function titanText(body: Json): string {
  if (typeof body.inputText !== "string") throw malformed([`#/inputText: expected type: String, found: ${typeName(body.inputText)}`]);
  if (body.inputText.length === 0) throw malformed(["#/inputText: expected minLength: 1, actual: 0"]);
  return body.inputText;
}

function typeName(v: unknown): string {
  if (v === null) return "Null";
  if (Array.isArray(v)) return "JSONArray";
  if (typeof v === "object") return "JSONObject";
  return typeof v === "number" ? "Integer" : typeof v === "boolean" ? "Boolean" : "String";
}

export function titanV1(body: Json): InvokeResult {
  checkKeys(body, ["inputText"], ["inputText"]);
  const text = titanText(body);
  const inputTokens = countTokens(text);
  return { body: JSON.stringify({ embedding: embed(text, 1536, false), inputTextTokenCount: inputTokens }), inputTokens, outputTokens: 0 };
}

export function titanV2(body: Json): InvokeResult {
  checkKeys(body, ["inputText"], ["inputText", "dimensions", "normalize", "embeddingTypes"]);
  const text = titanText(body);
  const dims = body.dimensions ?? 1024;
  if (dims !== 256 && dims !== 512 && dims !== 1024) throw malformed([`#/dimensions: ${String(dims)} is not a valid enum value`]);
  const normalize = body.normalize === undefined ? true : body.normalize === true;
  const inputTokens = countTokens(text);
  const embedding = embed(text, dims, normalize);
  const out: Json = { embedding, inputTextTokenCount: inputTokens };
  if (Array.isArray(body.embeddingTypes) && body.embeddingTypes.includes("float")) out.embeddingsByType = { float: embedding };
  return { body: JSON.stringify(out), inputTokens, outputTokens: 0 };
}

const INPUT_TYPES = ["search_document", "search_query", "classification", "clustering"];
const TRUNCATE = ["NONE", "START", "END"];

export function cohereV3(body: Json, modelId: string): InvokeResult {
  checkKeys(body, ["input_type"], ["texts", "images", "input_type", "truncate", "embedding_types"]);
  const texts = body.texts;
  if (!Array.isArray(texts) || !texts.every((t) => typeof t === "string")) {
    throw malformed([`#/texts: expected type: JSONArray, found: ${typeName(texts)}`]);
  }
  if (texts.length > 96) throw malformed([`#/texts: expected maximum item count: 96, found: ${texts.length}`]);
  if (!INPUT_TYPES.includes(String(body.input_type))) throw malformed([`#/input_type: ${String(body.input_type)} is not a valid enum value`]);
  if (body.truncate !== undefined && !TRUNCATE.includes(String(body.truncate))) {
    throw malformed([`#/truncate: ${String(body.truncate)} is not a valid enum value`]);
  }
  const strings = texts as string[];
  const vectors = strings.map((t) => embed(t, 1024, true));
  const inputTokens = strings.reduce((n, t) => n + countTokens(t), 0);
  const byType = Array.isArray(body.embedding_types);
  const id = `${hash32(modelId + strings.join("\u0000")).toString(16).padStart(8, "0")}-0000-4000-8000-${hash32(strings.join("\u0001")).toString(16).padStart(12, "0")}`;
  return {
    body: JSON.stringify({
      id,
      texts: strings,
      embeddings: byType ? { float: vectors } : vectors,
      response_type: byType ? "embeddings_by_type" : "embeddings_floats",
    }),
    inputTokens,
    outputTokens: 0,
  };
}

/** The embedding body handler for a model id, if it is an embedding model. */
export function embeddingHandler(modelId: string): ((body: Json) => InvokeResult) | undefined {
  if (modelId.startsWith("amazon.titan-embed-text-v1")) return titanV1;
  if (modelId.startsWith("amazon.titan-embed-text-v2")) return titanV2;
  if (modelId.startsWith("cohere.embed-")) return (body) => cohereV3(body, modelId);
  return undefined;
}
