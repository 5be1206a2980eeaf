import { it } from "vitest";
import autocannon from "autocannon";
import { startEmulator } from "../../src/emulator/index.js";
import { startGateway } from "../../src/gateway/index.js";
const run = (opts: autocannon.Options) => new Promise<autocannon.Result>((res, rej) => autocannon(opts, (e, r) => (e ? rej(e) : res(r))));
it("bench", async () => {
  const emu = await startEmulator({ chunkDelayMs: 0 });
  const gw = await startGateway({ region: emu.region, bedrockEndpoint: emu.url, credentials: { accessKeyId: "AKID", secretAccessKey: "x" }, apiKeys: ["k"] });
  const auth = `AWS4-HMAC-SHA256 Credential=AKID/20260101/${emu.region}/bedrock/aws4_request, SignedHeaders=host, Signature=abc`;
  const via0 = await run({ url: `${gw.url}/chat/completions`, method: "POST", connections: 1, duration: 4, headers: { authorization: "Bearer k", "content-type": "application/json" }, body: JSON.stringify({ model: "anthropic.claude-3-haiku-20240307-v1:0", messages: [{ role: "user", content: "hello there" }] }) });
  console.log("via0", via0.latency.p50, via0.latency.p99, via0.requests.average);
  const direct = await run({ url: `${emu.url}/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse`, method: "POST", connections: 1, duration: 4, headers: { authorization: auth, "content-type": "application/json", "x-amz-date": "20260101T000000Z" }, body: JSON.stringify({ messages: [{ role: "user", content: [{ text: "hello there" }] }] }) });
  const via = await run({ url: `${gw.url}/chat/completions`, method: "POST", connections: 1, duration: 4, headers: { authorization: "Bearer k", "content-type": "application/json" }, body: JSON.stringify({ model: "anthropic.claude-3-haiku-20240307-v1:0", messages: [{ role: "user", content: "hello there" }] }) });
  console.log("direct", direct.latency.p50, direct.latency.p99, direct.non2xx, direct.requests.average, "via", via.latency.p50, via.latency.p99, via.non2xx, via.requests.average);
  await gw.close(); await emu.close();
}, 60_000);
