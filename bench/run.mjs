#!/usr/bin/env node
// `npm run bench [-- --quick] [--no-peers] [--profile]`: the reference gateway against calling the emulator
// directly, a bare node:http passthrough (the ceiling) and Portkey, on this machine, in one run.
// Everything listens on 127.0.0.1; every phase is bounded by a request count or a duration.
// The AWS SDK warns on Node 20 about future Node 22 requirements: noise in a benchmark printout.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bundleLambda, coldInit } from "./lib/bundle.mjs";
import { ensureBuilt } from "./lib/build.mjs";
import { harnessRun, helpStartup } from "./lib/harness.mjs";
import { bedrockClient, chatBody, interleavedSequential, pairedStreaming } from "./lib/latency.mjs";
import { runLoad } from "./lib/load.mjs";
import { PORTKEY_VERSION, ensurePortkey, portkeyBedrockHeaders, startPortkey } from "./lib/portkey.mjs";
import { renderMarkdown, writeReport } from "./lib/report.mjs";
import { startService } from "./lib/services.mjs";
import { machineInfo, pairedPercentileDiffInterval, round, rssMb, sleep } from "./lib/stats.mjs";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const withPeers = !args.includes("--no-peers");
const profile = args.includes("--profile");
const log = (s) => process.stderr.write(`bench: ${s}\n`);
const plan = quick
  ? { sequential: 1000, streams: 40, warmup: 100, loadSeconds: 2, warmSeconds: 1 }
  : { sequential: 3000, streams: 200, warmup: 200, loadSeconds: 8, warmSeconds: 2 };
const root = fileURLToPath(new URL("../", import.meta.url));

/** Picks a text model the emulated account may call on demand (no inference profile needed). */
function pickModel(catalog) {
  const m = catalog.models.find(
    (x) => x.inferenceTypesSupported.includes("ON_DEMAND") && x.outputModalities.includes("TEXT") && x.responseStreamingSupported && catalog.account.granted.includes(x.modelId),
  );
  if (!m) throw new Error("the emulator catalog has no on-demand text model the account may call");
  return m.modelId;
}

