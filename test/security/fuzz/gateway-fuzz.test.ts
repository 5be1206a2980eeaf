import { Agent } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, envelopeProblem, toAnswer } from "../support/envelope.js";
import { countUnhandled, watchRss } from "../support/memory.js";
import { sendRaw } from "../support/raw-http.js";
import { type RunningEmulator, createGatewayApp, gatewayConfig, newKey, onDemandModel, startEmulator, startGateway } from "../support/stack.js";
import { type FuzzRequest, badRequests } from "./bad-requests.js";

/** `npm run fuzz` sets 10,000; `npm test` runs a smaller sample. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
/** The slice sent over real HTTP (sockets, the Node adapter, header parsing): a tenth, at least 50. */
const HTTP_RUNS = Math.max(50, Math.round(RUNS / 10));
const BODY_LIMIT = 64 * 1024;

let emu: RunningEmulator;
let app: ReturnType<typeof createGatewayApp>;
let key: string;
let model: string;

beforeAll(async () => {
  emu = await startEmulator({ chunkDelayMs: 0 });
  key = newKey();
  model = onDemandModel(emu);
  app = createGatewayApp(gatewayConfig(emu, key, { bodyLimitBytes: BODY_LIMIT, upstreamTimeoutMs: 5_000 }));
});
afterAll(async () => {
  await emu?.close();
});

/** Why this answer is wrong for this request, or undefined. */
export function judge(r: FuzzRequest, a: Answer): string | undefined {
  if (a.status >= 500) return `${a.status} for ${r.why}: ${a.text.slice(0, 300)}`;
  if (r.mustFail && a.status < 400) return `${a.status} (expected a 4xx) for ${r.why}`;
  if (a.status >= 400) {
    const problem = envelopeProblem(a);
    if (problem) return `${a.status} for ${r.why} is not the OpenAI envelope: ${problem}`;
  }
  return undefined;
}

async function viaApp(r: FuzzRequest): Promise<Answer> {
  const res = await app.fetch(new Request(`http://gateway.test/api/v1${r.path}`, { method: r.method, headers: r.headers, body: r.body && new Uint8Array(r.body) }));
  return toAnswer(res);
}

describe("gateway fuzz (in-process, app.fetch)", () => {
  it(`answers ${RUNS} generated bad requests with a 4xx in the OpenAI envelope, without unhandled rejections or unbounded memory`, async () => {
    const unhandled = countUnhandled();
    const rss = watchRss();
    let sent = 0;
    try {
      await fc.assert(
        fc.asyncProperty(badRequests({ key, model, bodyLimitBytes: BODY_LIMIT }), async (r) => {
          sent += 1;
          expect(judge(r, await viaApp(r))).toBeUndefined();
          // Requests carried own __proto__ / constructor keys: nothing may have merged them into prototypes.
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    } finally {
      const growthMb = rss.stop();
      const rejections = unhandled.stop();
      console.log(`fuzz: ${sent} requests in-process, peak RSS growth ${growthMb.toFixed(1)} MB, ${rejections.length} unhandled rejections`);
      expect(rejections).toEqual([]);
      expect(growthMb).toBeLessThan(200);
    }
    expect(sent).toBeGreaterThanOrEqual(RUNS);
  }, Math.max(60_000, RUNS * 30));
});

describe("gateway fuzz (real HTTP, Node adapter)", () => {
  it(`answers ${HTTP_RUNS} generated bad requests over HTTP with a 4xx in the OpenAI envelope`, async () => {
    const gw = await startGateway({ ...gatewayConfig(emu, key, { bodyLimitBytes: BODY_LIMIT, upstreamTimeoutMs: 5_000 }), port: 0 });
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const unhandled = countUnhandled();
    try {
      await fc.assert(
        fc.asyncProperty(badRequests({ key, model, bodyLimitBytes: BODY_LIMIT }), async (r) => {
          const a = await sendRaw(`${gw.url}${r.path}`, { method: r.method, headers: r.headers, body: r.body, agent });
          expect(a.status, `connection dropped for ${r.why}: ${a.text}`).not.toBe(0);
          expect(judge(r, a)).toBeUndefined();
        }),
        { numRuns: HTTP_RUNS, endOnFailure: true },
      );
      expect(unhandled.stop()).toEqual([]);
    } finally {
      unhandled.stop();
      agent.destroy();
      await gw.close();
    }
  }, Math.max(60_000, HTTP_RUNS * 100));
});
