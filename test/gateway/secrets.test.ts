import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createGatewayApp } from "../../src/gateway/index.js";
import { KEY, startStack, type Stack } from "./support.js";

/** The key never leaves the gateway: not in its log lines, not in any response body. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ catalog: "ap-northeast-1-2024-07" });
});
afterAll(async () => {
  await stack?.close();
});

const WRONG = "sk-wrong-4c0ffee-key";

describe("key hygiene", () => {
  it("neither the key nor a wrong key appears in logs or error bodies, across successes and failures", async () => {
    const bodies: string[] = [];
    const send = async (key: string | undefined, path: string, payload?: unknown) => {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (key) headers.authorization = `Bearer ${key}`;
      const res = await fetch(`${stack.gw.url}${path}`, payload === undefined ? { headers } : { method: "POST", headers, body: JSON.stringify(payload) });
      bodies.push(await res.text());
    };
    const chat = (model: string, extra: object = {}) => ({ model, messages: [{ role: "user", content: `my key is ${KEY}` }], ...extra });
    await send(WRONG, "/models");
    await send(undefined, "/models");
    await send(KEY, "/models");
    await send(KEY, "/chat/completions", chat("anthropic.claude-v2:1"));
    await send(KEY, "/chat/completions", chat("anthropic.claude-v2:1", { stream: true }));
    await send(KEY, "/chat/completions", chat("anthropic.claude-3-haiku-20240307-v1:0")); // access not granted
    await send(KEY, "/chat/completions", chat("gpt-4o")); // unknown model
    await send(KEY, "/chat/completions", { model: 1 }); // invalid
    await send(KEY, "/v1/v1/models"); // unknown URL
    const everything = [...stack.logs, ...bodies].join("\n");
    expect(stack.logs.length).toBeGreaterThan(5);
    expect(bodies.some((b) => b.includes('"error"'))).toBe(true);
    expect(everything).not.toContain(WRONG);
    // The prompt echoes the key back in the answer body (the emulator repeats the prompt), so only error bodies
    // and logs are checked for the real key.
    expect([...stack.logs, ...bodies.filter((b) => b.includes('"error"'))].join("\n")).not.toContain(KEY);
  });
});

describe("key from SSM Parameter Store", () => {
  const ssm = mockClient(SSMClient);
  afterAll(() => ssm.restore());

  it("accepts the parameter's key, reads it once for many requests, and masks it in logs", async () => {
    const secret = "sk-from-ssm-b7a1d2e3";
    ssm.on(GetParameterCommand, { Name: "BedrockProxyAPIKey", WithDecryption: true }).resolves({ Parameter: { Value: secret } });
    const logs: string[] = [];
    const app = createGatewayApp({ region: "us-east-1", apiKeyParam: "BedrockProxyAPIKey", logger: (l) => logs.push(l), bedrockEndpoint: "http://127.0.0.1:9" });
    const statuses = [];
    for (const key of [secret, secret, "sk-nope"]) {
      const res = await app.fetch(new Request("http://127.0.0.1/v1/chat/completions", { method: "POST", headers: { authorization: `Bearer ${key}` }, body: "{" }));
      statuses.push(res.status);
    }
    expect(statuses).toEqual([400, 400, 401]); // past auth, the invalid JSON answers
    expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(1);
    expect(logs.join("\n")).not.toContain(secret);
  });

  describe("when the copy of the key expires", () => {
    const chat = async (app: ReturnType<typeof createGatewayApp>, key: string): Promise<Response> =>
      app.fetch(new Request("http://127.0.0.1/v1/chat/completions", { method: "POST", headers: { authorization: `Bearer ${key}` }, body: "{" }));
    const fresh = () => createGatewayApp({ region: "us-east-1", apiKeyParam: "RotatingKey", logger: () => undefined, bedrockEndpoint: "http://127.0.0.1:9" });
    const SIX_MINUTES = 6 * 60_000;
    beforeEach(() => ssm.reset());
    afterEach(() => vi.useRealTimers());

    it("lets a matching key through at once while SSM is read again in the background", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      let reads = 0;
      // The first read answers; the re-read never does (SSM slow or unreachable).
      ssm.on(GetParameterCommand).callsFake(() => (++reads === 1 ? Promise.resolve({ Parameter: { Value: "sk-old-1111" } }) : new Promise(() => undefined)));
      const app = fresh();
      expect((await chat(app, "sk-old-1111")).status).toBe(400);
      vi.setSystemTime(Date.now() + SIX_MINUTES);
      const answered = await Promise.race([chat(app, "sk-old-1111").then((r) => r.status), new Promise((r) => setTimeout(() => r("still waiting on SSM"), 500))]);
      expect(answered).toBe(400);
      expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(2);
    });

    it("accepts the rotated key: a key the expired copy does not match waits for the new read", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      ssm.on(GetParameterCommand).resolvesOnce({ Parameter: { Value: "sk-old-2222" } }).resolves({ Parameter: { Value: "sk-new-3333" } });
      const app = fresh();
      expect((await chat(app, "sk-old-2222")).status).toBe(400);
      vi.setSystemTime(Date.now() + SIX_MINUTES);
      expect((await chat(app, "sk-new-3333")).status).toBe(400);
      expect((await chat(app, "sk-old-2222")).status).toBe(401);
    });

    it("keeps the key it had when SSM fails, and asks again only after a pause", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      ssm.on(GetParameterCommand).resolvesOnce({ Parameter: { Value: "sk-kept-4444" } }).rejects(Object.assign(new Error("throttled"), { name: "ThrottlingException" }));
      const app = fresh();
      expect((await chat(app, "sk-kept-4444")).status).toBe(400);
      vi.setSystemTime(Date.now() + SIX_MINUTES);
      for (let i = 0; i < 5; i += 1) expect((await chat(app, "sk-kept-4444")).status).toBe(400);
      expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(2);
    });
  });
});
