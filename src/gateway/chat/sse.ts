import { mapBedrockError, type ErrorContext } from "../bedrock-errors.js";
import { type ChunkMapper, SSE_DONE, SSE_KEEP_ALIVE, sseError, streamException, type StreamEvent } from "./stream.js";

export const SSE_HEADERS: Record<string, string> = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
  // nginx and friends buffer proxied responses unless told not to; SSE must not be buffered.
  "x-accel-buffering": "no",
};

export interface SseOptions {
  /** The ConverseStream call; may still be pending (the response then starts with keep-alives). */
  events: Promise<AsyncIterable<StreamEvent>>;
  mapper: ChunkMapper;
  /** Aborting it cancels the Bedrock call; the stream aborts it when the client goes away. */
  upstream: AbortController;
  keepAliveMs: number;
  /** Called on every upstream event (re-arms the idle timeout). */
  onActivity: () => void;
  /** Called once when the stream is over, however it ended. */
  onEnd: (outcome: "done" | "error" | "cancelled", err?: unknown) => void;
  errorContext: ErrorContext;
}

const encoder = new TextEncoder();
const KEEP_ALIVE_BYTES = encoder.encode(SSE_KEEP_ALIVE);

/**
 * Resolves on a later turn of the event loop (a macrotask, not a microtask).
 *
 * Why: Node 20's libuv (≥ 1.45, libuv#3696) accepts ONE new connection per event-loop iteration. When one
 * upstream read holds a whole answer (a fast or buffering Bedrock front; the emulator), the SDK decodes every
 * event in microtasks, so each stream's entire answer was mapped and written inside a single iteration. With
 * 64 streams under CPU contention an iteration took 250-400 ms (4-5 iterations/s, event-loop utilisation
 * 1.0), and a burst of new client connections (a load generator starting, or a client reconnecting) waited
 * in the kernel's accept queue at 4-5 accepts/s: ~0.7 % of streamed requests got no headers for > 5 s.
 * Yielding between events bounds the work one stream adds to an iteration, so iterations stay short and
 * accepts (and every other stream) get their turn. With Bedrock's real pacing each event arrives in its own
 * read anyway, so this costs one setImmediate per event and no added latency on an idle loop.
 */
const nextTurn: () => Promise<void> =
  typeof setImmediate === "function" ? () => new Promise((resolve) => setImmediate(resolve)) : () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The SSE body: keep-alive comments until the first event, then one frame per Bedrock event as it
 * arrives (no buffering), `[DONE]` at the end, or one `data: {"error":…}` frame if Bedrock fails mid-stream
 * (the 200 is already sent; openai-node and openai-python raise it as an APIError).
 */
export function sseStream(o: SseOptions): ReadableStream<Uint8Array> {
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  const stopKeepAlive = () => {
    if (keepAlive !== undefined) clearInterval(keepAlive);
    keepAlive = undefined;
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      keepAlive = setInterval(() => {
        try {
          controller.enqueue(KEEP_ALIVE_BYTES);
        } catch {
          stopKeepAlive(); // the stream is already closed or cancelled
        }
      }, o.keepAliveMs);
      void pump(controller).finally(stopKeepAlive);
    },
    cancel() {
      stopKeepAlive();
      o.upstream.abort(new Error("client disconnected"));
    },
  });

  async function pump(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    const signal = o.upstream.signal;
    // Frames of events that were already there (one upstream read holding several) go out in one write:
    // a socket write per frame was the largest single cost of a streamed answer. A frame is never held
    // while waiting for Bedrock: pending text is written as soon as the next event is not ready at once.
    let pending = "";
    let batched = 0;
    const flush = () => {
      if (pending !== "") controller.enqueue(encoder.encode(pending));
      pending = "";
      batched = 0;
    };
    let it: AsyncGenerator<StreamEvent> | undefined;
    try {
      it = abortable(await o.events, signal);
      let next = it.next();
      for (;;) {
        const r = await next;
        if (r.done) break;
        const ev = r.value;
        stopKeepAlive();
        o.onActivity();
        const failure = ev.messageStart || ev.contentBlockDelta || ev.contentBlockStart || ev.contentBlockStop || ev.messageStop || ev.metadata ? undefined : streamException(ev);
        if (failure) throw Object.assign(new Error(failure.message), { name: failure.name });
        pending += o.mapper.map(ev);
        next = it.next();
        let ready = false;
        const settled = () => {
          ready = true;
        };
        next.then(settled, settled);
        await nextTurn(); // see nextTurn: one stream must not hold the event loop (and the accept queue) for a whole answer
        if (!ready || ++batched >= MAX_BATCH) flush();
      }
      pending += SSE_DONE;
      flush();
      controller.close();
      o.onEnd("done");
    } catch (err) {
      if (signal.aborted && isClientGone(signal)) {
        o.onEnd("cancelled");
        return;
      }
      o.onEnd("error", err);
      try {
        pending += sseError(mapBedrockError(signal.aborted ? signal.reason : err, o.errorContext).toBody());
        flush();
        controller.close();
      } catch {
        // The client went away while the error was being written: nothing left to tell.
      }
    } finally {
      void it?.return(undefined).catch(() => {});
    }
  }
}

/** At most this many events' frames in one write, so a long burst still streams out in steps. */
const MAX_BATCH = 16;

function isClientGone(signal: AbortSignal): boolean {
  const r = signal.reason as { name?: string } | undefined;
  return r?.name !== "UpstreamTimeout";
}

/**
 * Iterates the SDK's event stream but stops as soon as `signal` aborts: after an abort the SDK's iterator
 * may never settle (the HTTP/2 stream is closed under it), and the gateway must not wait on it.
 */
export async function* abortable<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason ?? new Error("aborted"));
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  aborted.catch(() => {}); // observed below; avoid an unhandled rejection when nobody is racing it
  try {
    for (;;) {
      const r = await Promise.race([it.next(), aborted]);
      if (r.done) return;
      yield r.value;
    }
  } finally {
    if (onAbort) signal.removeEventListener("abort", onAbort);
    void it.return?.()?.catch?.(() => {});
  }
}
