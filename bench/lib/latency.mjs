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

/**
 * n non-stream chats each way, interleaved: direct (AWS SDK → emulator) and through the gateway (one
 * keep-alive connection) take turns, the first of each pair alternating. Run one after the other, the two
 * series saw different machines: whatever else ran, JIT warm-up and GC of the first phase landed on one side
 * only, and on two shared cores that moved the p99 difference by ±1.5 ms between identical runs.
 */
export async function pairedSequential(client, gatewayUrl, key, model, n, warmup) {
  const url = new URL(gatewayUrl);
  const pool = new Pool(url.origin, { connections: 1 });
  const path = `${url.pathname.replace(/\/$/, "")}/chat/completions`;
  const direct = async () => {
    const t0 = performance.now();
    await client.send(new ConverseCommand(converseInput(model)));
    return performance.now() - t0;
  };
  const through = async () => {
    const t0 = performance.now();
    const res = await pool.request({ path, method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: chatBody(model, false) });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`gateway answered ${res.statusCode}: ${text.slice(0, 300)}`);
    return performance.now() - t0;
  };
  const times = { direct: [], through: [] };
  try {
    for (let i = 0; i < n + warmup; i += 1) {
      const [a, b] = i % 2 === 0 ? [direct, through] : [through, direct];
      const ta = await a();
      const tb = await b();
      if (i < warmup) continue;
      times[a === direct ? "direct" : "through"].push(ta);
      times[b === direct ? "direct" : "through"].push(tb);
    }
  } finally {
    await pool.close();
  }
  return { direct: summarize(times.direct), through: summarize(times.through), samples: times };
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

/** n streams each way, interleaved as in pairedSequential: TTFT and inter-delta gaps, direct and through. */
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
