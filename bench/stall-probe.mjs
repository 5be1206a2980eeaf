#!/usr/bin/env node
// `node bench/stall-probe.mjs [--connections C] [--seconds S]`: streams through the gateway at fixed
// concurrency with a raw node:http client, and lists requests that got no response headers within 5 s,
// next to the emulator's counters (did the Bedrock call happen and complete?). 127.0.0.1 only, bounded.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const { default: http } = await import("node:http");
const { ensureBuilt } = await import("./lib/build.mjs");
const { startService } = await import("./lib/services.mjs");
const { chatBody } = await import("./lib/latency.mjs");

function flag(name, fallback, max) {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? Math.min(v, max) : fallback;
}
const connections = flag("--connections", 64, 512);
const seconds = flag("--seconds", 15, 300);
const STALL_MS = 5_000;

ensureBuilt((s) => process.stderr.write(`stall-probe: ${s}\n`));
const emu = await startService("emulator", { chunkDelayMs: 0 });
const cat = await emu.call("catalog");
const model = cat.models.find((m) => m.inferenceTypesSupported.includes("ON_DEMAND") && m.responseStreamingSupported && cat.account.granted.includes(m.modelId)).modelId;
const gw = await startService("gateway", { region: emu.region, bedrockEndpoint: emu.url, credentials: { accessKeyId: "AKIASTALLSTALLSTALL0", secretAccessKey: "stall" }, apiKeys: ["k"] });
const agent = new http.Agent({ keepAlive: true, maxSockets: connections, noDelay: true });
const url = new URL(`${gw.url}/chat/completions`);
const stalls = [];
let done = 0;
const end = Date.now() + seconds * 1000;

function one() {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const seen = { headers: false, chunks: 0, sawDone: false };
    const timer = setTimeout(() => {
      stalls.push({ ...seen, ms: Date.now() - t0 });
      req.destroy();
      resolve();
    }, STALL_MS);
    const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", authorization: "Bearer k" } }, (res) => {
      seen.headers = true;
      res.on("data", (c) => {
        seen.chunks += 1;
        if (c.includes("[DONE]")) seen.sawDone = true;
      });
      res.on("end", () => {
        clearTimeout(timer);
        done += 1;
        resolve();
      });
    });
    req.on("error", () => {
      clearTimeout(timer);
      resolve();
    });
    // Whether the request went out on a fresh connection: those wait in the gateway's accept queue first.
    req.on("socket", () => (seen.fresh = !req.reusedSocket));
    req.end(chatBody(model, true));
  });
}

try {
  await Promise.all(Array.from({ length: connections }, async () => {
    while (Date.now() < end) await one();
  }));
  const stats = await emu.call("stats");
  const noHeaders = stalls.filter((s) => !s.headers).length;
  const fresh = stalls.filter((s) => !s.headers && s.fresh).length;
  process.stdout.write(
    `c=${connections}, ${seconds} s: ${done} streams completed, ${stalls.length} stalled > ${STALL_MS} ms (${noHeaders} without response headers, ${fresh} of them on a fresh connection)\n` +
      `emulator: ConverseStream ${stats.byOperation.ConverseStream ?? 0}, started ${stats.streamsStarted}, completed ${stats.streamsCompleted}, cancelled ${stats.streamsCancelled}\n`,
  );
  process.exitCode = stalls.length === 0 ? 0 : 1;
} finally {
  agent.destroy();
  await gw.close();
  await emu.close();
}
