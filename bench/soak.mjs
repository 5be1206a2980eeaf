#!/usr/bin/env node
// `npm run soak [-- --seconds N] [--connections C]`: a bounded soak of the reference gateway in front of the
// emulator, 127.0.0.1 only. Pass: 0 errors, and the gateway's RSS after the soak ≤ 1.2× its RSS after
// warm-up (memory that keeps growing under steady load is a leak). Not part of CI.
// The AWS SDK warns on Node 20 about future Node 22 requirements: noise in a benchmark printout.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { ensureBuilt } from "./lib/build.mjs";
import { chatBody } from "./lib/latency.mjs";
import { startService } from "./lib/services.mjs";
import { round, rssMb, sampleRss, sleep } from "./lib/stats.mjs";

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
const seconds = Math.min(flag("--seconds", 60), 3600);
const connections = Math.min(flag("--connections", 64), 1024);
const warmSeconds = Math.max(2, Math.min(10, Math.round(seconds / 6)));
const log = (s) => process.stderr.write(`soak: ${s}\n`);

async function load(url, key, model, duration) {
  const headers = { "content-type": "application/json", authorization: `Bearer ${key}` };
  // Half plain, half streamed: both paths hold buffers, both must give them back.
  const result = await autocannon({
    url,
    connections,
    duration,
    timeout: 10,
    requests: [
      { method: "POST", path: new URL(url).pathname, headers, body: chatBody(model, false) },
      { method: "POST", path: new URL(url).pathname, headers: { ...headers, accept: "text/event-stream" }, body: chatBody(model, true) },
    ],
  });
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
  return { requests: result.requests.total, ok: result["2xx"], reqPerSec: round(result.requests.average, 0), errors: result.errors, non2xx: result.non2xx, timeouts: result.timeouts, p99Ms: result.latency.p99, statuses };
}

async function main() {
  ensureBuilt(log);
  const key = `sk-soak-${randomBytes(12).toString("hex")}`;
  const emu = await startService("emulator", { chunkDelayMs: 0 });
  let gw;
  try {
    const catalog = await emu.call("catalog");
    const model = catalog.models.find((m) => m.inferenceTypesSupported.includes("ON_DEMAND") && m.responseStreamingSupported && catalog.account.granted.includes(m.modelId))?.modelId;
    if (!model) throw new Error("no on-demand streaming model in the emulator catalog");
    gw = await startService("gateway", {
      region: emu.region,
      bedrockEndpoint: emu.url,
      credentials: { accessKeyId: "AKIASOAKSOAKSOAKSOAK", secretAccessKey: "soaksoaksoaksoaksoaksoaksoaksoaksoaksoak" },
      apiKeys: [key],
    });
    const url = `${gw.url}/chat/completions`;
    const rssStart = rssMb(gw.pid);
    log(`warm-up ${warmSeconds} s at c=${connections} …`);
    const warm = await load(url, key, model, warmSeconds);
    await sleep(500);
    const rssWarm = rssMb(gw.pid);
    log(`soak ${seconds} s at c=${connections} …`);
    const sampler = sampleRss({ gateway: gw.pid, emulator: emu.pid }, 250);
    const soak = await load(url, key, model, seconds);
    const peaks = sampler.stop();
    await sleep(500);
    const rssAfter = rssMb(gw.pid);
    const errors = warm.errors + warm.non2xx + warm.timeouts + soak.errors + soak.non2xx + soak.timeouts;
    const ratio = round(rssAfter / rssWarm, 3);
    const pass = errors === 0 && ratio <= 1.2;
    const figures = {
      seconds,
      connections,
      requests: soak.requests + warm.requests,
      reqPerSec: soak.reqPerSec,
      p99Ms: soak.p99Ms,
      errors,
      errorBreakdown: { connectionErrors: warm.errors + soak.errors, timeouts: warm.timeouts + soak.timeouts, non2xx: warm.non2xx + soak.non2xx, statuses: soak.statuses },
      gatewayRssMb: { start: rssStart, afterWarmup: rssWarm, peak: peaks.gateway, after: rssAfter, ratioAfterToWarm: ratio },
      emulatorPeakRssMb: peaks.emulator,
      pass,
    };
    process.stdout.write(
      [
        `soak ${seconds} s at c=${connections}: ${figures.requests} requests (${soak.reqPerSec} req/s, p99 ${soak.p99Ms} ms), errors ${errors} (${JSON.stringify(figures.errorBreakdown)})`,
        `gateway RSS MB: start ${rssStart}, after warm-up ${rssWarm}, peak ${peaks.gateway}, after ${rssAfter} → ${ratio}× (limit 1.2×)`,
        `emulator peak RSS ${peaks.emulator} MB`,
        `${pass ? "PASS" : "FAIL"}`,
        JSON.stringify(figures),
        "",
      ].join("\n"),
    );
    process.exitCode = pass ? 0 : 1;
  } finally {
    await gw?.close();
    await emu.close();
  }
}

main().catch((err) => {
  process.stderr.write(`soak failed: ${err.stack ?? err}\n`);
  process.exitCode = 1;
});
