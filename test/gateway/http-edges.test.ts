import { describe, expect, it } from "vitest";
import { createGatewayApp } from "../../src/gateway/index.js";

/** The app without a reachable Bedrock: everything here is answered before any upstream call. */
const KEY = "sk-edge-test-4f1c9a";
const app = createGatewayApp({ region: "us-east-1", bedrockEndpoint: "http://127.0.0.1:9", credentials: { accessKeyId: "A", secretAccessKey: "B" }, apiKeys: ["other-key-123", KEY], bodyLimitBytes: 1024 });
const call = (path: string, init: RequestInit = {}) => app.fetch(new Request(`http://127.0.0.1${path}`, init));
const chatBody = JSON.stringify({ model: "m", messages: [{ role: "user", content: "hi" }] });

describe("auth", () => {
  it("answers a missing key with 401 in the OpenAI envelope", async () => {
    const res = await call("/api/v1/models");
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { type: "authentication_error", code: "missing_api_key" } });
  });

  it("answers a wrong key with 401 invalid_api_key, without echoing it", async () => {
    const res = await call("/v1/models", { headers: { authorization: "Bearer sk-wrong-secret-value" } });
    const text = await res.text();
    expect(res.status).toBe(401);
    expect(JSON.parse(text)).toMatchObject({ error: { code: "invalid_api_key" } });
    expect(text).not.toContain("sk-wrong-secret-value");
  });

  it("accepts any configured key, as Bearer or as x-api-key (past auth: the body check answers)", async () => {
    const bearer = await call("/api/v1/chat/completions", { method: "POST", headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" }, body: "{" });
    const xApiKey = await call("/api/v1/chat/completions", { method: "POST", headers: { "x-api-key": "other-key-123", "content-type": "application/json" }, body: "{" });
    expect([bearer.status, xApiKey.status]).toEqual([400, 400]);
  });

  it("serves /health without a key", async () => {
    expect((await call("/health")).status).toBe(200);
    expect((await call("/api/v1/health")).status).toBe(200);
  });
});

describe("CORS", () => {
  const preflight = () =>
    call("/api/v1/chat/completions", {
      method: "OPTIONS",
      headers: { origin: "https://app.nextchat.dev", "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type,x-stainless-os" },
    });

  it("answers a browser preflight from https://app.nextchat.dev with 204, without a key", async () => {
    const res = await preflight();
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("reflects the requested headers and sets Access-Control-Max-Age", async () => {
    const res = await preflight();
    expect(res.headers.get("access-control-allow-headers")).toBe("authorization, content-type, x-stainless-os");
    expect(Number(res.headers.get("access-control-max-age"))).toBeGreaterThan(0);
  });

  it("puts CORS headers on error responses too, so the browser shows the real error", async () => {
    const res = await call("/api/v1/models", { headers: { origin: "https://app.nextchat.dev" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("with an origin list, echoes an allowed origin and refuses another one's preflight", async () => {
    const strict = createGatewayApp({ region: "us-east-1", corsOrigins: ["https://chat.example.com"], apiKeys: [KEY] });
    const ok = await strict.fetch(new Request("http://127.0.0.1/v1/models", { method: "OPTIONS", headers: { origin: "https://chat.example.com", "access-control-request-method": "GET" } }));
    const no = await strict.fetch(new Request("http://127.0.0.1/v1/models", { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "GET" } }));
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://chat.example.com");
    expect(no.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("limits and unknown URLs", () => {
  it("answers a body over the limit with 413 in the OpenAI envelope", async () => {
    const res = await call("/api/v1/chat/completions", { method: "POST", headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" }, body: JSON.stringify({ pad: "x".repeat(2048) }) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "request_too_large", type: "invalid_request_error" } });
  });

  it("answers invalid JSON with a 400 envelope, not text/plain", async () => {
    const res = await call("/v1/chat/completions", { method: "POST", headers: { authorization: `Bearer ${KEY}` }, body: "not json" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/json");
  });

  it("answers a doubled /v1/v1 with 404 and says which base URL to use", async () => {
    const res = await call("/api/v1/v1/chat/completions", { method: "POST", body: chatBody });
    expect(res.status).toBe(404);
    expect((await res.json()) as unknown).toMatchObject({ error: { code: "unknown_url", message: expect.stringContaining("/api") } });
  });
});
