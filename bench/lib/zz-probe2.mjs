process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
import { startService } from "./services.mjs";
import { bedrockClient } from "./latency.mjs";
import { ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
const emu = await startService("emulator", { chunkDelayMs: 0 });
const cat = await emu.call("catalog");
const model = cat.models.find(m => m.inferenceTypesSupported.includes("ON_DEMAND") && m.responseStreamingSupported && cat.account.granted.includes(m.modelId)).modelId;
const client = bedrockClient(emu.url, emu.region);
for (const c of [8, 64]) {
  let done = 0; const lat = [];
  const end = Date.now() + 8000;
  await Promise.all(Array.from({ length: c }, async () => {
    while (Date.now() < end) {
      const t0 = performance.now();
      const r = await client.send(new ConverseStreamCommand({ modelId: model, messages: [{ role: "user", content: [{ text: "Say hello in five words." }] }], inferenceConfig: { maxTokens: 64 } }));
      for await (const _ of r.stream) { /* drain */ }
      lat.push(performance.now() - t0); done++;
    }
  }));
  lat.sort((a, b) => a - b);
  console.log(`direct SDK streams c=${c}: ${(done / 8).toFixed(0)}/s p99 ${lat[Math.floor(lat.length * 0.99)].toFixed(0)} ms`);
}
client.destroy(); await emu.close();
