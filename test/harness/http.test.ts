import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpClient, findingForExchange, type Exchange } from "../../src/harness/index.js";
import { closedPort, json, startServer, type TestServer } from "./servers.js";

const KEY = "sk-test-Secret/Key+42==";
const servers: TestServer[] = [];
async function serve(...args: Parameters<typeof startServer>): Promise<TestServer> {
  const s = await startServer(...args);
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function client(baseUrl: string, extra: { timeoutMs?: number; maxBytes?: number } = {}) {
  const exchanges: Exchange[] = [];
  const c = createHttpClient({ target: { baseUrl }, key: KEY, timeoutMs: extra.timeoutMs ?? 2_000, maxBytes: extra.maxBytes, onExchange: (e) => exchanges.push(e) });
  return { c, exchanges };
}

describe("createHttpClient", () => {
  it("sends the key as Bearer and records the exchange with the key redacted", async () => {
    const s = await serve((_req, res) => json(res, 200, { object: "list", data: [] }));
    const { c, exchanges } = client(`${s.url}/api/v1`);
    const res = await c.request({ path: "/models" });
    await c.close();
    expect(s.seen[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(s.seen[0]?.url).toBe("/api/v1/models");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ object: "list", data: [] });
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.requestHeaders.authorization).toBe("Bearer [REDACTED]");
    expect(JSON.stringify(exchanges)).not.toContain(KEY);
  });

  it("sends no auth with auth: none, and a public wrong key with auth: wrong", async () => {
    const s = await serve((_req, res) => json(res, 401, { error: { message: "no" } }));
    const { c } = client(s.url);
    await c.request({ path: "/models", auth: "none" });
    await c.request({ path: "/models", auth: "wrong" });
    await c.close();
    expect(s.seen[0]?.headers.authorization).toBeUndefined();
    expect(s.seen[1]?.headers.authorization).toMatch(/^Bearer sk-bagcheck-wrong/);
  });

  it("redacts the key echoed back in a body (plain, URL-encoded, base64) and says it was echoed", async () => {
    const echo = `${KEY} ${encodeURIComponent(KEY)} ${Buffer.from(KEY).toString("base64")}`;
    const s = await serve((_req, res) => json(res, 401, { error: { message: `bad key ${echo}` } }));
    const { c, exchanges } = client(s.url);
    const res = await c.request({ path: "/models" });
    await c.close();
    expect(res.keyEchoed).toBe(true);
    expect(exchanges[0]?.keyEchoed).toBe(true);
    const recorded = JSON.stringify([res.text, exchanges]);
    expect(recorded).not.toContain(KEY);
    expect(recorded).not.toContain(encodeURIComponent(KEY));
    expect(recorded).not.toContain(Buffer.from(KEY).toString("base64"));
  });

  it("names a server that accepts but never answers: headers-timeout", async () => {
    const s = await serve(() => undefined);
    const { c, exchanges } = client(s.url, { timeoutMs: 300 });
    const res = await c.request({ path: "/models" });
    await c.close();
    expect(res.error?.kind).toBe("headers-timeout");
    expect(res.status).toBeUndefined();
    expect(findingForExchange(exchanges[0] as Exchange)?.id).toBe("target-headers-timeout");
  });

  it("names a body that starts and never ends: body-timeout", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: {}\n\n");
    });
    const { c } = client(s.url, { timeoutMs: 300 });
    const res = await c.stream({ path: "/chat/completions", body: { stream: true } });
    await c.close();
    expect(res.status).toBe(200);
    expect(res.error?.kind).toBe("body-timeout");
    expect(res.events).toHaveLength(1);
  });

  it("stops reading past the size cap, closes the connection and names it too-large", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      const pump = () => {
        while (res.write(chunk));
        res.once("drain", pump);
      };
      res.on("error", () => undefined);
      pump();
    });
    const { c, exchanges } = client(s.url, { maxBytes: 64 * 1024 });
    const res = await c.request({ path: "/models" });
    await c.close();
    expect(res.error?.kind).toBe("too-large");
    expect(res.text.length).toBe(64 * 1024);
    expect(exchanges[0]?.responseBytes).toBeGreaterThan(64 * 1024);
    expect(findingForExchange(exchanges[0] as Exchange)?.id).toBe("response-too-large");
  });

  it("does not follow a redirect to another host, and the key never reaches it", async () => {
    const other = await serve((_req, res) => json(res, 200, {}));
    const s = await serve((_req, res) => {
      res.writeHead(302, { location: `http://localhost:${other.port}/steal` });
      res.end();
    });
    const { c, exchanges } = client(s.url);
    const res = await c.request({ path: "/models" });
    await c.close();
    expect(res.status).toBe(302);
    expect(res.error?.kind).toBe("redirect-blocked");
    expect(other.seen).toHaveLength(0);
    expect(findingForExchange(exchanges[0] as Exchange)?.id).toBe("redirect-to-other-host");
  });

  it("never sends the key to an absolute URL on another origin", async () => {
    const other = await serve((_req, res) => json(res, 200, {}));
    const s = await serve((_req, res) => json(res, 200, {}));
    const { c } = client(s.url);
    await c.request({ path: `http://localhost:${other.port}/models` });
    await c.close();
    expect(other.seen[0]?.headers.authorization).toBeUndefined();
  });

  it("records the arrival time of every SSE event and sees [DONE]", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"n":1}\n\n');
      setTimeout(() => {
        res.write('data: {"n":2}\n\n');
        setTimeout(() => res.end("data: [DONE]\n\n"), 60);
      }, 60);
    });
    const { c, exchanges } = client(s.url);
    const res = await c.stream({ path: "/chat/completions", body: { model: "m", stream: true } });
    await c.close();
    expect(res.events.map((e) => e.data)).toEqual(['{"n":1}', '{"n":2}', "[DONE]"]);
    expect(res.sawDone).toBe(true);
    const times = res.events.map((e) => e.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[2]).toBeGreaterThan(times[0] as number);
    expect(exchanges[0]?.events).toHaveLength(3);
  });

  it("inflates compressed bodies only up to the cap: a gzip bomb is a decompression-bomb", async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024));
    const s = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(bomb);
    });
    const { c, exchanges } = client(s.url, { maxBytes: 256 * 1024 });
    const res = await c.request({ path: "/models" });
    await c.close();
    expect(res.error?.kind).toBe("decompression-bomb");
    expect(findingForExchange(exchanges[0] as Exchange)?.id).toBe("response-decompression-bomb");
  });

  it("flags an HTML page and invalid UTF-8 as anomalies of the exchange", async () => {
    const s = await serve((req, res) => {
      if (req.url === "/html") {
        res.writeHead(502, { "content-type": "text/html" });
        res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
      } else {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
      }
    });
    const { c, exchanges } = client(s.url);
    await c.request({ path: "/html" });
    await c.request({ path: "/bytes" });
    await c.close();
    expect(exchanges[0]?.anomalies).toEqual(["html-body"]);
    expect(exchanges[1]?.anomalies).toEqual(["invalid-utf8"]);
  });

  it("names a closed port: connect-refused", async () => {
    const port = await closedPort();
    const { c, exchanges } = client(`http://127.0.0.1:${port}/v1`);
    const res = await c.request({ path: "/models" });
    await c.close();
    expect(res.error?.kind).toBe("connect-refused");
    expect(findingForExchange(exchanges[0] as Exchange)?.id).toBe("target-connection-refused");
  });

  it("reports each successful model call with its token usage", async () => {
    const s = await serve((_req, res) => json(res, 200, { choices: [], usage: { prompt_tokens: 7, completion_tokens: 3 } }));
    const calls: unknown[] = [];
    const c = createHttpClient({ target: { baseUrl: s.url }, key: KEY, timeoutMs: 2_000, onModelCall: (call) => calls.push(call) });
    await c.request({ path: "/chat/completions", body: { model: "amazon.nova-micro-v1:0", max_tokens: 5 } });
    await c.request({ path: "/models" });
    await c.close();
    expect(calls).toEqual([{ model: "amazon.nova-micro-v1:0", promptTokens: 7, completionTokens: 3 }]);
  });
});
