import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judgeClients } from "../../src/clients/index.js";
import { runChecks, type CheckResult, type ClientVerdict } from "../../src/harness/index.js";
import { startScenario, type Scenario } from "../../fixtures/scenarios/index.js";
import { clientReplaySuite } from "../../suites/client-replay.js";

/** The blog's author: NextChat's web build on https, the stack output typed as its endpoint, default model. */
let scenario: Scenario;
let results: CheckResult[];
let verdicts: ClientVerdict[];

beforeAll(async () => {
  scenario = await startScenario("seed-2024");
  const clients = scenario.clients ?? [];
  const suite = clientReplaySuite(clients, { enteredUrl: scenario.enteredUrl, model: scenario.clientModel });
  results = await runChecks(suite.checks, {
    target: { enteredUrl: scenario.enteredUrl, baseUrl: scenario.url, mode: "embedded", urlTyped: true, scenario: scenario.name },
    key: scenario.key,
    options: { origin: scenario.origin, timeoutMs: 15_000, slow: false },
  });
  verdicts = judgeClients(results, { enteredUrl: scenario.enteredUrl, baseUrl: scenario.url, origin: scenario.origin, clientIds: clients });
});
afterAll(() => scenario?.close());

const verdict = (client: string): ClientVerdict => {
  const v = verdicts.find((x) => x.client === client);
  if (!v) throw new Error(`no verdict for ${client}`);
  return v;
};
const finding = (check: string, id: string) => results.find((r) => r.id === check)?.findings.find((f) => f.id === id);

describe("seed-2024: NextChat as the blog's author used it", () => {
  it("is broken", () => {
    expect(verdict("nextchat-web").verdict).toBe("broken");
  });

  it("names mixed content first: an https page cannot call the http ALB, so the person sees 'Failed to fetch'", () => {
    const v = verdict("nextchat-web");
    expect(v.because[0]).toBe("mixed-content-http-gateway");
    expect(v.sees).toContain("Failed to fetch");
  });

  it("names the doubled /v1 and tells the person to enter http://<alb>/api", () => {
    const v = verdict("nextchat-web");
    expect(v.because).toContain("base-url-double-v1");
    expect(v.enterUrl).toBe(scenario.enteredUrl.replace(/\/v1$/, ""));
  });

  it("shows the 404 NextChat would print as the reply at …/api/v1/v1/chat/completions", () => {
    const f = finding("client-replay.nextchat-web.url", "base-url-double-v1");
    expect(f?.args).toMatchObject({ called: `${scenario.enteredUrl}/v1/chat/completions`, status: 404 });
    expect(String(f?.args?.shown)).toContain('"detail": "Not Found"');
  });

  it("names the CORS-less 500 that a Bedrock error inside the stream becomes", () => {
    expect(verdict("nextchat-web").because).toContain("stream-error-cors-less-500");
    expect(finding("client-replay.nextchat-web.stream-error", "stream-error-cors-less-500")?.args).toMatchObject({ status: 500 });
  });

  it("names the buffered stream and NextChat's 60 s first-byte abort", () => {
    expect(verdict("nextchat-web").because).toContain("first-byte-timeout-buffered");
  });

  it("names gpt-3.5-turbo silently replaced by anthropic.claude-v2:1", () => {
    expect(verdict("nextchat-web").because).toContain("default-model-silently-replaced");
    expect(finding("client-replay.nextchat-web.chat", "default-model-silently-replaced")?.args).toEqual({
      requested: "gpt-3.5-turbo",
      served: "anthropic.claude-v2:1",
    });
  });

  it("lets the preflight through: BAG's Starlette CORS echoes origin and headers", () => {
    expect(results.find((r) => r.id === "client-replay.nextchat-web.preflight")?.status).toBe("pass");
  });
});

describe("seed-2024: the other clients", () => {
  it("curl with the full URL and claude-v2:1 works", () => {
    expect(verdict("curl")).toMatchObject({ verdict: "works", because: [] });
  });

  it("the macOS desktop app is broken by its webview's https rule", () => {
    expect(verdict("nextchat-desktop-macos")).toMatchObject({ verdict: "broken" });
    expect(verdict("nextchat-desktop-macos").because[0]).toBe("desktop-needs-https");
  });

  it("the Windows desktop app is not blocked, but shows the 404 as its reply", () => {
    const v = verdict("nextchat-desktop-windows");
    expect(v.because).not.toContain("desktop-needs-https");
    expect(v.because[0]).toBe("base-url-double-v1");
  });

  it("openai-node with the stack output works, degraded by the model replacement", () => {
    expect(verdict("openai-node")).toMatchObject({ verdict: "degraded", because: ["default-model-silently-replaced"] });
  });
});
