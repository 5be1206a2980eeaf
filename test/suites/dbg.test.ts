import { it } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
import { startGateway } from "../../src/gateway/index.js";
import { allSuites } from "../../suites/index.js";
import { runAgainst } from "./support/run.js";
it("dbg", async () => {
  for (const catalog of ["us-east-1-current", "ap-northeast-1-2024-07", "ap-northeast-1-2024-11"]) {
    const emulator = await startEmulator({ catalog });
    const gw = await startGateway({ region: emulator.region, bedrockEndpoint: emulator.url, credentials: { accessKeyId: "A", secretAccessKey: "B" }, apiKeys: ["k-123456789"] });
    const res = await runAgainst({ url: gw.url, key: "k-123456789", close: gw.close }, allSuites.flatMap((s) => s.checks), {});
    console.log("==", catalog);
    for (const r of res) if (r.status !== "pass") console.log(r.id, r.status, r.message, JSON.stringify(r.findings).slice(0, 200));
    await gw.close(); await emulator.close();
  }
}, 120000);
