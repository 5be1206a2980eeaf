import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { BedrockClient, ListFoundationModelsCommand } from "@aws-sdk/client-bedrock";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { it } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
it("smoke", async () => {
  const emu = await startEmulator();
  const creds = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
  for (const c of [new BedrockRuntimeClient({ endpoint: emu.url, region: "us-east-1", credentials: creds }),
    new BedrockRuntimeClient({ endpoint: emu.url, region: "us-east-1", credentials: creds, requestHandler: new NodeHttpHandler() })]) {
    const r = await c.send(new ConverseCommand({ modelId: "us.anthropic.claude-sonnet-4-20250514-v1:0", messages: [{ role: "user", content: [{ text: "Hi there" }] }] }));
    console.log(JSON.stringify(r.output), r.usage, r.stopReason);
    const s = await c.send(new ConverseStreamCommand({ modelId: "amazon.nova-pro-v1:0", messages: [{ role: "user", content: [{ text: "Hi there" }] }] }));
    for await (const e of s.stream!) console.log(JSON.stringify(e));
    const e = await c.send(new InvokeModelCommand({ modelId: "amazon.titan-embed-text-v2:0", body: JSON.stringify({ inputText: "hello", dimensions: 256 }) }));
    console.log(new TextDecoder().decode(e.body).slice(0, 100));
    try { await c.send(new ConverseCommand({ modelId: "anthropic.claude-sonnet-4-20250514-v1:0", messages: [{ role: "user", content: [{ text: "Hi" }] }] })); } catch (err) { console.log((err as Error).name, (err as Error).message); }
    c.destroy();
  }
  const b = new BedrockClient({ endpoint: emu.url, region: "us-east-1", credentials: creds });
  const l = await b.send(new ListFoundationModelsCommand({ byOutputModality: "EMBEDDING" }));
  console.log(l.modelSummaries?.map((m) => m.modelId));
  console.log(emu.stats);
  await emu.close();
});