async function main() {
  const started = Date.now();
  ensureBuilt(log);
  const report = { date: new Date().toISOString(), mode: quick ? "quick" : "full", machine: machineInfo(), plan, warnings: [], peers: {} };
  const key = `sk-bench-${randomBytes(12).toString("hex")}`;
  const services = [];
  try {
    log("starting emulator and gateway (separate processes) …");
    // 1 ms between streamed deltas: each delta is its own write, so gaps measure forwarding, not batching.
    const emu = await startService("emulator", { chunkDelayMs: 1 });
    services.push(emu);
    const catalog = await emu.call("catalog");
    const model = pickModel(catalog);
    const credentials = { accessKeyId: "AKIABENCHBENCHBENCH0", secretAccessKey: "benchbenchbenchbenchbenchbenchbenchbench" };
    const profDir = `${root}reports/bench/prof`;
    if (profile) mkdirSync(profDir, { recursive: true });
    const gw = await startService(
      "gateway",
      { region: emu.region, bedrockEndpoint: emu.url, credentials, apiKeys: [key] },
      { execArgv: profile ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [] },
    );
    services.push(gw);
    report.model = model;
    // Idle RSS of each server is taken right after it starts, before any traffic.
    const idle = { emulator: rssMb(emu.pid), gateway: rssMb(gw.pid) };

    const pass = await startService("passthrough", { target: emu.url });
    services.push(pass);
    idle.passthrough = rssMb(pass.pid);

    log(`sequential latency, ${plan.sequential} non-stream chats per series (SDK direct, plain HTTP direct, passthrough, gateway), interleaved …`);
    const client = bedrockClient(emu.url, emu.region);
    const seq = await interleavedSequential({ client, emulatorUrl: emu.url, passthroughUrl: pass.url, gatewayUrl: gw.url, key, model }, plan.sequential, plan.warmup);
    const { direct, plain, passthrough, through, samples } = seq;
    if (plain.p50 >= 1) report.warnings.push(`plain HTTP latency to the emulator p50 is ${plain.p50} ms (not sub-millisecond): Nagle or a slow backend may hide the gateway's cost; treat "added" figures with care.`);
    const versus = (base, side) => ({
      p50Ms: round(seq[side].p50 - seq[base].p50),
      p99Ms: round(seq[side].p99 - seq[base].p99),
      p99Interval90Ms: pairedPercentileDiffInterval(samples[base], samples[side], 99),
    });
    log(`streaming, ${plan.streams} streams each way, interleaved …`);
    const { direct: directStream, through: throughStream } = await pairedStreaming(client, gw.url, key, model, plan.streams, 10);
    client.destroy();
    report.gateway = {
      direct,
      through,
      overheadP50Ms: round(through.p50 - direct.p50),
      overheadP90Ms: round(through.p90 - direct.p90),
      overheadP99Ms: round(through.p99 - direct.p99),
      overheadP99Interval90Ms: pairedPercentileDiffInterval(samples.direct, samples.through, 99),
      // The same calls measured against lighter baselines: what the whole extra hop costs on this machine.
      plain,
      passthrough,
      throughVsPlainHttp: versus("plain", "through"),
      passthroughVsPlainHttp: versus("plain", "passthrough"),
      directStream,
      throughStream,
      ttftAddedMs: round(throughStream.ttft.p50 - directStream.ttft.p50),
      ttftAddedP99Ms: round(throughStream.ttft.p99 - directStream.ttft.p99),
      gapAddedP50Ms: round(throughStream.gap.p50 - directStream.gap.p50),
      gapAddedP99Ms: round(throughStream.gap.p99 - directStream.gap.p99),
    };

    let portkey;
    if (withPeers && ensurePortkey(log)) {
      try {
        portkey = await startPortkey();
        services.push(portkey);
        idle.portkey = rssMb(portkey.pid);
        report.peers.portkey = PORTKEY_VERSION;
      } catch (err) {
        report.warnings.push(`Portkey did not start: ${err.message.slice(0, 300)}`);
      }
    }

    const converseBody = JSON.stringify({ messages: [{ role: "user", content: [{ text: "Say hello in five words." }] }], inferenceConfig: { maxTokens: 64 } });
    const conversePath = `/model/${encodeURIComponent(model)}/converse`;
    // A Bedrock API key (bearer) is what the emulator accepts without SigV4; autocannon cannot sign per request.
    const converseHeaders = { "content-type": "application/json", authorization: "Bearer bench-bedrock-api-key" };
    const openaiHeaders = { "content-type": "application/json", authorization: `Bearer ${key}` };
    const targets = {
      emulator: { url: `${emu.url}${conversePath}`, headers: converseHeaders, body: converseBody, pid: emu.pid },
      passthrough: { url: `${pass.url}${conversePath}`, headers: converseHeaders, body: converseBody, pid: pass.pid },
      gateway: { url: `${gw.url}/chat/completions`, headers: openaiHeaders, body: chatBody(model, false), pid: gw.pid },
    };
    if (portkey) targets.portkey = { url: `${portkey.url}/v1/chat/completions`, headers: { "content-type": "application/json", ...portkeyBedrockHeaders(emu.url, emu.region) }, body: chatBody(model, false), pid: portkey.pid };

    report.rss = { idle, underLoad: {} };
    report.throughput = { levels: {} };
    for (const connections of [16, 64]) {
      const level = {};
      for (const [name, t] of Object.entries(targets)) {
        log(`load c=${connections} → ${name} (${plan.loadSeconds} s) …`);
        await runLoad({ ...t, connections, seconds: plan.warmSeconds });
        const emuCpuTarget = name === "emulator" ? emu.pid : t.pid;
        level[name] = await runLoad({ ...t, connections, seconds: plan.loadSeconds, pids: { self: t.pid, emulator: emu.pid }, cpuPid: emuCpuTarget });
        report.rss.underLoad[name] = Math.max(report.rss.underLoad[name] ?? 0, level[name].peakRssMb.self);
        await sleep(250);
      }
      report.throughput.levels[`c${connections}`] = level;
    }
    const c64 = report.throughput.levels.c64;
    report.throughput.ratioVsPortkey = c64.portkey ? round(c64.gateway.reqPerSec / c64.portkey.reqPerSec, 2) : null;
    report.throughput.ratioVsPassthrough = round(c64.gateway.reqPerSec / c64.passthrough.reqPerSec, 2);
  } finally {
    for (const s of services.reverse()) await s.close().catch(() => undefined);
  }

  log("embedded bagcheck run and --help start-up …");
  report.harness = { ...(await harnessRun()), ...(await helpStartup(quick ? 3 : 5)) };
  log("Lambda bundle and cold init …");
  try {
    const b = await bundleLambda();
    report.bundle = { bytes: b.bytes, ...coldInit(b.outfile, quick ? 3 : 5) };
  } catch (err) {
    report.warnings.push(`Lambda bundle failed: ${String(err.message).slice(0, 300)}`);
    report.bundle = { bytes: null, coldInitMs: null, importMs: null };
  }
  const g = report.gateway;
  report.goals = {
    overheadP99: g.overheadP99Ms < 1,
    ttftAdded: g.ttftAddedMs < 1,
    ratioVsPortkey: report.throughput.ratioVsPortkey === null ? null : report.throughput.ratioVsPortkey >= 2,
    bundle: report.bundle.bytes === null ? null : report.bundle.bytes < 1024 * 1024,
    runWall: report.harness.runWallMs < 5000,
    runRss: report.harness.runPeakRssMb < 150,
    gatewayRss: report.rss.underLoad.gateway < 100,
  };
  report.benchWallS = round((Date.now() - started) / 1000, 1);
  const files = writeReport(report);
  process.stdout.write(`\n${renderMarkdown(report)}\nwrote ${files.json}\n      ${files.md}\n(bench took ${report.benchWallS} s)\n`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err.stack ?? err}\n`);
  process.exitCode = 1;
});
