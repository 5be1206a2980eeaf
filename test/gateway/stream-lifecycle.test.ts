import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY, eventually, startStack, type Stack } from "./support.js";

/** The stream's life over real HTTP: headers, keep-alives, client disconnects, upstream timeouts. */
let stack: Stack;
beforeAll(async () => {
  // The idle timeout leaves room for a loaded CI machine; the timeout tests hold Bedrock silent well past it.
  stack = await startStack({ chunkDelayMs: 20, gateway: { keepAliveMs: 50, upstreamTimeoutMs: 1_500 } });
  await (await post(body(false, "warm up"))).text(); // SDK loaded, model catalog cached
});
afterAll(async () => {
  await stack?.close();
});

const HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
const body = (stream: boolean, content = "Tell me a long story about Tokyo") => JSON.stringify({ model: HAIKU, messages: [{ role: "user", content }], stream });
const post = (b: string) => fetch(`${stack.gw.url}/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" }, body: b });

describe("SSE stream lifecycle", () => {
  it("answers with text/event-stream, no-cache and x-accel-buffering: no, and ends with [DONE]", async () => {
    const res = await post(body(true));
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    expect((await res.text()).trimEnd().endsWith("data: [DONE]")).toBe(true);
  });

  it("sends keep-alive comments while Bedrock is slow to start", async () => {
    stack.emu.faults.latencyMs(250);
    try {
      const text = await (await post(body(true))).text();
      expect(text.startsWith(": keep-alive\n\n")).toBe(true);
      expect(text).toContain("data: [DONE]");
    } finally {
      stack.emu.faults.clear();
    }
  });

  it("aborts the Bedrock stream when the client disconnects mid-stream (every one of 5 trials)", async () => {
    let cancelled = 0;
    for (let trial = 0; trial < 5; trial++) {
      const before = stack.emu.stats.streamsCancelled;
      await new Promise<void>((resolve, reject) => {
        const req = request(`${stack.gw.url}/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" } }, (res) => {
          res.once("data", () => {
            req.destroy(); // the client goes away after the first bytes
            resolve();
          });
        });
        req.on("error", () => undefined);
        req.once("response", () => undefined);
        req.end(body(true, `Tell me a very long story, number ${trial}, about the sea and the mountains and the rivers`));
        setTimeout(() => reject(new Error("no first chunk")), 5_000);
      });
      if (await eventually(() => stack.emu.stats.streamsCancelled > before)) cancelled++;
    }
    expect(cancelled).toBe(5);
  });

  it("answers 504 when Bedrock stays silent past the upstream timeout (no streaming)", async () => {
    stack.emu.faults.latencyMs(5_000);
    try {
      const res = await post(body(false));
      expect(res.status).toBe(504);
      expect(await res.json()).toMatchObject({ error: { code: "upstream_timeout" } });
    } finally {
      stack.emu.faults.clear();
    }
  });

  it("ends a stream whose Bedrock goes silent with an error event instead of hanging", async () => {
    stack.emu.faults.latencyMs(5_000);
    try {
      const text = await (await post(body(true))).text();
      expect(text).toContain('data: {"error":');
      expect(text).toContain("upstream_timeout");
    } finally {
      stack.emu.faults.clear();
    }
  });
});
