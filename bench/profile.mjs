#!/usr/bin/env node
// `node bench/profile.mjs [--seconds N]`: the gateway under load (c=16, non-stream and stream) with
// --cpu-prof, then a summary of where its CPU went. 127.0.0.1 only; bounded by --seconds (default 10).
// The AWS SDK warns on Node 20 about future Node 22 requirements: noise in a benchmark printout.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { ensureBuilt } from "./lib/build.mjs";
import { chatBody } from "./lib/latency.mjs";
import { summarizeProfile } from "./lib/profile-summary.mjs";
import { startService } from "./lib/services.mjs";
import { cpuMs } from "./lib/stats.mjs";

const i = process.argv.indexOf("--seconds");
const seconds = Math.min(120, Math.max(2, Number(i >= 0 ? process.argv[i + 1] : 10) || 10));
const dir = fileURLToPath(new URL("../reports/bench/prof/", import.meta.url));
const log = (s) => process.stderr.write(`profile: ${s}\n`);

ensureBuilt(log);
mkdirSync(dir, { recursive: true });
const key = `sk-prof-${randomBytes(8).toString("hex")}`;
const emu = await startService("emulator", { chunkDelayMs: 0 });
const catalog = await emu.call("catalog");
const model = catalog.models.find((m) => m.inferenceTypesSupported.includes("ON_DEMAND") && m.responseStreamingSupported && catalog.account.granted.includes(m.modelId)).modelId;
const started = Date.now();
const gw = await startService(
  "gateway",
  { region: emu.region, bedrockEndpoint: emu.url, credentials: { accessKeyId: "AKIAPROFPROFPROFPROF", secretAccessKey: "prof" }, apiKeys: [key] },
  { execArgv: ["--cpu-prof", `--cpu-prof-dir=${dir}`] },
);
const headers = { "content-type": "application/json", authorization: `Bearer ${key}` };
const path = new URL(gw.url).pathname + "/chat/completions";
try {
  await autocannon({ url: gw.url, connections: 16, duration: 2, requests: [{ method: "POST", path, headers, body: chatBody(model, false) }] });
  const cpu0 = cpuMs(gw.pid);
  const r = await autocannon({
    url: gw.url,
    connections: 16,
    duration: seconds,
    requests: [
      { method: "POST", path, headers, body: chatBody(model, false) },
      { method: "POST", path, headers, body: chatBody(model, true) },
    ],
  });
  const cpu1 = cpuMs(gw.pid);
  log(`${r.requests.total} requests, ${r["2xx"]} ok, ${r.non2xx} non-2xx, ${r.errors} errors; gateway CPU ${((cpu1 - cpu0) / r["2xx"]).toFixed(3)} ms/request`);
} finally {
  await gw.close();
  await emu.close();
}
const newest = readdirSync(dir)
  .filter((f) => f.endsWith(".cpuprofile"))
  .map((f) => ({ f, t: statSync(dir + f).mtimeMs }))
  .filter((x) => x.t >= started)
  .sort((a, b) => b.t - a.t)[0];
if (!newest) throw new Error("no .cpuprofile written");
const s = summarizeProfile(dir + newest.f);
process.stdout.write(`${dir}${newest.f}\ntotal sampled: ${s.totalMs} ms\n\nby package / file:\n${s.byPackage.join("\n")}\n\nby function (self time):\n${s.byFunction.join("\n")}\n`);
