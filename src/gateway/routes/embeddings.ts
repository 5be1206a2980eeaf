import type { Handler } from "hono";
import { mapBedrockError } from "../bedrock-errors.js";
import type { GatewayContext } from "../context.js";
import { badRequest } from "../errors.js";
import { embeddingFamily, invokeBodies, parseEmbeddingsRequest, parseInvokeResult, toBase64Float32 } from "../embeddings/index.js";
import { resolveModel } from "../model-resolution.js";
import { clientGone } from "../request-io.js";
import { UpstreamCall } from "../upstream-call.js";
import { readJson } from "./read-json.js";

/** Titan embeds one text per call (Cohere 96): at most this many calls run at once per request. */
const CONCURRENCY = 8;
const decoder = new TextDecoder();

/** POST /embeddings: Titan (v1, v2) and Cohere v3 via InvokeModel; `index` order is the input order. */
export function embeddings(g: GatewayContext): Handler {
  const { config } = g;
  return async (c) => {
    const gone = clientGone(c);
    const req = parseEmbeddingsRequest(await readJson(c, config.bodyLimitBytes));
    const model = resolveModel(req.model, await g.catalog.tryGet(), config.modelAliases);
    const family = embeddingFamily(model.invokeId);
    if (!family) throw badRequest(`'${req.model}' is not an embedding model this gateway knows (Titan Text Embeddings v1/v2, Cohere Embed).`, "model", "model_not_embedding");
    const bodies = invokeBodies(family, req);
    const { sdk, client } = await g.upstream.runtimeClient();
    const call = new UpstreamCall(gone, config.upstreamTimeoutMs);
    const results: { vectors: number[][]; tokens: number }[] = new Array(bodies.length);
    try {
      let next = 0;
      const worker = async () => {
        while (next < bodies.length) {
          const i = next++;
          const out = await client.send(
            new sdk.InvokeModelCommand({ modelId: model.invokeId, contentType: "application/json", accept: "application/json", body: JSON.stringify(bodies[i]) }),
            { abortSignal: call.signal },
          );
          const texts = family === "cohere" ? (bodies[i] as { texts: string[] }).texts : [];
          results[i] = parseInvokeResult(family, JSON.parse(decoder.decode(out.body)), texts);
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, bodies.length) }, worker));
    } catch (err) {
      const cause = call.signal.aborted ? call.signal.reason : err; // a timeout or a client gone, else Bedrock's error
      call.controller.abort(); // the sibling calls are pointless now
      throw mapBedrockError(cause, { modelId: model.invokeId, region: config.region, suggestedProfile: model.suggestedProfile });
    } finally {
      call.end();
    }
    let index = 0;
    let tokens = 0;
    const data: { object: "embedding"; index: number; embedding: number[] | string }[] = [];
    for (const r of results) {
      tokens += r.tokens;
      for (const v of r.vectors) data.push({ object: "embedding", index: index++, embedding: req.encoding === "base64" ? toBase64Float32(v) : v });
    }
    return c.json({ object: "list", data, model: model.invokeId, usage: { prompt_tokens: tokens, total_tokens: tokens } });
  };
}
