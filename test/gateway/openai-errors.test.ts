import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support.js";

/** Errors as openai-node's classes, each from a real Bedrock-side cause in an emulated account. */
let current: Stack; // us-east-1-current: everything granted, no IAM restriction
let seed: Stack; // ap-northeast-1-2024-07: the blog's account (Claude 3 listed, access not granted)
let tokyo: Stack; // ap-northeast-1-2024-11: APAC profiles, IAM policy on foundation-model/* only
beforeAll(async () => {
  [current, seed, tokyo] = await Promise.all([startStack(), startStack({ catalog: "ap-northeast-1-2024-07" }), startStack({ catalog: "ap-northeast-1-2024-11" })]);
});
afterAll(async () => {
  await Promise.all([current?.close(), seed?.close(), tokyo?.close()]);
});

const HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
const hi = [{ role: "user" as const, content: "hi" }];

async function failure(p: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await p;
  } catch (err) {
    if (err instanceof OpenAI.APIError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

describe("errors through openai-node", () => {
  it("a wrong key raises AuthenticationError", async () => {
    const err = await failure(current.client({ apiKey: "sk-not-the-key" }).models.list());
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it("a model whose access is not granted raises PermissionDeniedError saying so", async () => {
    const err = await failure(seed.client().chat.completions.create({ model: HAIKU, messages: hi }));
    expect(err).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(err.code).toBe("model_access_not_granted");
    expect(err.message).toMatch(/Model access/);
  });

  it("an IAM policy without inference-profile/* raises PermissionDeniedError naming the IAM fix", async () => {
    const err = await failure(tokyo.client().chat.completions.create({ model: "anthropic.claude-3-5-sonnet-20240620-v1:0", messages: hi }));
    expect(err).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(err.code).toBe("iam_access_denied");
    expect(err.message).toContain("inference-profile/*");
  });

  it("the same IAM denial on a stream is a 403 before the stream starts, not an event after a 200", async () => {
    const err = await failure(tokyo.client().chat.completions.create({ model: "anthropic.claude-3-5-sonnet-20240620-v1:0", messages: hi, stream: true }));
    expect(err).toBeInstanceOf(OpenAI.PermissionDeniedError);
  });

  it("an OpenAI model name raises NotFoundError (no silent substitution)", async () => {
    const err = await failure(current.client().chat.completions.create({ model: "gpt-3.5-turbo", messages: hi }));
    expect(err).toBeInstanceOf(OpenAI.NotFoundError);
    expect(err.code).toBe("model_not_found");
  });

  it("n > 1 raises BadRequestError naming the parameter", async () => {
    const err = await failure(current.client().chat.completions.create({ model: HAIKU, messages: hi, n: 2 }));
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect(err.param).toBe("n");
  });

  it("throttling raises RateLimitError carrying Retry-After", async () => {
    current.emu.faults.throttleNext(1);
    const err = await failure(current.client().chat.completions.create({ model: HAIKU, messages: hi }));
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    expect(err.headers?.get("retry-after")).toBe("1");
  });

  it("the SDK's retry honours Retry-After and then succeeds", async () => {
    current.emu.faults.throttleNext(1);
    const before = current.emu.stats.byOperation.Converse ?? 0;
    const r = await current.client({ maxRetries: 1 }).chat.completions.create({ model: HAIKU, messages: hi });
    expect(r.choices[0]?.message.content).toMatch(/\S/);
    expect((current.emu.stats.byOperation.Converse ?? 0) - before).toBe(2);
  });

  it("Bedrock ServiceUnavailable and ModelTimeout become 503 and 504 (InternalServerError, retryable)", async () => {
    current.emu.faults.unavailableNext(1);
    const unavailable = await failure(current.client().chat.completions.create({ model: HAIKU, messages: hi }));
    current.emu.faults.modelTimeoutNext(1);
    const timeout = await failure(current.client().chat.completions.create({ model: HAIKU, messages: hi }));
    expect([unavailable.status, timeout.status]).toEqual([503, 504]);
    expect(unavailable).toBeInstanceOf(OpenAI.InternalServerError);
  });

  it("a Bedrock exception mid-stream surfaces as an APIError from the SDK's iterator", async () => {
    current.emu.faults.failStreamAfter(3, "modelStreamErrorException");
    try {
      const stream = await current.client().chat.completions.create({ model: HAIKU, messages: hi, stream: true });
      const err = await failure((async () => {
        for await (const _ of stream) void _;
      })());
      expect(err.message).toMatch(/failed while answering/);
    } finally {
      current.emu.faults.clear();
    }
  });
});
