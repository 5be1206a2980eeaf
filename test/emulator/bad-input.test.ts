import { connect } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { errorType, raw, sigv4, userSays } from "./helpers.js";

const MODEL = encodeURIComponent("amazon.nova-micro-v1:0");

describe("bad input gets AWS-shaped errors, never a crash", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ chunkDelayMs: 0, maxBodyBytes: 64 * 1024 });
  });
  afterAll(() => emu.close());
  afterEach(() => emu.faults.clear());

  it("answers invalid JSON with SerializationException 400", async () => {
    const res = await raw(emu, "POST", `/model/${MODEL}/converse`, "{not json");
    expect(res.status).toBe(400);
    expect(errorType(res)).toBe("SerializationException");
    expect(JSON.parse(res.body.toString())).toHaveProperty("message");
  });

  it("answers a JSON array body with SerializationException 400", async () => {
    const res = await raw(emu, "POST", `/model/${MODEL}/converse`, "[1,2]");
    expect(errorType(res)).toBe("SerializationException");
  });

  it("answers an unknown operation with UnknownOperationException 404", async () => {
    const res = await raw(emu, "POST", `/model/${MODEL}/summon`, "{}");
    expect(res.status).toBe(404);
    expect(errorType(res)).toBe("UnknownOperationException");
  });

  it("answers an oversized body with ValidationException 400", async () => {
    const res = await raw(emu, "POST", `/model/${MODEL}/converse`, JSON.stringify({ messages: userSays("x".repeat(100 * 1024)) }));
    expect(res.status).toBe(400);
    expect(errorType(res)).toBe("ValidationException");
    expect(JSON.parse(res.body.toString()).message).toMatch(/larger than the maximum/);
  });

  it("answers a broken percent-encoding in the model id with ValidationException", async () => {
    const res = await raw(emu, "POST", "/model/%E0%A4%A/converse", JSON.stringify({ messages: userSays("hi") }));
    expect(errorType(res)).toBe("ValidationException");
  });

  it("answers messages of the wrong type with ValidationException, not a 500", async () => {
    const res = await raw(emu, "POST", `/model/${MODEL}/converse`, JSON.stringify({ messages: "hello" }));
    expect(res.status).toBe(400);
    expect(errorType(res)).toBe("ValidationException");
  });

  it("answers a message whose content is not a list with ValidationException", async () => {
    const res = await raw(emu, "POST", `/model/${MODEL}/converse`, JSON.stringify({ messages: [{ role: "user", content: "hi" }] }));
    expect(errorType(res)).toBe("ValidationException");
  });

  it("answers an unencoded model id the way curl users send it", async () => {
    const res = await raw(emu, "POST", "/model/amazon.nova-micro-v1:0/converse", JSON.stringify({ messages: userSays("hi") }));
    expect(res.status).toBe(200);
  });

  it("answers a request without Authorization with MissingAuthenticationTokenException 403", async () => {
    const res = await raw(emu, "POST", `/model/${MODEL}/converse`, JSON.stringify({ messages: userSays("hi") }), { authorization: "" });
    expect(res.status).toBe(403);
    expect(errorType(res)).toBe("MissingAuthenticationTokenException");
    expect(JSON.parse(res.body.toString())).toEqual({ message: "Missing Authentication Token" });
  });

  it("answers a non-SigV4 Authorization header with IncompleteSignatureException 403", async () => {
    const res = await raw(emu, "GET", "/foundation-models", undefined, { authorization: "Basic dXNlcjpwYXNz" });
    expect(res.status).toBe(403);
    expect(errorType(res)).toBe("IncompleteSignatureException");
  });

  it("answers a signature scoped to another service with InvalidSignatureException", async () => {
    const res = await raw(emu, "GET", "/foundation-models", undefined, { authorization: sigv4(emu.region, "s3") });
    expect(errorType(res)).toBe("InvalidSignatureException");
  });

  it("accepts a Bedrock API key as a Bearer token", async () => {
    const res = await raw(emu, "GET", "/foundation-models", undefined, { authorization: "Bearer ABSKbmV2ZXI=" });
    expect(res.status).toBe(200);
  });

  it("survives a client that hangs up in the middle of its request body", async () => {
    const before = emu.stats.errors.ValidationException ?? 0;
    await new Promise<void>((resolve) => {
      const s = connect(emu.port, "127.0.0.1", () => {
        s.write(`POST /model/${MODEL}/converse HTTP/1.1\r\nHost: x\r\nAuthorization: ${sigv4(emu.region)}\r\nContent-Length: 1000\r\n\r\n{"mess`);
        setTimeout(() => s.destroy(), 50);
      });
      s.on("close", () => resolve());
    });
    for (let i = 0; i < 100 && (emu.stats.errors.ValidationException ?? 0) === before; i++) await new Promise((r) => setTimeout(r, 10));
    expect(emu.stats.errors.ValidationException).toBe(before + 1);
    expect((await raw(emu, "GET", "/foundation-models")).status).toBe(200);
  });

  it("survives a client that sends garbage bytes and hangs up", async () => {
    await new Promise<void>((resolve) => {
      const s = connect(emu.port, "127.0.0.1", () => s.end("\x00\x01garbage\r\n\r\n"));
      s.resume();
      s.on("close", () => resolve());
      s.on("error", () => resolve());
    });
    const res = await raw(emu, "GET", "/foundation-models");
    expect(res.status).toBe(200);
  });

  it("survives a client that sends a bad HTTP/2 preface continuation", async () => {
    await new Promise<void>((resolve) => {
      const s = connect(emu.port, "127.0.0.1", () => s.end("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\xff\xff\xff\xff\xff\xff\xff\xff\xff"));
      s.resume();
      s.on("close", () => resolve());
      s.on("error", () => resolve());
    });
    const res = await raw(emu, "GET", "/foundation-models");
    expect(res.status).toBe(200);
  });
});

describe("fault and stats endpoints for outside gateways", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ chunkDelayMs: 0 });
  });
  afterAll(() => emu.close());

  it("sets faults with POST /_emulator/faults and clears them with DELETE", async () => {
    const set = await raw(emu, "POST", "/_emulator/faults", JSON.stringify({ faults: ["throttle:1"] }));
    expect(JSON.parse(set.body.toString()).faults.throttleNext).toBe(1);
    const throttled = await raw(emu, "POST", `/model/${MODEL}/converse`, JSON.stringify({ messages: userSays("hi") }));
    expect(throttled.status).toBe(429);
    expect(errorType(throttled)).toBe("ThrottlingException");
    await raw(emu, "POST", "/_emulator/faults", JSON.stringify({ faults: ["throttle:5"] }));
    await raw(emu, "DELETE", "/_emulator/faults");
    const ok = await raw(emu, "POST", `/model/${MODEL}/converse`, JSON.stringify({ messages: userSays("hi") }));
    expect(ok.status).toBe(200);
  });

  it("rejects an unknown fault spec with ValidationException", async () => {
    const res = await raw(emu, "POST", "/_emulator/faults", JSON.stringify({ faults: ["explode:1"] }));
    expect(errorType(res)).toBe("ValidationException");
  });

  it("reports live counters on GET /_emulator/stats", async () => {
    const res = await raw(emu, "GET", "/_emulator/stats");
    const body = JSON.parse(res.body.toString()) as { stats: { requests: number; byOperation: Record<string, number> } };
    expect(body.stats.requests).toBe(emu.stats.requests);
    expect(body.stats.byOperation.Converse).toBeGreaterThanOrEqual(2);
  });
});
