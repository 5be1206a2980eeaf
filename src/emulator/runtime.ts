import { type Answer, composeAnswer, type Prompt } from "./answer.js";
import { anthropicBody, anthropicStreamEvents, parseAnthropic } from "./anthropic.js";
import { isTextCompletionBody, parseTextCompletion, textCompletionBody, textCompletionStreamEvents } from "./anthropic-text.js";
import type { CatalogIndex } from "./catalog.js";
import { parseConverse } from "./converse.js";
import { converseBody, converseStreamEvents } from "./converse-output.js";
import { embeddingHandler, type InvokeResult } from "./embeddings.js";
import { AwsError } from "./errors.js";
import type { Faults } from "./faults.js";
import { type CancelToken, parseJsonObject, type Res, sendJson, sleep, watchClose } from "./http.js";
import { type InvokeAction, resolveModel } from "./resolve.js";
import { writeEventStream } from "./stream.js";
import type { CatalogModel, EmulatorStats } from "./types.js";

export type RuntimeOperation = "Converse" | "ConverseStream" | "InvokeModel" | "InvokeModelWithResponseStream";

export interface RuntimeContext {
  index: CatalogIndex;
  stats: EmulatorStats;
  faults: Faults;
  requestId: string;
  startedAt: number;
}

const STREAMING = new Set<RuntimeOperation>(["ConverseStream", "InvokeModelWithResponseStream"]);

function parseInvokeBody(body: Buffer): Record<string, unknown> {
  try {
    return parseJsonObject(body);
  } catch {
    throw new AwsError("ValidationException", "Malformed input request, please reformat your input and try again.");
  }
}

function isAnthropic(model: CatalogModel): boolean {
  return model.modelId.startsWith("anthropic.");
}

/** Everything that can fail before the first byte: parse, resolve, validate, then injected faults and latency. */
async function prepare(op: RuntimeOperation, ctx: RuntimeContext, rawModelId: string, raw: Buffer, token: CancelToken) {
  const invoke = op === "InvokeModel" || op === "InvokeModelWithResponseStream";
  const body = invoke ? parseInvokeBody(raw) : parseJsonObject(raw);
  const action: InvokeAction = STREAMING.has(op) ? "bedrock:InvokeModelWithResponseStream" : "bedrock:InvokeModel";
  const { model } = resolveModel(ctx.index, rawModelId, action);
  if (STREAMING.has(op) && !model.responseStreamingSupported) {
    throw new AwsError("ValidationException", "The model is unsupported for streaming.");
  }
  const rejects = ctx.index.rejectsTemperatureWithTopP.has(model.modelId);
  let prompt: Prompt | undefined;
  let embedding: InvokeResult | undefined;
  let legacy = false;
  if (!invoke) {
    prompt = parseConverse(body, model, rejects);
  } else {
    const embed = embeddingHandler(model.modelId);
    if (embed) embedding = embed(body);
    else if (isAnthropic(model) && isTextCompletionBody(body)) {
      prompt = parseTextCompletion(body, model);
      legacy = true;
    } else if (isAnthropic(model)) prompt = parseAnthropic(body, model, rejects);
    else {
      throw new AwsError("ValidationException", `The emulator answers InvokeModel for Anthropic Messages and embedding bodies only; call ${model.modelId} with Converse.`);
    }
  }
  const fault = ctx.faults.takeInvocationFault();
  if (fault) throw fault;
  await sleep(ctx.faults.latency, token);
  return { model, prompt, embedding, legacy };
}

function invokeHeaders(inputTokens: number, outputTokens: number, startedAt: number): Record<string, string> {
  return {
    "x-amzn-bedrock-input-token-count": String(inputTokens),
    "x-amzn-bedrock-output-token-count": String(outputTokens),
    "x-amzn-bedrock-invocation-latency": String(Date.now() - startedAt),
  };
}

export async function handleRuntime(op: RuntimeOperation, ctx: RuntimeContext, rawModelId: string, raw: Buffer, res: Res): Promise<void> {
  const token = watchClose(res);
  const { model, prompt, embedding, legacy } = await prepare(op, ctx, rawModelId, raw, token);
  if (embedding) {
    sendJson(res, 200, ctx.requestId, embedding.body, invokeHeaders(embedding.inputTokens, 0, ctx.startedAt));
    return;
  }
  const answer: Answer = composeAnswer(prompt as Prompt);
  const streamCtx = { stats: ctx.stats, faults: ctx.faults, requestId: ctx.requestId, token };
  switch (op) {
    case "Converse":
      sendJson(res, 200, ctx.requestId, converseBody(answer, Date.now() - ctx.startedAt));
      return;
    case "ConverseStream":
      await writeEventStream(streamCtx, res, converseStreamEvents(answer, ctx.startedAt));
      return;
    case "InvokeModel": {
      const body = legacy ? textCompletionBody(answer) : anthropicBody(answer, model.modelId);
      sendJson(res, 200, ctx.requestId, body, invokeHeaders(answer.inputTokens, answer.outputTokens, ctx.startedAt));
      return;
    }
    case "InvokeModelWithResponseStream":
      await writeEventStream(
        { ...streamCtx, headers: { "x-amzn-bedrock-content-type": "application/json" } },
        res,
        legacy ? textCompletionStreamEvents(answer, ctx.startedAt) : anthropicStreamEvents(answer, model.modelId, ctx.startedAt),
      );
      return;
  }
}
