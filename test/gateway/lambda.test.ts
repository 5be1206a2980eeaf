import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { eventually } from "./support.js";

/**
 * The Lambda handler, invoked locally: a simulated `awslambda` runtime global, a Function URL event and a
 * Writable standing in for the response stream. The gateway inside reaches the emulator through the SDK's
 * own endpoint variables, exactly as a deployed function would be configured.
 */
const KEY = "sk-lambda-test-91ab";
let emu: RunningEmulator;
const saved = { ...process.env };

interface Captured {
  metadata?: { statusCode: number; headers: Record<string, string> };
  chunks: string[];
  /** emulator's completed-stream count at each write: proves bytes left before Bedrock finished. */
  completedAtWrite: number[];
  ended: Promise<void>;
  stream: Writable;
}

function responseStream(): Captured {
  const c: Partial<Captured> & { chunks: string[]; completedAtWrite: number[] } = { chunks: [], completedAtWrite: [] };
  let done: () => void = () => {};
  c.ended = new Promise((r) => (done = r));
  c.stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      c.chunks.push(chunk.toString("utf8"));
      c.completedAtWrite.push(emu.stats.streamsCompleted);
      cb();
    },
  });
  c.stream.on("finish", () => done());
  c.stream.on("close", () => done());
  return c as Captured;
}

type Handler = (event: unknown, stream: Writable, context: unknown) => Promise<void>;
const captured: Captured["metadata"][] = [];

function fakeRuntime() {
  return {
    streamifyResponse: (fn: Handler) => fn,
    HttpResponseStream: { from: (s: Writable, metadata: NonNullable<Captured["metadata"]>) => (captured.push(metadata), s) },
  };
}

const event = (body: unknown, headers: Record<string, string> = {}) => ({
  version: "2.0",
  rawPath: "/api/v1/chat/completions",
  rawQueryString: "",
  headers: { host: "abc.lambda-url.us-east-1.on.aws", "content-type": "application/json", authorization: `Bearer ${KEY}`, ...headers },
  requestContext: { http: { method: "POST" }, domainName: "abc.lambda-url.us-east-1.on.aws" },
  body: Buffer.from(JSON.stringify(body)).toString("base64"),
  isBase64Encoded: true,
});
const streamed = { model: "anthropic.claude-3-haiku-20240307-v1:0", messages: [{ role: "user", content: "Tell me a story about the sea and the mountains" }], stream: true };

beforeAll(async () => {
  emu = await startEmulator({ chunkDelayMs: 10 });
  Object.assign(process.env, {
    AWS_REGION: emu.region,
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: emu.url,
    AWS_ENDPOINT_URL_BEDROCK: emu.url,
    AWS_ACCESS_KEY_ID: "AKIDLAMBDA",
    AWS_SECRET_ACCESS_KEY: "lambda",
    API_KEY: KEY,
  });
  (globalThis as { awslambda?: unknown }).awslambda = fakeRuntime();
});
afterAll(async () => {
  delete (globalThis as { awslambda?: unknown }).awslambda;
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  await emu?.close();
});

async function loadHandler(): Promise<{ handler: Handler; reset: () => Promise<void> }> {
  captured.length = 0;
  vi.resetModules();
  const m = await import("../../src/gateway/lambda.js");
  return { handler: m.handler as Handler, reset: m.resetLambdaGateway };
}

describe("Lambda response-streaming handler", () => {
  it("streams SSE frames into the response stream as Bedrock produces them", async () => {
    const { handler, reset } = await loadHandler();
    const out = responseStream();
    await handler(event(streamed), out.stream, {});
    await out.ended;
    await reset();
    expect(captured[0]).toMatchObject({ statusCode: 200, headers: { "content-type": expect.stringMatching(/^text\/event-stream/) } });
    expect(out.chunks.length).toBeGreaterThan(3);
    expect(out.completedAtWrite[0]).toBeLessThan(emu.stats.streamsCompleted); // the first bytes left before Bedrock finished
    expect(out.chunks.join("").trimEnd().endsWith("data: [DONE]")).toBe(true);
  });

  it("answers a missing key with a 401 envelope through the stream metadata", async () => {
    const { handler, reset } = await loadHandler();
    const out = responseStream();
    await handler(event(streamed, { authorization: "" }), out.stream, {});
    await out.ended;
    await reset();
    expect(captured[0]?.statusCode).toBe(401);
    expect(JSON.parse(out.chunks.join(""))).toMatchObject({ error: { code: "missing_api_key" } });
  });

  it("aborts the Bedrock stream when the response stream closes early", async () => {
    const { handler, reset } = await loadHandler();
    const before = emu.stats.streamsCancelled;
    const out = responseStream();
    const origWrite = out.stream.write.bind(out.stream);
    let writes = 0;
    out.stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (++writes === 2) setImmediate(() => out.stream.destroy());
      return (origWrite as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof out.stream.write;
    await handler(event(streamed), out.stream, {});
    expect(await eventually(() => emu.stats.streamsCancelled > before)).toBe(true);
    await reset();
  });

  it("bundles with esbuild into one file that still serves a request", { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "bagcheck-lambda-"));
    try {
      const outfile = join(dir, "index.mjs");
      const result = await build({
        entryPoints: ["src/gateway/lambda.ts"],
        bundle: true,
        platform: "node",
        target: "node20",
        format: "esm",
        outfile,
        logLevel: "silent",
        // CommonJS dependencies (the AWS SDK) call require() for Node built-ins; ESM bundles need it provided.
        banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      });
      expect(result.errors).toEqual([]);
      const bundled = (await import(pathToFileURL(outfile).href)) as { handler: Handler; resetLambdaGateway: () => Promise<void> };
      const out = responseStream();
      await bundled.handler(event({ ...streamed, stream: false }), out.stream, {});
      await out.ended;
      await bundled.resetLambdaGateway();
      expect(JSON.parse(out.chunks.join(""))).toMatchObject({ object: "chat.completion" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
