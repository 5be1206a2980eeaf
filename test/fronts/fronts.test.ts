import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startFront, type RunningFront } from "../../src/fronts/index.js";

/** A tiny upstream whose behaviour each test sets. */
async function upstream(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

interface Got { status: number; headers: http.IncomingHttpHeaders; body: string }

function send(url: string, opts: { method?: string; body?: string | Buffer; headers?: string[]; onResponse?: (res: http.IncomingMessage) => void } = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", ...(opts.headers ? { headers: [...opts.headers, "host", new URL(url).host] } : {}) }, (res) => {
      opts.onResponse?.(res);
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function setup(name: "alb-lambda" | "api-gateway-streaming", handler: http.RequestListener, extra: Record<string, number> = {}): Promise<RunningFront> {
  const up = await upstream(handler);
  closers.push(up.close);
  const front = await startFront(name, { upstream: up.url, ...extra });
  closers.push(front.close);
  return front;
}

/** An SSE upstream that writes one event, then waits for `release()` before the rest. */
function heldStream() {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let firstWritten!: () => void;
  const wroteFirst = new Promise<void>((r) => (firstWritten = r));
  const handler: http.RequestListener = async (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/event-stream" });
    res.write('data: {"n":1}\n\n', () => firstWritten());
    await released;
    res.end("data: [DONE]\n\n");
  };
  return { handler, release, wroteFirst };
}

describe("alb-lambda front", () => {
  it("keeps the upstream's path prefix in its url", async () => {
    const front = await setup("alb-lambda", (_q, s) => s.end("ok"));
    expect(new URL(front.url).pathname).toBe("/api/v1");
  });

  it("buffers an SSE stream: nothing reaches the client until the upstream has finished", async () => {
    const held = heldStream();
    const front = await setup("alb-lambda", held.handler);
    const order: string[] = [];
    void held.wroteFirst.then(() => setTimeout(() => { order.push("upstream finished"); held.release(); }, 50));
    const got = await send(`${front.url}/chat/completions`, { method: "POST", body: "{}", onResponse: () => order.push("client got headers") });
    expect(order).toEqual(["upstream finished", "client got headers"]);
    expect(got.body).toBe('data: {"n":1}\n\ndata: [DONE]\n\n');
  });

  it("answers a streamed response with a Content-Length, not chunked", async () => {
    const held = heldStream();
    held.release();
    const front = await setup("alb-lambda", held.handler);
    const got = await send(`${front.url}/chat/completions`, { method: "POST", body: "{}" });
    expect(got.headers["content-length"]).toBe(String(Buffer.byteLength(got.body)));
    expect(got.headers["transfer-encoding"]).toBeUndefined();
  });

  it("rejects a request body over 1 MB with ALB's HTML 413 page, without calling the Lambda", async () => {
    let called = false;
    const front = await setup("alb-lambda", (_q, s) => { called = true; s.end("ok"); });
    const got = await send(`${front.url}/chat/completions`, { method: "POST", body: Buffer.alloc(1_000_001, 97) });
    expect(got.status).toBe(413);
    expect(got.headers["content-type"]).toBe("text/html");
    expect(got.body).toContain("<h1>413 Request Entity Too Large</h1>");
    expect(called).toBe(false);
  });

  it("replaces a response body over 1 MB with ALB's HTML 502 page", async () => {
    const front = await setup("alb-lambda", (_q, s) => s.end("x".repeat(1_000_001)));
    const got = await send(`${front.url}/models`);
    expect(got.status).toBe(502);
    expect(got.body).toContain("<h1>502 Bad Gateway</h1>");
  });

  it("cuts a generation longer than the idle timeout with an HTML 504", async () => {
    const front = await setup("alb-lambda", () => undefined, { idleTimeoutMs: 300 });
    const got = await send(`${front.url}/chat/completions`, { method: "POST", body: "{}" });
    expect(got.status).toBe(504);
    expect(got.headers["server"]).toBe("awselb/2.0");
    expect(got.body).toContain("504 Gateway Time-out");
  });

  it("answers 502 HTML when the Lambda cannot be reached", async () => {
    const up = await upstream((_q, s) => s.end());
    await up.close();
    const front = await startFront("alb-lambda", { upstream: up.url });
    closers.push(front.close);
    const got = await send(`${front.url}/models`);
    expect(got.status).toBe(502);
    expect(got.headers["content-type"]).toBe("text/html");
  });

  it("passes one value per header name, the last, as a target group without multi-value headers", async () => {
    let seen: string | string[] | undefined;
    const front = await setup("alb-lambda", (q, s) => {
      seen = q.headers["x-tag"];
      s.setHeader("Set-Cookie", ["a=1", "b=2"]);
      s.end("ok");
    });
    const got = await send(`${front.url}/models`, { headers: ["x-tag", "first", "x-tag", "second"] });
    expect(seen).toBe("second");
    expect(got.headers["set-cookie"]).toEqual(["b=2"]);
  });
});

describe("api-gateway-streaming front", () => {
  it("passes SSE chunks through as they come", async () => {
    const held = heldStream();
    const front = await setup("api-gateway-streaming", held.handler);
    const first = await new Promise<string>((resolve, reject) => {
      const req = http.request(`${front.url}/chat/completions`, { method: "POST" }, (res) => {
        res.once("data", (c: Buffer) => {
          resolve(c.toString());
          held.release();
          res.resume();
        });
      });
      req.on("error", reject);
      req.end("{}");
    });
    expect(first).toBe('data: {"n":1}\n\n');
  });

  it("answers a non-streamed call that outlasts the integration timeout with API Gateway's 504 JSON", async () => {
    const front = await setup("api-gateway-streaming", () => undefined, { integrationTimeoutMs: 300 });
    const got = await send(`${front.url}/chat/completions`, { method: "POST", body: "{}" });
    expect(got.status).toBe(504);
    expect(JSON.parse(got.body)).toEqual({ message: "Endpoint request timed out" });
  });

  it("keeps repeated response headers", async () => {
    const front = await setup("api-gateway-streaming", (_q, s) => {
      s.setHeader("Set-Cookie", ["a=1", "b=2"]);
      s.end("ok");
    });
    expect((await send(`${front.url}/models`)).headers["set-cookie"]).toEqual(["a=1", "b=2"]);
  });
});
