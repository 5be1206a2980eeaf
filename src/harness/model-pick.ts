/** Models whose Converse support covers system prompts, tool use and image input: the suites' needs. */
const FULL_FEATURED = /amazon\.nova-(lite|pro|premier)|anthropic\.claude-3-haiku|anthropic\.claude-3-(5-|7-)?sonnet|anthropic\.claude-(haiku|sonnet|opus)-4|anthropic\.claude-(3-)?opus/;

/**
 * `--model` defaults to the cheapest suitable model the gateway lists: a run is a probe, and against a real
 * deployment every call costs money. Prices are Bedrock on-demand USD per 1M input tokens (us-east-1, 2025);
 * they only rank, so being a little stale does no harm.
 */
const CHAT_PRICES: [RegExp, number][] = [
  // First choice: models that take everything the chat suites send (system prompt, tools, an image part).
  [/amazon\.nova-micro/, 0.035],
  [/amazon\.nova-lite/, 0.06],
  [/meta\.llama3-2-1b/, 0.1],
  [/meta\.llama3-2-3b/, 0.15],
  [/mistral\.mistral-7b/, 0.15],
  [/amazon\.titan-text-lite/, 0.15],
  [/amazon\.titan-text-express/, 0.2],
  [/meta\.llama3-1-8b|meta\.llama3-8b/, 0.22],
  [/anthropic\.claude-3-haiku/, 0.25],
  [/mistral\.mixtral-8x7b/, 0.45],
  [/cohere\.command-r-v1|cohere\.command-light/, 0.5],
  [/anthropic\.claude-instant/, 0.8],
  [/anthropic\.claude-3-5-haiku/, 0.8],
  [/amazon\.nova-pro/, 0.8],
  [/anthropic\.claude-haiku-4/, 1],
  [/anthropic\.claude-3-(5-|7-)?sonnet|anthropic\.claude-sonnet/, 3],
  [/anthropic\.claude-v2/, 8],
  [/anthropic\.claude-(3-)?opus|anthropic\.claude-opus/, 15],
];

const EMBEDDING_PRICES: [RegExp, number][] = [
  [/amazon\.titan-embed-text-v2/, 0.02],
  [/amazon\.titan-embed-text-v1|amazon\.titan-embed-g1-text/, 0.1],
  [/cohere\.embed-(english|multilingual)-v3/, 0.1],
  [/cohere\.embed-v4/, 0.12],
];

const NOT_CHAT = /embed|rerank|image|stable-diffusion|sd3|canvas|reel|sonic|titan-multimodal/i;

export interface ModelChoice {
  model: string;
  reason: string;
}

function priceOf(id: string, table: [RegExp, number][]): number | undefined {
  return table.find(([re]) => re.test(id))?.[1];
}

function cheapest(ids: readonly string[], table: [RegExp, number][], kind: string, suitable?: RegExp): ModelChoice | undefined {
  if (suitable) {
    const fit = ids.filter((id) => suitable.test(id));
    const choice = fit.length ? cheapest(fit, table, kind) : undefined;
    if (choice) {
      return { model: choice.model, reason: choice.reason.replace(`cheapest ${kind} model the gateway lists`, `cheapest ${kind} model the gateway lists that takes system prompts, tools and images`) };
    }
  }
  const priced = ids
    .map((id) => ({ id, price: priceOf(id, table) }))
    .filter((m): m is { id: string; price: number } => m.price !== undefined)
    .sort((a, b) => a.price - b.price || a.id.localeCompare(b.id));
  const best = priced[0];
  if (best) {
    return {
      model: best.id,
      reason: `cheapest ${kind} model the gateway lists (≈ $${best.price} per 1M input tokens on Bedrock on-demand; ${ids.length} listed); pass --${kind === "chat" ? "model" : "embedding-model"} to choose another`,
    };
  }
  const first = [...ids].sort()[0];
  if (first) return { model: first, reason: `no listed ${kind} model has a known price; took the first by name — pass --${kind === "chat" ? "model" : "embedding-model"} to choose` };
  return undefined;
}

/** Pick the chat model to probe with from the ids `/models` listed. */
export function pickChatModel(ids: readonly string[]): ModelChoice | undefined {
  return cheapest(ids.filter((id) => !NOT_CHAT.test(id)), CHAT_PRICES, "chat", FULL_FEATURED);
}

/** Pick the embedding model to probe with from the ids `/models` listed. */
export function pickEmbeddingModel(ids: readonly string[]): ModelChoice | undefined {
  return cheapest(ids.filter((id) => /embed/i.test(id) && !/image|multimodal/i.test(id)), EMBEDDING_PRICES, "embedding");
}

/** The ids of an OpenAI `/models` answer (`{ data: [{ id }] }`), tolerating a bare array. */
export function listedModelIds(json: unknown): string[] {
  const data = Array.isArray(json) ? json : (json as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) return [];
  return data.map((m) => (m as { id?: unknown } | undefined)?.id).filter((id): id is string => typeof id === "string");
}
