import { request } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type HostileGateway, hostileGateways } from "../../fixtures/gateways/hostile.js";

/**
 * The fixtures themselves, spoken to with raw sockets: each is hostile the way its name says, so the
 * harness tests built on them cannot pass by accident against a fixture that turned friendly.
 */

interface Raw {
  status?: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: number;
  head: Buffer;
  ended: boolean;
}

/** GET or POST with a byte cap and a deadline; never reads more than `cap` bytes. */
function fetchRaw(gw: HostileGateway, path: string, opts: { body?: string; cap?: number; deadlineMs?: number } = {}): Promise<Raw> {
  const url = new URL(gw.url + path);
  const cap = opts.cap ?? 256 * 1024;
  return new Promise((resolve) => {
    const out: Raw = { headers: {}, bytes: 0, head: Buffer.alloc(0), ended: false };
    const req = request(url, { method: opts.body ? "POST" : "GET", headers: { authorization: `Bearer ${gw.key}`, "content-type": "application/json" } }, (res) => {
      out.status = res.statusCode;
      out.headers = res.headers;
      res.on("data", (c: Buffer) => {
        out.bytes += c.length;
        if (out.head.length < 4096) out.head = Buffer.concat([out.head, c]).subarray(0, 4096);
        if (out.bytes >= cap) req.destroy();
      });
      res.on("end", () => {
        out.ended = true;
        done();
      });
      res.on("close", done);
    });
    const timer = setTimeout(() => req.destroy(), opts.deadlineMs ?? 1_500);
    function done(): void {
      clearTimeout(timer);
      resolve(out);
    }
    req.on("error", done);
    req.end(opts.body);
  });
}

const chat = JSON.stringify({ model: "m", messages: [{ role: "user", content: "hi" }], stream: true });
let open: HostileGateway | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});
async function startFixture(name: string): Promise<HostileGateway> {
  const start = hostileGateways[name];
  if (!start) throw new Error(`no fixture ${name}`);
  open = await start();
  return open;
}

describe("hostile gateway fixtures", () => {
  it("endless-sse keeps streaming past a deadline and never sends [DONE]", async () => {
    const gw = await startFixture("endless-sse");
    const r = await fetchRaw(gw, "/chat/completions", { body: chat, deadlineMs: 400 });
    expect(r.headers["content-type"]).toContain("text/event-stream");
    expect(r.ended).toBe(false);
    expect(r.head.toString()).not.toContain("[DONE]");
  });

  it("endless-headers never finishes its headers", async () => {
    const gw = await startFixture("endless-headers");
    const r = await fetchRaw(gw, "/models", { deadlineMs: 400 });
    expect(r.status).toBeUndefined();
  });

  it("huge-body sends more than a client should keep, without a Content-Length", async () => {
    const gw = await startFixture("huge-body");
    const r = await fetchRaw(gw, "/models", { cap: 8 * 1024 * 1024, deadlineMs: 5_000 });
    expect(r.headers["content-length"]).toBeUndefined();
    expect(r.bytes).toBeGreaterThanOrEqual(8 * 1024 * 1024);
  });

  it("gzip-bomb sends gzip that inflates far beyond its wire size", async () => {
    const gw = await startFixture("gzip-bomb");
    const r = await fetchRaw(gw, "/models", { cap: 64 * 1024 });
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(Number(r.headers["content-length"])).toBeLessThan(4 * 1024 * 1024);
  });

  it("invalid-utf8 declares utf-8 and sends bytes that do not decode", async () => {
    const gw = await startFixture("invalid-utf8");
    const r = await fetchRaw(gw, "/models");
    expect(r.headers["content-type"]).toContain("utf-8");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(r.head)).toThrow();
  });

  it("redirect sends the client to another port, whose server records whether the key came along", async () => {
    const gw = await startFixture("redirect");
    const r = await fetchRaw(gw, "/models");
    expect(r.status).toBe(307);
    const location = new URL(String(r.headers.location));
    expect(location.port).not.toBe(new URL(gw.url).port);
    expect(gw.sink?.requests()).toBe(0);
    // Follow it by hand with the key, as a careless client would: the sink notices.
    await new Promise<void>((resolve) => {
      request(location, { headers: { authorization: `Bearer ${gw.key}` } }, (res) => res.resume().on("end", resolve)).end();
    });
    expect(gw.sink?.requests()).toBe(1);
    expect(gw.sink?.keySeen()).toBe(true);
  });

  it("silent accepts the connection and never answers", async () => {
    const gw = await startFixture("silent");
    const { port } = new URL(gw.url);
    const got = await new Promise<{ connected: boolean; bytes: number }>((resolve) => {
      let connected = false;
      let bytes = 0;
      const s = connect(Number(port), "127.0.0.1", () => {
        connected = true;
        s.write("GET /v1/models HTTP/1.1\r\nhost: x\r\n\r\n");
      });
      s.on("data", (c: Buffer) => (bytes += c.length));
      setTimeout(() => {
        s.destroy();
        resolve({ connected, bytes });
      }, 300);
    });
    expect(got).toEqual({ connected: true, bytes: 0 });
  });

  it("html answers API paths with an HTML page, errors included", async () => {
    const gw = await startFixture("html");
    const r = await fetchRaw(gw, "/chat/completions", { body: chat });
    expect(r.headers["content-type"]).toContain("text/html");
    expect(r.head.toString()).toContain("<pre>Cannot POST /v1/chat/completions</pre>");
  });

  it("garbage-sse sends a text/event-stream that is not SSE and ends without [DONE]", async () => {
    const gw = await startFixture("garbage-sse");
    const r = await fetchRaw(gw, "/chat/completions", { body: chat, cap: 8 * 1024 * 1024, deadlineMs: 5_000 });
    expect(r.headers["content-type"]).toContain("text/event-stream");
    expect(r.ended).toBe(true);
    expect(r.head.toString("latin1")).toContain("data: {not json");
    expect(r.bytes).toBeGreaterThan(512 * 1024);
  });
});
