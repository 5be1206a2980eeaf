#!/usr/bin/env node
// One-off, bounded throughput measurement of the emulator (not a unit test):
//   node test/emulator/throughput.mjs [--seconds 5] [--connections 32]
// Bundles src/emulator with esbuild, runs it in a child process (so autocannon does not share its event loop),
// then drives Converse and ConverseStream over HTTP/1.1 with autocannon. 127.0.0.1 only.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "../..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const seconds = Math.min(arg("--seconds", 5), 60);
const connections = Math.min(arg("--connections", 32), 512);
const outDir = join(root, "node_modules", ".cache", "bagcheck-emulator-throughput");
mkdirSync(outDir, { recursive: true });
const entry = join(outDir, "server.mjs");
await build({
  stdin: {
    contents: `import { startEmulator } from ${JSON.stringify(join(root, "src/emulator/index.ts"))};
const emu = await startEmulator({ chunkDelayMs: 0 });
process.stdout.write(emu.url + "\\n");
process.on("SIGTERM", () => emu.close().then(() => process.exit(0)));`,
    resolveDir: root,
    loader: "ts",
  },
  bundle: true, platform: "node", format: "esm", packages: "external", outfile: entry, logLevel: "silent",
});
const child = spawn(process.execPath, [...(process.env.EMU_PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/emuprof"] : []), entry], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((r) => child.stdout.once("data", (d) => r(String(d).trim())));
const model = encodeURIComponent("amazon.nova-micro-v1:0");
const headers = {
  "content-type": "application/json",
  authorization: "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=00",
};
const body = JSON.stringify({ messages: [{ role: "user", content: [{ text: "Measure me: how fast is the emulator?" }] }], inferenceConfig: { maxTokens: 256 } });

async function run(name, path) {
  const r = await autocannon({ url: `${url}${path}`, method: "POST", headers, body, connections, duration: seconds });
  const line = `${name.padEnd(15)} ${Math.round(r.requests.average)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  ` +
    `${(r.throughput.average / 1024 / 1024).toFixed(1)} MB/s  non-2xx ${r.non2xx}  errors ${r.errors}  (${connections} connections, ${seconds} s)`;
  console.log(line);
}
try {
  await run("warm-up", `/model/${model}/converse`);
  await run("Converse", `/model/${model}/converse`);
  await run("ConverseStream", `/model/${model}/converse-stream`);
} finally {
  child.kill("SIGTERM");
}
