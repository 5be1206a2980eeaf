import type { Dispatcher } from "undici";
import { normalizeBaseUrl, probeBaseUrl, type BaseUrlProbe, type NormalizedBaseUrl } from "./base-url.js";
import { createHttpClient } from "./http.js";
import { listedModelIds, pickChatModel, pickEmbeddingModel, type ModelChoice } from "./model-pick.js";
import { stripUrlCredentials } from "./redact.js";
import { isUnreachable } from "./transport-error.js";
import type { Exchange, Target, TransportError } from "./types.js";

export interface PrepareTargetOptions {
  /** The URL the harness calls (as typed, or the embedded gateway's base). */
  entered: string;
  /**
   * What the person typed into their client when it is not the URL called (`--entered-url`, or a
   * scenario's ALB host name standing for a 127.0.0.1 socket). Client verdicts are judged on it.
   */
  label?: string;
  key?: string;
  mode: Target["mode"];
  front?: string;
  scenario?: string;
  timeoutMs: number;
  /** `--model` / `--embedding-model`; when absent, the cheapest listed model is chosen. */
  model?: string;
  /** Why `model` was given (default "given with --model"). */
  modelReason?: string;
  embeddingModel?: string;
  dispatcher?: Dispatcher;
}

export interface PreparedTarget {
  target: Target;
  normalized: NormalizedBaseUrl;
  probe: BaseUrlProbe;
  /** Set when nothing answered at connect level: the CLI exits 3. */
  unreachable?: TransportError;
  /** Set when the target connected but never answered the probe (silent or endless): suites are skipped. */
  silent?: TransportError;
  chat?: ModelChoice;
  embedding?: ModelChoice;
  /** The probe's requests, for the `target.base-url` evidence. */
  exchanges: Exchange[];
}

/**
 * Everything before the suites: normalise what was typed, find the base that answers (the `/v1` trap),
 * and choose the models to probe with. Throws only on a URL that is not a URL (a usage error).
 */
export async function prepareTarget(opts: PrepareTargetOptions): Promise<PreparedTarget> {
  const normalized = normalizeBaseUrl(opts.entered);
  const exchanges: Exchange[] = [];
  const client = createHttpClient({
    target: { baseUrl: normalized.baseUrl },
    key: opts.key,
    timeoutMs: opts.timeoutMs,
    dispatcher: opts.dispatcher,
    onExchange: (e) => exchanges.push(e),
  });
  let probe: BaseUrlProbe;
  try {
    probe = await probeBaseUrl(client, normalized);
  } finally {
    await client.close();
  }
  const target: Target = { enteredUrl: opts.label ? stripUrlCredentials(opts.label.trim()) : normalized.entered, baseUrl: probe.baseUrl, mode: opts.mode, urlTyped: opts.mode === "remote" || opts.label !== undefined };
  if (opts.front) target.front = opts.front;
  if (opts.scenario) target.scenario = opts.scenario;
  const prepared: PreparedTarget = { target, normalized, probe, exchanges };
  if (isUnreachable(probe.error)) prepared.unreachable = probe.error;
  else if (probe.error) prepared.silent = probe.error;

  const ids = listedModelIds(probe.modelsJson);
  prepared.chat = opts.model
    ? { model: opts.model, reason: opts.modelReason ?? "given with --model" }
    : pickChatModel(ids);
  prepared.embedding = opts.embeddingModel
    ? { model: opts.embeddingModel, reason: "given with --embedding-model" }
    : pickEmbeddingModel(ids);
  return prepared;
}
