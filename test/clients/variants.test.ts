import { afterAll, describe, expect, it } from "vitest";
import { enterUrlFor, getProfile, judgeClients } from "../../src/clients/index.js";
import { runChecks, type ClientVerdict } from "../../src/harness/index.js";
import { findVariant, goodFake, startFake } from "../../fixtures/gateways/index.js";
import { CHAT_MODEL } from "../../fixtures/gateways/_fake/index.js";
import { clientReplaySuite } from "../../suites/client-replay.js";

const ORIGIN = "https://app.nextchat.dev";

/**
 * Client verdicts each corpus variant must produce, keyed by variant name. Each client types the base that is
 * right for it and selects the gateway's model, so only the variant's fault shows — except where the row says
 * `clientDefaultModel` (the client's own default, e.g. NextChat's gpt-3.5-turbo).
 */
interface Expectation {
  client: string;
  verdict: ClientVerdict["verdict"];
  because?: string[];
  clientDefaultModel?: boolean;
}

const table: Record<string, Expectation[]> = {
  "no-cors": [
    // Fixing the preflight alone would not do: the answer itself carries no CORS header either.
    { client: "nextchat-web", verdict: "broken", because: ["cors-not-enabled", "cors-missing-on-response"] },
    { client: "openai-node", verdict: "works" },
  ],
  "preflight-needs-auth": [
    { client: "nextchat-web", verdict: "broken", because: ["cors-preflight-requires-auth"] },
    { client: "curl", verdict: "works" },
  ],
  "cors-allow-headers-wildcard": [{ client: "nextchat-web", verdict: "broken", because: ["cors-allow-headers-missing-authorization"] }],
  "cors-headers-no-stainless": [
    { client: "openai-node-browser", verdict: "broken", because: ["cors-allow-headers-incomplete"] },
    { client: "nextchat-web", verdict: "works" },
  ],
  "sse-json-content-type": [
    { client: "nextchat-web", verdict: "broken", because: ["sse-wrong-content-type"] },
    { client: "openai-node", verdict: "works" },
  ],
  "sse-buffered": [
    { client: "nextchat-web", verdict: "degraded", because: ["first-byte-timeout-buffered"] },
    { client: "curl", verdict: "works" },
  ],
  "gpt-mapped-to-default": [
    // The variant maps gpt-* on the non-streamed route, which the SDKs use by default.
    { client: "openai-node", verdict: "degraded", because: ["default-model-silently-replaced"], clientDefaultModel: true },
    { client: "openai-python", verdict: "degraded", because: ["default-model-silently-replaced"], clientDefaultModel: true },
    { client: "curl", verdict: "works" },
  ],
  "temp-top-p-rejected": [
    { client: "nextchat-web", verdict: "broken", because: ["client-default-request-rejected"] },
    { client: "openai-node", verdict: "works" },
  ],
  "strict-schema": [
    { client: "nextchat-web", verdict: "broken", because: ["client-default-request-rejected"] },
    { client: "openai-node", verdict: "works" },
  ],
  "http-alb-hostname": [
    { client: "nextchat-web", verdict: "broken", because: ["mixed-content-http-gateway"] },
    { client: "nextchat-desktop-windows", verdict: "works" },
    { client: "openai-node", verdict: "works" },
  ],
  "sse-no-done": [{ client: "nextchat-web", verdict: "works" }],
};

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of closers) await c();
});

async function judge(gateway: { url: string; key: string; resolve?: { host: string; address: string } }, e: Expectation): Promise<ClientVerdict> {
  const profile = getProfile(e.client)!;
  // The URL as the person knows it (maybe an ALB name), and the socket that answers for it.
  const socket = gateway.resolve ? gateway.url.replace(gateway.resolve.host, gateway.resolve.address) : gateway.url;
  const enteredUrl = enterUrlFor(profile, gateway.url) ?? gateway.url;
  const opts = { enteredUrl, ...(e.clientDefaultModel ? {} : { model: CHAT_MODEL }) };
  const results = await runChecks(clientReplaySuite([e.client], opts).checks, {
    target: { enteredUrl, baseUrl: socket, mode: "remote", urlTyped: true },
    key: gateway.key,
    options: { origin: ORIGIN, timeoutMs: 10_000, slow: false },
  });
  return judgeClients(results, { enteredUrl, baseUrl: socket, origin: ORIGIN, clientIds: [e.client] })[0]!;
}

describe("client verdicts on the broken-gateway corpus", () => {
  for (const [name, expectations] of Object.entries(table)) {
    it(`${name}: ${expectations.map((e) => `${e.client} ${e.verdict}`).join(", ")}`, async () => {
      const variant = findVariant(name);
      if (!variant) throw new Error(`no variant ${name} in fixtures/gateways`);
      const gateway = await variant.start();
      closers.push(() => gateway.close());
      for (const e of expectations) {
        const v = await judge(gateway, e);
        expect({ client: e.client, verdict: v.verdict, because: v.because }).toEqual({ client: e.client, verdict: e.verdict, because: e.because ?? [] });
      }
    });
  }

  it("the known-good fake: every replayed client works", async () => {
    const gateway = await startFake(goodFake);
    closers.push(() => gateway.close());
    for (const client of ["nextchat-web", "nextchat-desktop-windows", "openai-node", "openai-node-browser", "openai-python", "lobechat", "open-webui", "curl"]) {
      const v = await judge(gateway, { client, verdict: "works" });
      expect({ client, verdict: v.verdict, because: v.because, sees: v.sees }).toEqual({ client, verdict: "works", because: [], sees: undefined });
    }
  });
});
