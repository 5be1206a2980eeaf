import { it } from "vitest";
import { allSuites } from "../../suites/index.js";
import { startEmulator } from "../../src/emulator/index.js";
import { startGateway } from "../../src/gateway/index.js";
import { runAgainst } from "./support/run.js";
it("scratch", async () => {
  const emulator = await startEmulator({ catalog: "ap-northeast-1-2024-11", chunkDelayMs: 10 });
  const gw = await startGateway({ region: emulator.region, bedrockEndpoint: emulator.url, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }, apiKeys: ["sk-ref-key-123456"] });
  const checks = allSuites.flatMap((s) => s.checks);
  const t0 = Date.now();
  const results = await runAgainst({ url: gw.url, key: "sk-ref-key-123456", close: gw.close }, checks);
  for (const r of results) if (r.status !== "pass" || true) console.log(r.status.padEnd(5), r.id.padEnd(40), r.durationMs, r.message ?? "", JSON.stringify(r.findings).slice(0, 300));
  console.log(Date.now() - t0, "ms");
  await gw.close(); await emulator.close();
}, 120_000);
