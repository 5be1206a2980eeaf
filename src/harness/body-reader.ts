import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { type Readable } from "node:stream";
import { createParser } from "eventsource-parser";
import type { SseEvent, TransportError } from "./types.js";

export interface BodyReadOptions {
  /** Cap on decoded bytes kept and read; past it the stream is destroyed and the body is too-large. */
  maxBytes: number;
  /** The `content-encoding` response header, when any (undici's request() never decompresses). */
  contentEncoding?: string;
  /** Parse as SSE and stamp each event with its arrival time. */
  sse: boolean;
  /** Milliseconds since the request started. */
  clock: () => number;
}

export interface BodyReadResult {
  /** Bytes kept (at most maxBytes), decoded from content-encoding. */
  bytes: Buffer;
  /** Decoded bytes received in total (can exceed bytes.length when the cap was hit). */
  total: number;
  firstByteMs?: number;
  events: SseEvent[];
  /** Set when the read stopped early: too-large, decompression-bomb, or a decoding failure. */
  error?: TransportError;
  /** A network error thrown mid-body (timeout, reset, abort): the caller names it; what came before is kept. */
  thrown?: unknown;
  truncated: boolean;
}

function decoderFor(encoding: string | undefined) {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return createGunzip();
    case "deflate":
      return createInflate();
    case "br":
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

/**
 * Read a response body without trusting it: stop at maxBytes (destroying the socket, since an endless body
 * cannot be drained), decompress with the same cap (a gzip bomb is 1 KB on the wire and gigabytes inflated),
 * and when it is SSE, stamp every event with the millisecond it arrived — the evidence for buffering.
 */
export async function readBody(body: Readable, opts: BodyReadOptions): Promise<BodyReadResult> {
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let total = 0;
  let firstByteMs: number | undefined;
  const events: SseEvent[] = [];
  let error: TransportError | undefined;
  let truncated = false;
  let thrown: unknown;

  const text = new TextDecoder("utf-8");
  const parser = opts.sse
    ? createParser({
        onEvent: (e) => {
          const ev: SseEvent = { atMs: opts.clock(), data: e.data };
          if (e.event) ev.event = e.event;
          events.push(ev);
        },
      })
    : undefined;

  const decoder = decoderFor(opts.contentEncoding);
  if (decoder) {
    body.on("error", (err) => decoder.destroy(err));
    body.pipe(decoder);
  }
  const source: Readable = decoder ?? body;

  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      firstByteMs ??= opts.clock();
      total += chunk.length;
      const room = opts.maxBytes - keptBytes;
      if (room > 0) {
        const piece = chunk.length > room ? chunk.subarray(0, room) : chunk;
        kept.push(piece);
        keptBytes += piece.length;
        parser?.feed(text.decode(piece, { stream: true }));
      }
      if (total > opts.maxBytes) {
        truncated = true;
        error = decoder
          ? { kind: "decompression-bomb", message: `${opts.contentEncoding} body inflates past ${opts.maxBytes} bytes; reading stopped` }
          : { kind: "too-large", message: `response body larger than ${opts.maxBytes} bytes; reading stopped and the connection closed` };
        break;
      }
    }
  } catch (err) {
    if (decoder && isZlibError(err)) {
      error = { kind: "other", message: `response body could not be decoded as ${opts.contentEncoding}: ${(err as Error).message}` };
    } else {
      thrown = err;
    }
  } finally {
    // After a break or a decode failure the socket may still be sending: destroying it is the only bound.
    if (truncated || error || thrown) {
      decoder?.destroy();
      body.destroy();
    }
  }
  if (parser && !truncated && !thrown) parser.feed(text.decode());
  return { bytes: Buffer.concat(kept), total, firstByteMs, events, error, thrown, truncated };
}

function isZlibError(err: unknown): boolean {
  const code = (err as { code?: string } | undefined)?.code ?? "";
  return code.startsWith("Z_") || code.startsWith("ERR_BROTLI") || code === "ERR__ERROR";
}

/** Decode as UTF-8, and say whether the bytes were valid UTF-8 (a cut at the cap is not invalid). */
export function decodeUtf8(bytes: Buffer, truncated: boolean): { text: string; valid: boolean } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: truncated }), valid: true };
  } catch {
    return { text: new TextDecoder("utf-8").decode(bytes), valid: false };
  }
}
