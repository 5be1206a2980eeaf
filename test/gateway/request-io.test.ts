import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GatewayError } from "../../src/gateway/errors.js";
import { clientGone, readBody, requestHeader } from "../../src/gateway/request-io.js";

/**
 * The same small app answered two ways: in process (a WHATWG Request, as on Lambda) and by @hono/node-server
 * over a socket (the IncomingMessage path). Both must read a request the same way.
 */
const app = new Hono();
app.post("/echo", async (c) => {
  try {
    const body = await readBody(c, 64);
    return c.json({ body, auth: requestHeader(c, "authorization") ?? null, tag: requestHeader(c, "x-tag") ?? null });
  } catch (err) {
    if (err instanceof GatewayError) return c.json({ status: err.status, code: err.code }, 413);
    throw err;
  }
});
let gone: Promise<string>;
app.post("/gone", (c) => {
  gone = new Promise((resolve) => clientGone(c)(() => resolve("gone")));
  return new Promise<Response>(() => undefined); // never answers: the client leaves first
});

let server: Server;
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, () => resolve()) as Server;
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** POST over a socket with raw header pairs (so repeated headers stay repeated; Node adds no Host then) and a body in pieces. */
function overSocket(path: string, rawHeaders: [string, string][], pieces: string[]): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: "POST", headers: [["host", `127.0.0.1:${port}`], ...rawHeaders].flat() }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }));
    });
    req.on("error", reject);
    for (const p of pieces) req.write(p);
    req.end();
  });
}

async function inProcess(path: string, rawHeaders: [string, string][], body: string): Promise<{ status: number; json: unknown }> {
  const headers = new Headers();
  for (const [k, v] of rawHeaders) headers.append(k, v);
  const res = await app.request(path, { method: "POST", headers, body });
  return { status: res.status, json: await res.json() };
}

describe("reading a request on Node and elsewhere", () => {
  it("joins a repeated header with ', ' and matches names in any case, as Headers does", async () => {
    const headers: [string, string][] = [["Authorization", "Bearer a"], ["X-Tag", "one"], ["x-tag", "two"]];
    const node = await overSocket("/echo", headers, ["{}"]);
    expect(node.json).toEqual({ body: "{}", auth: "Bearer a", tag: "one, two" });
    expect(node).toEqual(await inProcess("/echo", headers, "{}"));
  });

  it("reads a body sent in several pieces as one text, without its byte-order mark", async () => {
    const node = await overSocket("/echo", [["transfer-encoding", "chunked"]], ["\ufeff{\"a\":", "\"é\"}"]);
    expect(node.json).toMatchObject({ body: "{\"a\":\"é\"}" });
    expect((await inProcess("/echo", [], "\ufeff{\"a\":\"é\"}")).json).toMatchObject({ body: "{\"a\":\"é\"}" });
  });

  it("refuses a chunked body once it passes the limit", async () => {
    const node = await overSocket("/echo", [["transfer-encoding", "chunked"]], ["x".repeat(40), "y".repeat(40)]);
    expect(node).toEqual({ status: 413, json: { status: 413, code: "request_too_large" } });
  });

  it("tells the route when the client leaves before the answer", async () => {
    const req = request({ host: "127.0.0.1", port, path: "/gone", method: "POST", headers: { "content-length": "2" } });
    req.on("error", () => undefined);
    req.end("{}");
    await new Promise((r) => setTimeout(r, 100));
    req.destroy();
    await expect(gone).resolves.toBe("gone");
  });
});
