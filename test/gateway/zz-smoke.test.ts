import { it } from "vitest";
import OpenAI from "openai";
import { startEmulator } from "../../src/emulator/index.js";
import { startGateway } from "../../src/gateway/index.js";
it("smoke", async () => {
  const emu = await startEmulator({});
  const gw = await startGateway({ region: emu.region, bedrockEndpoint: emu.url, credentials: { accessKeyId: "AKID", secretAccessKey: "x" } });
  const client = new OpenAI({ baseURL: gw.url, apiKey: "sk-test-123456", maxRetries: 0 });
  for (let i = 0; i < 5; i++) await client.chat.completions.create({ model: "anthropic.claude-3-haiku-20240307-v1:0", messages: [{ role: "user", content: "hello there" }] });
  console.log(emu.stats);
  let t = performance.now();
  for (let i = 0; i < 50; i++) await client.chat.completions.create({ model: "anthropic.claude-3-haiku-20240307-v1:0", messages: [{ role: "user", content: "hello there" }] });
  console.log("avg ms", (performance.now() - t) / 50);
  console.log(emu.stats.connections);
  await gw.close(); await emu.close();
});
