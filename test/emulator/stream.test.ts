import {
  type BedrockRuntimeClient,
  ConverseStreamCommand,
  InvokeModelWithResponseStreamCommand,
  ModelStreamErrorException,
  ThrottlingException,
} from "@aws-sdk/client-bedrock-runtime";
import { EventStreamCodec } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { raw, rejection, runtimeClient, TRANSPORTS, userSays } from "./helpers.js";

const MODEL = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** Splits an event-stream body into frames using each prelude's total length. */
function frames(body: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < body.length; ) {
    const total = body.readUInt32BE(at);
    out.push(body.subarray(at, at + total));
    at += total;
  }
  return out;
}

function headerValues(frame: Buffer): Record<string, string> {
  const m = codec.decode(frame);
  return Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [k, String(v.value)]));
}

async function waitFor(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe("ConverseStream on the wire", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ chunkDelayMs: 0 });
  });
  afterAll(() => emu.close());
  afterEach(() => emu.faults.clear());

  it("answers with content-type application/vnd.amazon.eventstream", async () => {
    const res = await raw(emu, "POST", `/model/${encodeURIComponent(MODEL)}/converse-stream`, JSON.stringify({ messages: userSays("hi") }));
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.amazon.eventstream");
  });

  it("sends frames that decode with EventStreamCodec, CRCs verified", async () => {
    const res = await raw(emu, "POST", `/model/${encodeURIComponent(MODEL)}/converse-stream`, JSON.stringify({ messages: userSays("hi") }));
    const list = frames(res.body);
    expect(list.length).toBeGreaterThan(5);
    for (const f of list) expect(() => codec.decode(f)).not.toThrow();
    const first = headerValues(list[0] as Buffer);
    expect(first).toEqual({ ":event-type": "messageStart", ":content-type": "application/json", ":message-type": "event" });
    expect(JSON.parse(toUtf8(codec.decode(list[0] as Buffer).body))).toEqual({ role: "assistant" });
  });

  it("has frames whose corrupted payload fails the message CRC", async () => {
    const res = await raw(emu, "POST", `/model/${encodeURIComponent(MODEL)}/converse-stream`, JSON.stringify({ messages: userSays("hi") }));
    const f = Buffer.from(frames(res.body)[1] as Buffer);
    f[f.length - 6] = (f[f.length - 6] as number) ^ 0xff;
    expect(() => codec.decode(f)).toThrow(/checksum/i);
  });

  it("sends a mid-stream failure as a :message-type exception frame after k events", async () => {
    emu.faults.failStreamAfter(2, "throttlingException");
    const res = await raw(emu, "POST", `/model/${encodeURIComponent(MODEL)}/converse-stream`, JSON.stringify({ messages: userSays("hi") }));
    const list = frames(res.body);
    expect(res.status).toBe(200);
    expect(list).toHaveLength(3);
    expect(headerValues(list[2] as Buffer)).toMatchObject({ ":message-type": "exception", ":exception-type": "throttlingException" });
  });
});

describe.each(TRANSPORTS)("streams through the SDK over %s", (transport) => {
  let emu: RunningEmulator;
  let client: BedrockRuntimeClient;
  beforeAll(async () => {
    emu = await startEmulator({ chunkDelayMs: 0 });
    client = runtimeClient(emu, transport);
  });
  afterAll(async () => {
    client.destroy();
    await emu.close();
  });
  afterEach(() => emu.faults.clear());

  it("raises a mid-stream ModelStreamErrorException from the SDK's iterator", async () => {
    emu.faults.failStreamAfter(3);
    const r = await client.send(new ConverseStreamCommand({ modelId: MODEL, messages: userSays("hello there") }));
    const seen: string[] = [];
    const err = await rejection(
      (async () => {
        for await (const e of r.stream ?? []) seen.push(Object.keys(e)[0] as string);
      })(),
    );
    expect(err).toBeInstanceOf(ModelStreamErrorException);
    expect(err.message).toBe("An error occurred while processing the model's output stream. Try your request again.");
    expect(seen).toHaveLength(3);
  });

  it("raises a mid-stream ThrottlingException from InvokeModelWithResponseStream", async () => {
    emu.faults.failStreamAfter(1, "throttlingException");
    const r = await client.send(
      new InvokeModelWithResponseStreamCommand({
        modelId: MODEL,
        body: JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 50, messages: [{ role: "user", content: "hi" }] }),
      }),
    );
    const err = await rejection(
      (async () => {
        for await (const _e of r.body ?? []) void _e;
      })(),
    );
    expect(err).toBeInstanceOf(ThrottlingException);
  });

  it("counts a stream as cancelled when the caller aborts mid-stream", async () => {
    emu.faults.chunkDelayMs(50);
    const before = { ...emu.stats };
    const abort = new AbortController();
    const r = await client.send(new ConverseStreamCommand({ modelId: MODEL, messages: userSays("[[words:200]]") }), { abortSignal: abort.signal });
    const iterating = (async () => {
      for await (const e of r.stream ?? []) if (e.contentBlockDelta) abort.abort();
    })();
    await iterating.catch(() => undefined);
    await waitFor(() => emu.stats.streamsCancelled > before.streamsCancelled);
    expect(emu.stats.streamsCancelled).toBe(before.streamsCancelled + 1);
    expect(emu.stats.streamsCompleted).toBe(before.streamsCompleted);
  });

  it("counts a stream as cancelled when the caller aborts before the first byte", async () => {
    emu.faults.latencyMs(2_000);
    const before = emu.stats.streamsCancelled;
    const abort = new AbortController();
    const call = client.send(new ConverseStreamCommand({ modelId: MODEL, messages: userSays("hi") }), { abortSignal: abort.signal });
    setTimeout(() => abort.abort(), 100);
    await expect(call).rejects.toThrow();
    await waitFor(() => emu.stats.streamsCancelled > before);
    expect(emu.stats.streamsCancelled).toBe(before + 1);
  });

  it("counts a stream as completed when the caller reads it to the end", async () => {
    const before = emu.stats.streamsCompleted;
    const r = await client.send(new ConverseStreamCommand({ modelId: MODEL, messages: userSays("hi") }));
    for await (const _e of r.stream ?? []) void _e;
    expect(emu.stats.streamsCompleted).toBe(before + 1);
  });
});

describe("long streams", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ chunkDelayMs: 0 });
  });
  afterAll(() => emu.close());

  it("writes a long stream to the end even when the socket pushes back", async () => {
    const res = await raw(emu, "POST", `/model/${encodeURIComponent(MODEL)}/converse-stream`, JSON.stringify({ messages: userSays("[[words:8000]]"), inferenceConfig: { maxTokens: 8192 } }));
    const list = frames(res.body);
    expect(headerValues(list.at(-1) as Buffer)[":event-type"]).toBe("metadata");
    expect(list.length).toBe(4000 + 4);
  });

  it("counts a stream ended by an injected exception as failed, not completed", async () => {
    emu.faults.failStreamAfter(1);
    const before = { ...emu.stats };
    await raw(emu, "POST", `/model/${encodeURIComponent(MODEL)}/converse-stream`, JSON.stringify({ messages: userSays("hi") }));
    emu.faults.clear();
    expect(emu.stats.streamsFailed).toBe(before.streamsFailed + 1);
    expect(emu.stats.streamsCompleted).toBe(before.streamsCompleted);
  });
});
