import { badRequest } from "../errors.js";

export interface EmbeddingsRequest {
  model: string;
  inputs: string[];
  encoding: "float" | "base64";
  dimensions?: number;
  /** Cohere only; not an OpenAI field. Defaults to search_document. */
  inputType: string;
}

export type EmbeddingFamily = "titan-v1" | "titan-v2" | "cohere";

/** Cohere's per-call cap on texts. */
export const COHERE_BATCH = 96;

export function parseEmbeddingsRequest(body: unknown): EmbeddingsRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("The request body must be a JSON object.");
  const b = body as Record<string, unknown>;
  if (typeof b.model !== "string" || b.model === "") throw badRequest("'model' is required and must be a string.", "model");
  const input = b.input;
  let inputs: string[];
  if (typeof input === "string") inputs = [input];
  else if (Array.isArray(input) && input.length > 0 && input.every((x) => typeof x === "string")) inputs = input as string[];
  else if (Array.isArray(input) && input.length > 0 && input.every((x) => typeof x === "number" || Array.isArray(x))) {
    throw badRequest("Token arrays are not supported: Bedrock embedding models take text. Send 'input' as a string or an array of strings.", "input");
  } else throw badRequest("'input' must be a non-empty string or array of strings.", "input");
  if (inputs.some((s) => s.trim() === "")) throw badRequest("'input' must not contain empty strings.", "input");
  const encoding = b.encoding_format ?? "float";
  if (encoding !== "float" && encoding !== "base64") throw badRequest("'encoding_format' must be 'float' or 'base64'.", "encoding_format");
  const dimensions = b.dimensions;
  if (dimensions !== undefined && (!Number.isInteger(dimensions) || (dimensions as number) < 1)) throw badRequest("'dimensions' must be a positive integer.", "dimensions");
  const inputType = typeof b.input_type === "string" ? b.input_type : "search_document";
  return { model: b.model, inputs, encoding, inputType, ...(dimensions !== undefined ? { dimensions: dimensions as number } : {}) };
}

export function embeddingFamily(modelId: string): EmbeddingFamily | undefined {
  if (/amazon\.titan-embed-text-v2/.test(modelId)) return "titan-v2";
  if (/amazon\.titan-embed-(text-v1|g1-text)/.test(modelId)) return "titan-v1";
  if (/cohere\.embed-/.test(modelId)) return "cohere";
  return undefined;
}

/** The InvokeModel bodies for one request: one per text for Titan, batches of ≤ 96 for Cohere. */
export function invokeBodies(family: EmbeddingFamily, req: EmbeddingsRequest): unknown[] {
  if (req.dimensions !== undefined && family !== "titan-v2") {
    throw badRequest("'dimensions' is only supported for amazon.titan-embed-text-v2:0 (256, 512 or 1024).", "dimensions");
  }
  if (family === "titan-v2" && req.dimensions !== undefined && ![256, 512, 1024].includes(req.dimensions)) {
    throw badRequest("Titan Text Embeddings v2 supports dimensions 256, 512 or 1024.", "dimensions");
  }
  if (family === "cohere") {
    const bodies: unknown[] = [];
    for (let i = 0; i < req.inputs.length; i += COHERE_BATCH) bodies.push({ texts: req.inputs.slice(i, i + COHERE_BATCH), input_type: req.inputType, truncate: "END" });
    return bodies;
  }
  if (family === "titan-v2") return req.inputs.map((inputText) => ({ inputText, ...(req.dimensions ? { dimensions: req.dimensions } : {}), normalize: true }));
  return req.inputs.map((inputText) => ({ inputText }));
}

/** One InvokeModel answer → its vectors and token count (Cohere reports none: estimated, see docs/gateway.md). */
export function parseInvokeResult(family: EmbeddingFamily, body: unknown, texts: readonly string[]): { vectors: number[][]; tokens: number } {
  const b = body as { embedding?: number[]; inputTextTokenCount?: number; embeddings?: number[][] | { float?: number[][] } };
  if (family !== "cohere") return { vectors: [b.embedding ?? []], tokens: b.inputTextTokenCount ?? 0 };
  const vectors = Array.isArray(b.embeddings) ? b.embeddings : (b.embeddings?.float ?? []);
  return { vectors, tokens: texts.reduce((n, t) => n + Math.ceil(t.length / 4), 0) };
}

/** float32 little-endian, base64: what openai-node and openai-python decode for encoding_format=base64. */
export function toBase64Float32(vector: readonly number[]): string {
  const view = new DataView(new ArrayBuffer(vector.length * 4));
  for (let i = 0; i < vector.length; i++) view.setFloat32(i * 4, vector[i] ?? 0, true);
  return Buffer.from(view.buffer).toString("base64");
}
