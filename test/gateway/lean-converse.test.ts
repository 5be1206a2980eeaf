import { EventStreamCodec } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LeanConverse } from "../../src/gateway/lean-converse.js";
import type { ConverseInput } from "../../src/gateway/chat/types.js";

/** The SDK-less Converse path against a hand-written Bedrock: framing, exceptions, error names, signing. */
const codec = new EventStreamCodec(toUtf8, fromUtf8);
const str = (value: string) => ({ type: "string" as const, value });
const event = (type: string, payload: unknown) =>
  codec.encode({ headers: { ":message-type": str("event"), ":event-type": str(type), ":content-type": str("application/json") }, body: fromUtf8(JSON.stringify(payload)) });
const exception = (type: string, message: string) =>
  codec.encode({ headers: { ":message-type": str("exception"), ":exception-type": str(type), ":content-type": str("application/json") }, body: fromUtf8(JSON.stringify({ message })) });

let server: http.Server;
let lean: LeanConverse;
let client: BedrockRuntimeClient;
const seen: { path?: string; auth?: string; body?: string } = {};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      Object.assign(seen, { path: req.url, auth: req.headers.authorization, body });
      if (req.url?.endsWith("/converse")) {
        res.writeHead(400, { "content-type": "application/json", "x-amzn-errortype": "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/" });
        res.end(JSON.stringify({ message: "bad input" }));
        return;
      }
      const fail = body.includes("fail");
      const bytes = Buffer.concat([
        event("messageStart", { role: "assistant" }),
        event("contentBlockDelta", { contentBlockIndex: 0, delta: { text: "Hel" } }),
        event("contentBlockDelta", { contentBlockIndex: 0, delta: { text: "lo" } }),
        fail ? exception("modelStreamErrorException", "boom") : event("messageStop", { stopReason: "end_turn" }),
      ]);
      res.writeHead(200, { "content-type": "application/vnd.amazon.eventstream" });
      // Messages split across reads, in pieces that straddle message boundaries.
      let i = 0;
      const step = () => {
        if (i >= bytes.length) return res.end();
        res.write(bytes.subarray(i, i + 7));
        i += 7;
        setTimeout(step, 0);
      };
      step();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = new BedrockRuntimeClient({ region: "us-east-1", endpoint, credentials: { accessKeyId: "AKIATESTTESTTESTTEST", secretAccessKey: "secret" } });
  const agent = new http.Agent({ keepAlive: true });
  lean = await LeanConverse.create(client, endpoint, { http: agent, https: new (await import("node:https")).Agent() }, 5_000);
});
afterAll(async () => {
  client?.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const input = (text: string) => ({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", messages: [{ role: "user", content: [{ text }] }] }) as unknown as ConverseInput;

describe("LeanConverse", () => {
  it("decodes an event stream whose messages are split across reads, in the SDK's event shape", async () => {
    const events: unknown[] = [];
    for await (const ev of await lean.converseStream(input("hi"), new AbortController().signal)) events.push(ev);
    expect(events).toEqual([
      { messageStart: { role: "assistant" } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "Hel" } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "lo" } } },
      { messageStop: { stopReason: "end_turn" } },
    ]);
    expect(seen.path).toBe("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream");
    expect(seen.auth).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIATESTTESTTESTTEST\/\d{8}\/us-east-1\/bedrock\/aws4_request/);
    expect(JSON.parse(seen.body ?? "")).toEqual({ messages: [{ role: "user", content: [{ text: "hi" }] }] });
  });

  it("throws an exception message with the SDK's capitalised class name", async () => {
    const it2 = (await lean.converseStream(input("fail"), new AbortController().signal))[Symbol.asyncIterator]();
    const err = await (async () => {
      for (let i = 0; i < 10; i++) if ((await it2.next()).done) return undefined;
      return undefined;
    })().catch((e: unknown) => e as Error);
    expect(err).toMatchObject({ name: "ModelStreamErrorException", message: "boom" });
  });

  it("names an error answer from x-amzn-errortype, with Bedrock's message and status", async () => {
    const err = await lean.converse(input("hi"), new AbortController().signal).catch((e: unknown) => e as Error & { $metadata?: unknown });
    expect(err).toMatchObject({ name: "ValidationException", message: "bad input", $metadata: { httpStatusCode: 400 } });
  });
});
