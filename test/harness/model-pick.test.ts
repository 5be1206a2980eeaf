import { describe, expect, it } from "vitest";
import { listedModelIds, pickChatModel, pickEmbeddingModel } from "../../src/harness/index.js";

const listed = [
  "anthropic.claude-3-5-sonnet-20240620-v1:0",
  "amazon.nova-micro-v1:0",
  "amazon.nova-lite-v1:0",
  "apac.anthropic.claude-3-haiku-20240307-v1:0",
  "amazon.titan-embed-text-v2:0",
  "cohere.embed-multilingual-v3",
];

describe("model choice", () => {
  it("picks the cheapest chat model that takes system prompts, tools and images, and says why", () => {
    const choice = pickChatModel(listed);
    expect(choice?.model).toBe("amazon.nova-lite-v1:0");
    expect(choice?.reason).toMatch(/cheapest chat model/);
  });

  it("falls back to the cheapest priced chat model when none is full-featured", () => {
    expect(pickChatModel(["anthropic.claude-v2:1", "anthropic.claude-instant-v1"])?.model).toBe("anthropic.claude-instant-v1");
  });

  it("never picks an embedding model for chat", () => {
    expect(pickChatModel(["amazon.titan-embed-text-v2:0", "some.unknown-model"])?.model).toBe("some.unknown-model");
  });

  it("picks the cheapest embedding model", () => {
    expect(pickEmbeddingModel(listed)?.model).toBe("amazon.titan-embed-text-v2:0");
  });

  it("reads ids from an OpenAI /models answer", () => {
    expect(listedModelIds({ object: "list", data: [{ id: "a" }, { id: 3 }, {}] })).toEqual(["a"]);
    expect(listedModelIds({ detail: "nope" })).toEqual([]);
  });
});
