import type { Check, CheckContext, CheckOutcome, HttpResponse, Suite } from "../src/harness/index.js";
import { envelopeArgs, errorMessage, isOpenAiErrorEnvelope, isRecord } from "./support/envelope.js";
import { embeddingModel } from "./support/models.js";
import { describe, fail, finding, pass, sample, skip, unusable } from "./support/outcome.js";

const suite = "embeddings";

function embed(ctx: CheckContext, body: Record<string, unknown>): Promise<HttpResponse> {
  return ctx.http.request({ method: "POST", path: "/embeddings", body });
}

async function withEmbeddingModel(ctx: CheckContext, run: (model: string) => Promise<CheckOutcome>): Promise<CheckOutcome> {
  const model = await embeddingModel(ctx);
  if (!model) return skip("no embedding model given (--embedding-model) or listed by the gateway");
  return run(model);
}

/** `data[i].embedding` as numbers, or a reason it is not that. */
function vectors(json: unknown): { vectors: { index: unknown; embedding: unknown }[] } | { problem: string } {
  if (!isRecord(json)) return { problem: "the body is not a JSON object" };
  if (json.object !== "list") return { problem: `object is ${JSON.stringify(json.object)}, expected "list"` };
  if (!Array.isArray(json.data) || json.data.length === 0) return { problem: "no data array" };
  const out: { index: unknown; embedding: unknown }[] = [];
  for (const item of json.data) {
    if (!isRecord(item) || item.object !== "embedding") return { problem: "an item is not {object:\"embedding\"}" };
    out.push({ index: item.index, embedding: item.embedding });
  }
  return { vectors: out };
}

function isFloatArray(v: unknown): v is number[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number" && Number.isFinite(x));
}

/** The openai SDKs decode base64 embeddings as little-endian float32. */
export function decodeBase64Float32(b64: string): number[] {
  const buf = Buffer.from(b64, "base64");
  const out: number[] = [];
  for (let i = 0; i + 4 <= buf.length; i += 4) out.push(buf.readFloatLE(i));
  return out;
}

const floatShape: Check = {
  id: "embeddings.float-shape",
  suite,
  title: "encoding_format float answers a list of embeddings with numbers and usage",
  finds: ["embeddings-not-openai-shape"],
  run: (ctx) =>
    withEmbeddingModel(ctx, async (model) => {
      const res = await embed(ctx, { model, input: "hello", encoding_format: "float" });
      const bad = unusable(res);
      if (bad) return bad;
      const v = res.status === 200 ? vectors(res.json) : { problem: `status ${res.status}` };
      let problem = "problem" in v ? v.problem : undefined;
      if (!problem && "vectors" in v && !isFloatArray(v.vectors[0]?.embedding)) problem = "embedding is not an array of numbers";
      if (!problem && !(isRecord(res.json) && isRecord(res.json.usage))) problem = "no usage";
      if (!problem && "vectors" in v) return pass(`${(v.vectors[0]?.embedding as number[]).length} dimensions`);
      return fail(`${problem}: ${describe(res)}`, finding("embeddings-not-openai-shape", { model, problem: problem ?? "", body: sample(res.text, 100) }));
    }),
};

const base64: Check = {
  id: "embeddings.base64",
  suite,
  title: "encoding_format base64 decodes (float32 LE) to the float answer",
  finds: ["embeddings-base64-wrong"],
  run: (ctx) =>
    withEmbeddingModel(ctx, async (model) => {
      const asFloat = await embed(ctx, { model, input: "hello", encoding_format: "float" });
      const fv = asFloat.status === 200 ? vectors(asFloat.json) : undefined;
      const floats = fv && "vectors" in fv ? fv.vectors[0]?.embedding : undefined;
      if (!isFloatArray(floats)) return skip("no float embedding to compare with (see embeddings.float-shape)");
      // The openai SDKs ask for base64 by default: this is the request most clients really send.
      const res = await embed(ctx, { model, input: "hello", encoding_format: "base64" });
      const bad = unusable(res);
      if (bad) return bad;
      const bv = res.status === 200 ? vectors(res.json) : undefined;
      const b64 = bv && "vectors" in bv ? bv.vectors[0]?.embedding : undefined;
      let problem: string | undefined;
      if (res.status !== 200) problem = `status ${res.status}: ${sample(errorMessage(res), 80)}`;
      else if (typeof b64 !== "string") problem = `embedding is ${Array.isArray(b64) ? "an array" : typeof b64}, not a base64 string`;
      else {
        const decoded = decodeBase64Float32(b64);
        if (decoded.length !== floats.length) problem = `decodes to ${decoded.length} floats, the float answer has ${floats.length}`;
        else if (decoded.some((x, i) => Math.abs(x - (floats[i] as number)) > 1e-5)) problem = "decodes to different numbers than the float answer";
      }
      if (!problem) return pass();
      return fail(problem, finding("embeddings-base64-wrong", { model, problem }));
    }),
};

