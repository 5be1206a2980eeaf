import type { CheckContext, HttpResponse } from "../../src/harness/index.js";
import { isRecord } from "./envelope.js";

export interface ListedModels {
  res: HttpResponse;
  /** Ids found in an OpenAI-shaped list (`data[].id`); empty when the shape is wrong. */
  ids: string[];
}

/**
 * The model list is read by many checks; one request per run is enough. Keyed by the target object the
 * runner hands every check, so two runs never share a cache.
 */
const listCache = new WeakMap<object, Promise<ListedModels>>();

export function listModels(ctx: CheckContext): Promise<ListedModels> {
  let cached = listCache.get(ctx.target);
  if (!cached) {
    cached = ctx.http.request({ method: "GET", path: "/models" }).then((res) => ({ res, ids: idsOf(res.json) }));
    listCache.set(ctx.target, cached);
  }
  return cached;
}

export function idsOf(json: unknown): string[] {
  if (!isRecord(json) || !Array.isArray(json.data)) return [];
  return json.data.flatMap((m) => (isRecord(m) && typeof m.id === "string" ? [m.id] : []));
}

export function isEmbeddingModelId(id: string): boolean {
  return /embed/i.test(id);
}

/** Image, speech and rerank models are listed by some gateways but cannot answer a chat probe. */
function isChatCandidate(id: string): boolean {
  return !isEmbeddingModelId(id) && !/image|canvas|stable-diffusion|sd3|reel|rerank|sonic|whisper|tts|dall-e/i.test(id);
}

const chosenCache = new WeakMap<object, Promise<string | undefined>>();
/** A model that answers is worth a few one-token calls: a listed model the account cannot use would skip every chat check. */
const MAX_MODEL_TRIES = 4;

/**
 * The chat model to probe with: the one the runner resolved (--model, or its pick), else the first listed chat
 * model that answers a one-token call.
 */
export async function chatModel(ctx: CheckContext): Promise<string | undefined> {
  if (ctx.options.model) return ctx.options.model;
  let chosen = chosenCache.get(ctx.target);
  if (!chosen) {
    chosen = firstAnswering(ctx);
    chosenCache.set(ctx.target, chosen);
  }
  return chosen;
}

async function firstAnswering(ctx: CheckContext): Promise<string | undefined> {
  const candidates = (await listModels(ctx)).ids.filter(isChatCandidate);
  for (const model of candidates.slice(0, MAX_MODEL_TRIES)) {
    const res = await ctx.http.request({ method: "POST", path: "/chat/completions", body: { model, messages: [{ role: "user", content: "Say OK." }], max_tokens: 1 } });
    if (res.status === 200) {
      ctx.note(`no model given: probing with ${model}, the first listed chat model that answered`);
      return model;
    }
  }
  return candidates[0];
}

export async function embeddingModel(ctx: CheckContext): Promise<string | undefined> {
  if (ctx.options.embeddingModel) return ctx.options.embeddingModel;
  const { ids } = await listModels(ctx);
  return ids.find(isEmbeddingModelId);
}

export async function chatModels(ctx: CheckContext): Promise<string[]> {
  const { ids } = await listModels(ctx);
  return ids.filter(isChatCandidate);
}
