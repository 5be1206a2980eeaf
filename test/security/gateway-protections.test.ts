import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { envelopeProblem } from "./support/envelope.js";
import { sendRaw } from "./support/raw-http.js";
import { type RunningEmulator, gatewayConfig, newKey, onDemandModel, startEmulator, startGateway } from "./support/stack.js";

/**
 * The reference gateway's protections, each shown over real HTTP against the emulator: body limit,
 * slow clients, upstream timeout, client disconnects, throttling. (Remote images: image-ssrf.test.ts.)
 */

let emu: RunningEmulator;
let key: string;
let model: string;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  emu = await startEmulator({ chunkDelayMs: 0 });
  key = newKey();
  model = onDemandModel(emu);
});
afterEach(async () => {
  emu.faults.clear();
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await emu?.close();
});

async function gateway(extra: Parameters<typeof gatewayConfig>[2] & { headersTimeoutMs?: number; requestTimeoutMs?: number } = {}) {
  const gw = await startGateway({ ...gatewayConfig(emu, key, extra), port: 0 });
  open.push(gw);
  return gw;
}

const auth = () => ({ authorization: `Bearer ${key}`, "content-type": "application/json" });
const chat = (extra: Record<string, unknown> = {}) => new TextEncoder().encode(JSON.stringify({ model, messages: [{ role: "user", content: "Say hi." }], max_tokens: 32, ...extra }));

/** Writes raw bytes, keeps writing `drip` every `everyMs`, and resolves with what came back once the server closes. */
function slowClient(port: number, head: string, drip: string, everyMs: number, giveUpMs: number): Promise<{ reply: string; closedByServer: boolean }> {
  return new Promise((resolve) => {
    let reply = "";
    let closedByServer = false;
    const socket = connect(port, "127.0.0.1", () => socket.write(head));
    const timer = setInterval(() => {
      if (socket.writable) socket.write(drip);
    }, everyMs);
    const giveUp = setTimeout(() => socket.destroy(), giveUpMs);
    socket.on("data", (c: Buffer) => (reply += c.toString("utf8")));
    socket.on("end", () => (closedByServer = true));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ reply, closedByServer });
    });
  });
}

function bodyOf(httpReply: string): { status: number; contentType: string; text: string } {
  const [head = "", text = ""] = httpReply.split("\r\n\r\n");
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
  const contentType = /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? "";
  return { status, contentType, text };
}

describe("body limit", () => {
  it("answers a declared oversized body with 413 in the OpenAI envelope", async () => {
    const gw = await gateway({ bodyLimitBytes: 16 * 1024 });
    const body = chat({ padding: "p".repeat(32 * 1024) });
    const a = await sendRaw(`${gw.url}/chat/completions`, { method: "POST", headers: { ...auth(), "content-length": String(body.length) }, body });
    expect(a.status).toBe(413);
    expect(envelopeProblem(a)).toBeUndefined();
  });

  it("answers a chunked oversized body (no Content-Length) with 413 in the OpenAI envelope", async () => {
    const gw = await gateway({ bodyLimitBytes: 16 * 1024 });
    const a = await new Promise<{ status: number; contentType: string; text: string }>((resolve) => {
      const req = request(`${gw.url}/chat/completions`, { method: "POST", headers: { ...auth(), "transfer-encoding": "chunked" } }, (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"]), text }));
      });
      req.on("error", () => resolve({ status: 0, contentType: "", text: "" }));
      req.write('{"model":"m","messages":[{"role":"user","content":"');
      for (let i = 0; i < 8; i += 1) req.write("x".repeat(4 * 1024));
      req.end('"}]}');
    });
    expect(a.status).toBe(413);
    expect(envelopeProblem(a)).toBeUndefined();
  });
});

describe("slow clients (slowloris)", () => {
  it("closes a connection whose headers never finish, with 408 in the OpenAI envelope", async () => {
    const gw = await gateway({ headersTimeoutMs: 400 });
    const r = await slowClient(gw.port, "POST /api/v1/chat/completions HTTP/1.1\r\nhost: x\r\n", "x-slow: 1\r\n", 100, 10_000);
    expect(r.closedByServer).toBe(true);
    const reply = bodyOf(r.reply);
    expect(reply.status).toBe(408);
    expect(envelopeProblem(reply)).toBeUndefined();
  });

  it("closes a connection whose body trickles in past the request timeout", async () => {
    const gw = await gateway({ headersTimeoutMs: 400, requestTimeoutMs: 800 });
    const r = await slowClient(gw.port, `POST /api/v1/chat/completions HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${key}\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{`, " ", 100, 10_000);
    expect(r.closedByServer).toBe(true);
    expect(bodyOf(r.reply).status).toBe(408);
  });
});

describe("upstream timeout", () => {
  it("answers 504 in the OpenAI envelope when Bedrock stays silent past upstreamTimeoutMs", async () => {
    const gw = await gateway({ upstreamTimeoutMs: 300 });
    emu.faults.latencyMs(3_000);
    const a = await sendRaw(`${gw.url}/chat/completions`, { method: "POST", headers: auth(), body: chat() });
    expect(a.status).toBe(504);
    expect(envelopeProblem(a)).toBeUndefined();
  });
});

describe("client disconnect", () => {
  it("aborts the Bedrock stream for every client that goes away mid-stream (N of N)", async () => {
    const gw = await gateway();
    emu.faults.chunkDelayMs(50);
    const before = { ...emu.stats };
    const n = 8;
    await Promise.all(
      Array.from({ length: n }, () =>
        new Promise<void>((resolve) => {
          const req = request(`${gw.url}/chat/completions`, { method: "POST", headers: auth() }, (res) => {
            // First bytes of the stream arrived: the Bedrock call is running. Now hang up.
            res.once("data", () => {
              req.destroy();
              resolve();
            });
          });
          req.on("error", () => resolve());
          req.end(chat({ stream: true, max_tokens: 2_000 }));
        }),
      ),
    );
    const deadline = Date.now() + 10_000;
    while (emu.stats.streamsCancelled - before.streamsCancelled < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(emu.stats.streamsStarted - before.streamsStarted).toBe(n);
    expect(emu.stats.streamsCancelled - before.streamsCancelled).toBe(n);
    expect(emu.stats.streamsCompleted - before.streamsCompleted).toBe(0);
  });
});

describe("throttling", () => {
  it("answers Bedrock throttling with 429, Retry-After and the OpenAI envelope", async () => {
    const gw = await gateway();
    emu.faults.throttleNext(1);
    const a = await sendRaw(`${gw.url}/chat/completions`, { method: "POST", headers: auth(), body: chat() });
    expect(a.status).toBe(429);
    expect(Number(a.retryAfter)).toBeGreaterThan(0);
    expect(envelopeProblem(a)).toBeUndefined();
  });

  it("makes exactly one Bedrock call per client request while throttled (no retry storm)", async () => {
    const gw = await gateway();
    const n = 20;
    emu.faults.throttleNext(n);
    const invocations = () => Object.entries(emu.stats.byOperation).filter(([op]) => /^(Converse|InvokeModel)/.test(op)).reduce((sum, [, c]) => sum + c, 0);
    const before = invocations();
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) => sendRaw(`${gw.url}/chat/completions`, { method: "POST", headers: auth(), body: chat({ stream: i % 2 === 0 }) })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: n }, () => 429));
    expect(invocations() - before).toBe(n);
  });
});
