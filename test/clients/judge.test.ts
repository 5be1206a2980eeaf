import { describe, expect, it } from "vitest";
import { judgeClients, type JudgedResult } from "../../src/clients/index.js";

const alb = "http://bedrockproxy-123.ap-northeast-1.elb.amazonaws.com";
/** The seed: the stack output typed into NextChat's web build on an https page. */
const seed = { enteredUrl: `${alb}/api/v1`, baseUrl: "http://127.0.0.1:4567/api/v1", origin: "https://app.nextchat.dev" };

const replayed: JudgedResult[] = [
  { id: "client-replay.nextchat-web.chat", status: "fail", findings: [{ id: "default-model-silently-replaced", args: { requested: "gpt-3.5-turbo", served: "anthropic.claude-v2:1" } }] },
  { id: "client-replay.nextchat-web.stream-error", status: "fail", findings: [{ id: "stream-error-cors-less-500", args: { status: 500, contentType: "text/plain" } }] },
  { id: "chat-stream.arrives-incrementally", status: "warn", findings: [{ id: "sse-buffered-by-front" }] },
];

function verdictOf(client: string, results: JudgedResult[], ctx = seed) {
  const v = judgeClients(results, { ...ctx, clientIds: [client] })[0];
  if (!v) throw new Error(`no verdict for ${client}`);
  return v;
}

describe("judgeClients on the seed (BAG July 2024, ALB over http, NextChat on https)", () => {
  it("calls NextChat web broken and names every root cause in the order the person meets them", () => {
    const v = verdictOf("nextchat-web", replayed);
    expect(v.verdict).toBe("broken");
    expect(v.because).toEqual([
      "mixed-content-http-gateway",
      "base-url-double-v1",
      "stream-error-cors-less-500",
      "first-byte-timeout-buffered",
      "default-model-silently-replaced",
    ]);
  });

  it("says NextChat shows 'Failed to fetch', because the blocked request hides everything behind it", () => {
    expect(verdictOf("nextchat-web", replayed).sees).toMatch(/Failed to fetch.*mixed-content/);
  });

  it("tells the person to enter the base without /v1 in NextChat", () => {
    expect(verdictOf("nextchat-web", replayed).enterUrl).toBe(`${alb}/api`);
  });

  it("calls curl with the full URL works", () => {
    const v = verdictOf("curl", replayed);
    expect(v.verdict).toBe("works");
    expect(v.because).toEqual([]);
  });

  it("blocks the macOS desktop app (secure tauri:// page) with its own finding", () => {
    const v = verdictOf("nextchat-desktop-macos", replayed);
    expect(v.verdict).toBe("broken");
    expect(v.because[0]).toBe("desktop-needs-https");
    expect(v.because).not.toContain("mixed-content-http-gateway");
  });

  it("spares the Windows desktop app from mixed content (http://tauri.localhost) but not from the doubled /v1", () => {
    const v = verdictOf("nextchat-desktop-windows", replayed);
    expect(v.because).not.toContain("desktop-needs-https");
    expect(v.because).not.toContain("mixed-content-http-gateway");
    expect(v.because[0]).toBe("base-url-double-v1");
    expect(v.sees).toMatch(/404 body/);
  });

  it("spares the native desktop app (v2.15.4+) from CORS-less stream errors", () => {
    expect(verdictOf("nextchat-desktop", replayed).because).not.toContain("stream-error-cors-less-500");
  });

  it("calls openai-node with the stack output degraded only by the model replacement", () => {
    const v = verdictOf("openai-node", replayed);
    expect(v.verdict).toBe("degraded");
    expect(v.because).toEqual(["default-model-silently-replaced"]);
    expect(v.sees).toContain("anthropic.claude-v2:1");
  });
});

describe("judgeClients, other rules", () => {
  it("calls NextChat web works on an https gateway typed with the right base", () => {
    const fixed = { enteredUrl: "https://abc123.execute-api.ap-northeast-1.amazonaws.com/api", baseUrl: "http://127.0.0.1:4567/api/v1", origin: "https://app.nextchat.dev" };
    const v = verdictOf("nextchat-web", [], fixed);
    expect(v).toMatchObject({ verdict: "works", because: [] });
  });

  it("judges NextChat as given its own URL when nobody typed one (the embedded default)", () => {
    const embedded = { enteredUrl: "http://127.0.0.1:4567/api/v1", baseUrl: "http://127.0.0.1:4567/api/v1", origin: "https://app.nextchat.dev", urlTyped: false };
    const v = verdictOf("nextchat-web", [], embedded);
    expect(v).toMatchObject({ verdict: "works", because: [], enterUrl: "http://127.0.0.1:4567/api" });
  });

  it("still reports the doubled /v1 when the same URL was typed", () => {
    const typed = { enteredUrl: "http://127.0.0.1:4567/api/v1", baseUrl: "http://127.0.0.1:4567/api/v1", origin: "https://app.nextchat.dev", urlTyped: true };
    expect(verdictOf("nextchat-web", [], typed).because).toContain("base-url-double-v1");
  });

  it("reports base-url-https-prefixed when NextChat's endpoint has no scheme and the gateway is http", () => {
    const v = verdictOf("nextchat-web", [], { ...seed, enteredUrl: "bedrockproxy-123.ap-northeast-1.elb.amazonaws.com/api", baseUrl: `${alb}/api/v1` });
    expect(v.because).toContain("base-url-https-prefixed");
  });

  it("reports base-url-wrong-path when an SDK is given the base without /v1", () => {
    const v = verdictOf("openai-python", [], { ...seed, enteredUrl: `${alb}/api` });
    expect(v.because).toEqual(["base-url-wrong-path"]);
    expect(v.enterUrl).toBe(`${alb}/api/v1`);
  });

  it("counts a warning from a check the client depends on as degraded", () => {
    const v = verdictOf("open-webui", [{ id: "models.list-shape", status: "warn", findings: [{ id: "model-list-not-openai-shape" }] }]);
    expect(v).toMatchObject({ verdict: "degraded", because: ["model-list-not-openai-shape"] });
  });

  it("ignores findings the client does not care about (openai-python keeps a {detail} body readable)", () => {
    const results = [{ id: "auth.error-envelope", status: "fail", findings: [{ id: "error-envelope-not-openai" }] }];
    expect(verdictOf("openai-python", results).verdict).toBe("works");
    expect(verdictOf("openai-node", results).because).toEqual(["error-envelope-not-openai"]);
  });

  it("does not count a suite check that failed without a finding (another check owns the cause)", () => {
    expect(verdictOf("curl", [{ id: "auth.valid-key-accepted", status: "fail", findings: [] }]).verdict).toBe("works");
  });

  it("judges mixed content from the client's own page origin, not from the cors suite's result", () => {
    const results = [{ id: "cors.mixed-content", status: "fail", findings: [{ id: "mixed-content-http-gateway" }] }];
    const windows = verdictOf("nextchat-desktop-windows", results, { ...seed, enteredUrl: `${alb}/api` });
    expect(windows.verdict).toBe("works");
  });

  it("does not let one client's replay count against another", () => {
    expect(verdictOf("lobechat", replayed).because).not.toContain("stream-error-cors-less-500");
  });

  it("does not throw when what was typed is not a URL", () => {
    expect(verdictOf("nextchat-web", [], { ...seed, enteredUrl: "::not a url::", baseUrl: "also not" }).client).toBe("nextchat-web");
  });

  it("judges every profile when no client is named", () => {
    expect(judgeClients([], seed).length).toBeGreaterThanOrEqual(9);
  });
});
