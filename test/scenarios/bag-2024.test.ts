import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBag2024, type BedrockLike } from "../../fixtures/gateways/bag-2024/index.js";

/** A Bedrock that answers "OK", or fails like boto3 does for the models listed in `denied`. */
const seen: string[] = [];
const denied = new Set(["anthropic.claude-3-haiku-20240307-v1:0"]);
const accessDenied = Object.assign(new Error("You don't have access to the model with the specified model ID."), { name: "AccessDeniedException" });
const bedrock: BedrockLike = {
  async converse(input) {
    seen.push(String(input.modelId));
    if (denied.has(String(input.modelId))) throw accessDenied;
    return { text: "OK", inputTokens: 3, outputTokens: 1, stopReason: "end_turn" };
  },
  async invokeModel(modelId, body) {
    seen.push(modelId);
    const texts = (body as { texts?: string[] }).texts ?? [];
    return { embeddings: texts.map(() => [0.5, -0.25]) };
  },
  async *converseStream(input) {
    seen.push(String(input.modelId));
    yield "O";
    if (denied.has(String(input.modelId))) throw accessDenied;
    yield "K";
  },
};

const KEY = "k";
let bag: { url: string; close(): Promise<void> };
beforeAll(async () => {
  bag = await startBag2024({ apiKey: KEY, bedrock });
});
afterAll(() => bag.close());

const origin = "https://app.nextchat.dev";
function post(path: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${KEY}`, origin }) {
  return fetch(`${bag.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}
const hi = [{ role: "user", content: "hi" }];

describe("bag-2024: BAG of July 2024 on Lambda (Mangum)", () => {
  it("serves only under /api/v1: /v1/chat/completions is FastAPI's 404 {detail}", async () => {
    const res = await fetch(`${bag.url.replace("/api/v1", "/v1")}/chat/completions`, { method: "POST" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ detail: "Not Found" });
  });

  it("answers a missing key with 403 Not authenticated (HTTPBearer)", async () => {
    const res = await post("/chat/completions", { model: "anthropic.claude-v2:1", messages: hi }, {});
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ detail: "Not authenticated" });
  });

  it("answers a wrong key with 401 Invalid API Key", async () => {
    const res = await post("/chat/completions", { model: "anthropic.claude-v2:1", messages: hi }, { authorization: "Bearer nope" });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ detail: "Invalid API Key" });
  });

  it("replaces any gpt-* model with DEFAULT_MODEL and says so only in the answer's model field", async () => {
    const res = await post("/chat/completions", { model: "gpt-3.5-turbo", messages: hi });
    expect(((await res.json()) as { model: string }).model).toBe("anthropic.claude-v2:1");
    expect(seen.at(-1)).toBe("anthropic.claude-v2:1");
  });

  it("refuses a model outside its hard-coded list with 400 {detail}", async () => {
    const res = await post("/chat/completions", { model: "amazon.nova-pro-v1:0", messages: hi });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/^Unsupported model amazon.nova-pro-v1:0/);
  });

  it("answers a body validation error as text/plain 400", async () => {
    const res = await post("/chat/completions", { model: "anthropic.claude-v2:1" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  });

  it("turns AccessDenied on a non-streamed call into 500 {detail: boto3 message}, with CORS", async () => {
    const res = await post("/chat/completions", { model: "anthropic.claude-3-haiku-20240307-v1:0", messages: hi });
    expect(res.status).toBe(500);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await res.json()).toEqual({
      detail: "An error occurred (AccessDeniedException) when calling the Converse operation: You don't have access to the model with the specified model ID.",
    });
  });

  it("turns an error inside a stream into Mangum's 500 text/plain without CORS headers", async () => {
    const res = await post("/chat/completions", { model: "anthropic.claude-3-haiku-20240307-v1:0", stream: true, messages: hi });
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(await res.text()).toBe("Internal Server Error");
  });

  it("streams chat.completion.chunk deltas ending with [DONE]", async () => {
    const text = await (await post("/chat/completions", { model: "anthropic.claude-v2:1", stream: true, messages: hi })).text();
    const data = text.split("\n\n").filter(Boolean).map((l) => l.replace(/^data: /, ""));
    expect(data.at(-1)).toBe("[DONE]");
    expect(data.slice(0, -1).map((d) => (JSON.parse(d) as { choices: { delta: { content?: string } }[] }).choices[0]!.delta.content ?? "").join("")).toBe("OK");
  });

  it("echoes the Origin and the requested headers on a preflight (Starlette, allow_credentials)", async () => {
    const res = await fetch(`${bag.url}/chat/completions`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(origin);
    expect(res.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
  });

  it("answers embeddings for an OpenAI name with DEFAULT_EMBEDDING_MODEL, base64 as float32", async () => {
    const res = await post("/embeddings", { model: "text-embedding-3-small", input: ["a", "b"], encoding_format: "base64" });
    const out = (await res.json()) as { model: string; data: { embedding: string; index: number }[] };
    expect(out.model).toBe("cohere.embed-multilingual-v3");
    expect(out.data.map((d) => d.index)).toEqual([0, 1]);
    expect([...new Float32Array(Uint8Array.from(Buffer.from(out.data[0]!.embedding, "base64")).buffer)]).toEqual([0.5, -0.25]);
  });

  it("crashes on an unknown /models/{id} with a CORS-less 500", async () => {
    const res = await fetch(`${bag.url}/models/nope`, { headers: { authorization: `Bearer ${KEY}`, origin } });
    expect(res.status).toBe(500);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});
