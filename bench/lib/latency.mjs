// Sequential latency, one request at a time, timed per response with performance.now() (autocannon's
// histogram keeps whole milliseconds, too coarse for sub-millisecond overheads).
import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import http from "node:http";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Pool } from "undici";
import { summarize } from "./stats.mjs";

const PROMPT = "Say hello in five words.";

export function bedrockClient(emulatorUrl, region) {
  return new BedrockRuntimeClient({
    region,
    endpoint: emulatorUrl,
    credentials: { accessKeyId: "AKIABENCHBENCHBENCH0", secretAccessKey: "benchbenchbenchbenchbenchbenchbenchbench" },
    maxAttempts: 1,
    // The direct baseline must not pay Nagle's ~40 ms either (head and body are separate writes).
    requestHandler: new NodeHttpHandler({ httpAgent: new http.Agent({ keepAlive: true, noDelay: true }) }),
  });
}

function converseInput(model) {
  return { modelId: model, messages: [{ role: "user", content: [{ text: PROMPT }] }], inferenceConfig: { maxTokens: 64 } };
}

export function chatBody(model, stream) {
  return JSON.stringify({ model, messages: [{ role: "user", content: PROMPT }], max_tokens: 64, stream });
}

/** A Converse call with a plain HTTP client and a Bedrock API key (bearer): no SDK, no SigV4 on the client. */
function plainConverse(pool, model) {
  const path = `/model/${encodeURIComponent(model)}/converse`;
  const body = JSON.stringify(converseInput(model), (k, v) => (k === "modelId" ? undefined : v));
  return async () => {
    const res = await pool.request({ path, method: "POST", headers: { "content-type": "application/json", authorization: "Bearer bench-bedrock-api-key" }, body });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`converse answered ${res.statusCode}: ${text.slice(0, 300)}`);
  };
}

/**
 * n non-stream chats per series, interleaved: in each round every series makes one call, the order rotating
 * round by round. Run one after the other, the series saw different machines (whatever else ran, JIT warm-up
 * and GC of one phase landed on one side only); on two shared cores that moved the p99 difference by ±1.5 ms
 * between identical runs. Series:
 * - `direct`: the AWS SDK → emulator (the baseline: what an app calling Bedrock itself does);
 * - `plain`: a plain HTTP client (undici) → emulator with a Bedrock API key: the least a call can cost here;
 * - `passthrough`: the same through a bare node:http proxy: what one more Node process on the path costs;
 * - `through`: an OpenAI-style chat through the gateway.
 */
export async function interleavedSequential({ client, emulatorUrl, passthroughUrl, gatewayUrl, key, model }, n, warmup) {
  const gw = new URL(gatewayUrl);
  const pools = [new Pool(gw.origin, { connections: 1 }), new Pool(new URL(emulatorUrl).origin, { connections: 1 }), new Pool(new URL(passthroughUrl).origin, { connections: 1 })];
  const [gwPool, emuPool, passPool] = pools;
  const chatPath = `${gw.pathname.replace(/\/$/, "")}/chat/completions`;
  const calls = {
    direct: () => client.send(new ConverseCommand(converseInput(model))),
    plain: plainConverse(emuPool, model),
    passthrough: plainConverse(passPool, model),
    through: async () => {
      const res = await gwPool.request({ path: chatPath, method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: chatBody(model, false) });
      const text = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`gateway answered ${res.statusCode}: ${text.slice(0, 300)}`);
    },
  };
  const names = Object.keys(calls);
  const samples = Object.fromEntries(names.map((k) => [k, []]));
  try {
    for (let i = 0; i < n + warmup; i += 1) {
      for (let k = 0; k < names.length; k += 1) {
        const name = names[(i + k) % names.length];
        const t0 = performance.now();
        await calls[name]();
        if (i >= warmup) samples[name].push(performance.now() - t0);
      }
    }
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
  return { ...Object.fromEntries(names.map((k) => [k, summarize(samples[k])])), samples };
}

/** One stream straight to the emulator (ConverseStream): time to the first text delta, gaps between deltas. */
async function directStream(client, model) {
  const t0 = performance.now();
  const res = await client.send(new ConverseStreamCommand(converseInput(model)));
  const out = { ttft: undefined, gaps: [] };
  let last;
  for await (const ev of res.stream) {
    if (!ev.contentBlockDelta) continue;
    const now = performance.now();
    if (last === undefined) out.ttft = now - t0;
    else out.gaps.push(now - last);
    last = now;
  }
  return out;
}

/** The same through a gateway: arrival of each SSE `data:` chunk that carries content. */
async function gatewayStream(pool, path, key, model) {
  const t0 = performance.now();
  const res = await pool.request({ path, method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json", accept: "text/event-stream" }, body: chatBody(model, true) });
  if (res.statusCode !== 200) throw new Error(`gateway stream answered ${res.statusCode}: ${(await res.body.text()).slice(0, 300)}`);
  const out = { ttft: undefined, gaps: [] };
  let last;
  let pending = "";
  for await (const chunk of res.body) {
    const now = performance.now();
    pending += chunk.toString("utf8");
    const events = pending.split("\n\n");
    pending = events.pop() ?? "";
    for (const ev of events) {
      if (!/"content":"[^"]/.test(ev)) continue;
      if (last === undefined) out.ttft = now - t0;
      else out.gaps.push(now - last);
      last = now;
    }
  }
  return out;
}

/** n streams each way, interleaved as in interleavedSequential (two series, the first alternating): TTFT and inter-delta gaps, direct and through. */
export async function pairedStreaming(client, gatewayUrl, key, model, n, warmup) {
  const url = new URL(gatewayUrl);
  const pool = new Pool(url.origin, { connections: 1 });
  const path = `${url.pathname.replace(/\/$/, "")}/chat/completions`;
  const acc = { direct: { ttft: [], gaps: [] }, through: { ttft: [], gaps: [] } };
  const one = { direct: () => directStream(client, model), through: () => gatewayStream(pool, path, key, model) };
  try {
    for (let i = 0; i < n + warmup; i += 1) {
      for (const side of i % 2 === 0 ? ["direct", "through"] : ["through", "direct"]) {
        const r = await one[side]();
        if (i < warmup) continue;
        if (r.ttft !== undefined) acc[side].ttft.push(r.ttft);
        acc[side].gaps.push(...r.gaps);
      }
    }
  } finally {
    await pool.close();
  }
  const summary = (a) => ({ ttft: summarize(a.ttft), gap: summarize(a.gaps) });
  return { direct: summary(acc.direct), through: summary(acc.through) };
}