const batchOrder: Check = {
  id: "embeddings.batch-order",
  suite,
  title: "A batch answers one embedding per input, index 0..n-1 in input order",
  finds: ["embeddings-batch-order-wrong"],
  run: (ctx) =>
    withEmbeddingModel(ctx, async (model) => {
      const inputs = ["first text", "second text", "third text"];
      const res = await embed(ctx, { model, input: inputs, encoding_format: "float" });
      const bad = unusable(res);
      if (bad) return bad;
      const v = res.status === 200 ? vectors(res.json) : undefined;
      if (!v || !("vectors" in v)) return fail(`a batch of 3 got ${describe(res)}`, finding("embeddings-batch-order-wrong", { model, problem: `status ${res.status}` }));
      const indexes = v.vectors.map((x) => x.index);
      if (v.vectors.length !== inputs.length || indexes.some((ix, i) => ix !== i)) {
        return fail(`indexes ${JSON.stringify(indexes)}`, finding("embeddings-batch-order-wrong", { model, problem: `${v.vectors.length} embeddings with index ${JSON.stringify(indexes)}` }));
      }
      // Order by content: each batch item must equal the single-input embedding of the same text.
      const single = await embed(ctx, { model, input: inputs[0], encoding_format: "float" });
      const sv = single.status === 200 ? vectors(single.json) : undefined;
      const one = sv && "vectors" in sv ? sv.vectors[0]?.embedding : undefined;
      const first = v.vectors[0]?.embedding;
      if (isFloatArray(one) && isFloatArray(first) && one.some((x, i) => Math.abs(x - (first[i] as number)) > 1e-4)) {
        return fail("batch item 0 differs from the embedding of the same text alone", finding("embeddings-batch-order-wrong", { model, problem: "items are not in input order" }));
      }
      return pass();
    }),
};

const emptyInput: Check = {
  id: "embeddings.empty-input",
  suite,
  title: "An empty input is refused with a 400 envelope",
  finds: ["embeddings-empty-input-not-400"],
  run: (ctx) =>
    withEmbeddingModel(ctx, async (model) => {
      const res = await embed(ctx, { model, input: "" });
      const bad = unusable(res);
      if (bad) return bad;
      if (res.status === 400 && isOpenAiErrorEnvelope(res.json)) return pass();
      return fail(`empty input got ${describe(res)}`, finding("embeddings-empty-input-not-400", { model, ...envelopeArgs(res, "POST /embeddings with input \"\"") }));
    }),
};

const dimensions: Check = {
  id: "embeddings.dimensions",
  suite,
  title: "dimensions is honoured, or refused with a 400 that says so",
  finds: ["embeddings-dimensions-ignored"],
  run: (ctx) =>
    withEmbeddingModel(ctx, async (model) => {
      const res = await embed(ctx, { model, input: "hello", encoding_format: "float", dimensions: 256 });
      const bad = unusable(res);
      if (bad) return bad;
      if (res.status === 400 && isOpenAiErrorEnvelope(res.json)) return pass(`refused: ${sample(errorMessage(res), 80)}`);
      const v = res.status === 200 ? vectors(res.json) : undefined;
      const e = v && "vectors" in v ? v.vectors[0]?.embedding : undefined;
      if (isFloatArray(e) && e.length === 256) return pass();
      const got = isFloatArray(e) ? `${e.length} dimensions` : describe(res);
      return fail(`dimensions 256 gave ${got}`, finding("embeddings-dimensions-ignored", { model, got }));
    }),
};

export const embeddings: Suite = {
  id: suite,
  title: "Embeddings",
  checks: [floatShape, base64, batchOrder, emptyInput, dimensions],
};
