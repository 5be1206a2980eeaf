import type { UsageMeter } from "./types.js";

export interface ModelCall {
  model?: string;
  promptTokens?: number;
  completionTokens?: number;
}

export interface UsageTotals extends UsageMeter {
  /** The HTTP client calls this for every 2xx POST to …/chat/completions or …/embeddings. */
  recordAuto(call: ModelCall): void;
  totals(): { modelCalls: number; promptTokens: number; completionTokens: number };
}

/**
 * Counts what a run cost (a probe, not a workload). Calls made through `ctx.http` are counted
 * automatically; `ctx.usage.record` is for model calls a check makes some other way (e.g. an SDK).
 */
export function createUsageMeter(): UsageTotals {
  let modelCalls = 0;
  let promptTokens = 0;
  let completionTokens = 0;
  const add = (call: ModelCall) => {
    modelCalls += 1;
    promptTokens += call.promptTokens ?? 0;
    completionTokens += call.completionTokens ?? 0;
  };
  return {
    record: add,
    recordAuto: add,
    totals: () => ({ modelCalls, promptTokens, completionTokens }),
  };
}
