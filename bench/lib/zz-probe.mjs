process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
import autocannon from "autocannon";
import { startService } from "./services.mjs";
import { chatBody } from "./latency.mjs";
import { cpuMs, rssMb } from "./stats.mjs";
const emu = await startService("emulator", { chunkDelayMs: 0 });
const cat = await emu.call("catalog");
const model = cat.models.find(m => m.inferenceTypesSupported.includes("ON_DEMAND") && m.responseStreamingSupported && cat.account.granted.includes(m.modelId)).modelId;
const gw = await startService("gateway", { region: emu.region, bedrockEndpoint: emu.url, credentials: { accessKeyId: "AKIAXXXXXXXXXXXXXXXX", secretAccessKey: "x" }, apiKeys: ["k"] });
const path = new URL(gw.url).pathname + "/chat/completions";
const headers = { "content-type": "application/json", authorization: "Bearer k" };
for (const stream of [process.argv[2] === "stream"]) {
  const c0 = cpuMs(gw.pid), e0 = cpuMs(emu.pid);
  const r = await autocannon({ url: gw.url, connections: Number(process.argv[3] ?? 64), duration: 12, timeout: 10, requests: [{ method: "POST", path, headers, body: chatBody(model, stream) }] });
  const st = await emu.call("stats");
  console.log(stream ? "stream" : "plain", "reqs", r.requests.total, "2xx", r["2xx"], "timeouts", r.timeouts, "errors", r.errors, "p99", r.latency.p99, "gw cpu ms/req", ((cpuMs(gw.pid) - c0) / r["2xx"]).toFixed(2), "emu cpu ms/req", ((cpuMs(emu.pid) - e0) / r["2xx"]).toFixed(2), "gw rss", rssMb(gw.pid), "emu", JSON.stringify({ started: st.streamsStarted, completed: st.streamsCompleted, cancelled: st.streamsCancelled, errors: st.errors }));
}
await gw.close(); await emu.close();
