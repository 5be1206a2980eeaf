import type { Handler } from "hono";
import { mapBedrockError, type ErrorContext } from "../bedrock-errors.js";
import { ChunkMapper, SSE_HEADERS, completionId, fetchRemoteImages, parseChatRequest, remoteImageUrls, sseStream, toChatCompletion, toConverseInput } from "../chat/index.js";
import type { GatewayContext } from "../context.js";
import { resolveModel } from "../model-resolution.js";
import { clientGone, clientGoneSignal, type ClientGone } from "../request-io.js";
import { UpstreamCall, settleWithin } from "../upstream-call.js";
import { readJson } from "./read-json.js";

/** POST /chat/completions: Converse for a JSON answer, ConverseStream for SSE. */
export function chatCompletions(g: GatewayContext): Handler {
  const { config } = g;
  return async (c) => {
    const gone = clientGone(c);
    const req = parseChatRequest(await readJson(c, config.bodyLimitBytes));
    const model = resolveModel(req.model, await g.catalog.tryGet(), config.modelAliases);
    const urls = remoteImageUrls(req.messages);
    const remote = urls.length > 0 ? await fetchImagesWhileClientWaits(urls, config.imageUrlAllowList, gone) : undefined;
    const { input, jsonMode } = toConverseInput(req, model.invokeId, remote);
    const errorContext: ErrorContext = { modelId: model.invokeId, region: config.region, suggestedProfile: model.suggestedProfile };
    const lean = await g.upstream.leanConverse();
    const call = new UpstreamCall(gone, config.upstreamTimeoutMs);
    const meta = { id: completionId(), created: Math.floor(Date.now() / 1000), model: model.invokeId, jsonMode };

    if (req.stream !== true) {
      try {
        // The mapping's plain JSON shapes are the Converse wire shapes: sent as they are, without the SDK's serde.
        const out = await lean.converse(input, call.signal);
        return c.json(toChatCompletion(out, meta));
      } catch (err) {
        throw mapBedrockError(call.signal.aborted ? call.signal.reason : err, errorContext);
      } finally {
        call.end();
      }
    }

    const events = lean.converseStream(input, call.signal);
    // Errors Bedrock reports before the stream starts (access, validation, throttling) get a real HTTP status;
    // only if Bedrock is slow to start does the 200 go out first, so keep-alives can flow while we wait.
    const early = await settleWithin(events, config.keepAliveMs);
    if (early && !early.ok) {
      call.end();
      throw mapBedrockError(call.signal.aborted ? call.signal.reason : early.error, errorContext);
    }
    const body = sseStream({
      events,
      mapper: new ChunkMapper({ ...meta, includeUsage: req.stream_options?.include_usage === true }),
      upstream: call.controller,
      keepAliveMs: config.keepAliveMs,
      onActivity: () => call.touch(),
      onEnd: (outcome, err) => {
        call.end();
        if (outcome === "error") config.log(`chat stream ${meta.id}: upstream failed mid-stream (${(err as Error | undefined)?.name ?? "Error"})`);
      },
      errorContext,
    });
    return new Response(body, { status: 200, headers: SSE_HEADERS });
  };
}

async function fetchImagesWhileClientWaits(urls: readonly string[], allowList: readonly string[], gone: ClientGone): ReturnType<typeof fetchRemoteImages> {
  const { signal, release } = clientGoneSignal(gone);
  try {
    return await fetchRemoteImages(urls, allowList, signal);
  } finally {
    release();
  }
}
