import { describe, expect, it } from "vitest";
import { COHERE_BATCH, invokeBodies, parseEmbeddingsRequest, toBase64Float32 } from "../../src/gateway/embeddings/index.js";
import type { GatewayError } from "../../src/gateway/errors.js";

describe("embeddings mapping", () => {
  it("encodes base64 as little-endian float32, as the openai SDKs decode it", () => {
    const v = [0.5, -1.25, 3.1415927];
    const buf = Buffer.from(toBase64Float32(v), "base64");
    const decoded = Array.from({ length: v.length }, (_, i) => buf.readFloatLE(i * 4));
    decoded.forEach((x, i) => expect(Math.abs(x - (v[i] ?? 0))).toBeLessThan(1e-6));
  });

  it("batches Cohere texts by at most 96 per call", () => {
    const req = parseEmbeddingsRequest({ model: "cohere.embed-english-v3", input: Array.from({ length: 200 }, (_, i) => `t${i}`) });
    const bodies = invokeBodies("cohere", req) as { texts: string[] }[];
    expect(bodies.map((b) => b.texts.length)).toEqual([COHERE_BATCH, COHERE_BATCH, 8]);
  });

  it("sends Titan one text per call, with dimensions for v2", () => {
    const bodies = invokeBodies("titan-v2", parseEmbeddingsRequest({ model: "amazon.titan-embed-text-v2:0", input: ["a", "b"], dimensions: 256 }));
    expect(bodies).toEqual([{ inputText: "a", dimensions: 256, normalize: true }, { inputText: "b", dimensions: 256, normalize: true }]);
  });

  it("refuses token arrays with a clear 400", () => {
    expect(() => parseEmbeddingsRequest({ model: "m", input: [1, 2, 3] })).toThrow(/Token arrays/);
  });

  it("refuses dimensions for models other than Titan v2", () => {
    const err = (() => {
      try {
        invokeBodies("cohere", parseEmbeddingsRequest({ model: "cohere.embed-english-v3", input: "a", dimensions: 256 }));
      } catch (e) {
        return e as GatewayError;
      }
    })();
    expect([err?.status, err?.param]).toEqual([400, "dimensions"]);
  });
});
