import { lowerCamel } from "./errors.js";
import { eventFrame, exceptionFrame } from "./eventstream.js";
import { type Faults, streamExceptionMessage } from "./faults.js";
import { type CancelToken, type Res, sleep, watchClose } from "./http.js";
import type { EmulatorStats } from "./types.js";

export interface StreamEvent {
  type: string;
  /** A function is called just before the frame is written (for latency measured at the end). */
  payload: unknown;
  /** Deltas are paced by the chunk delay. */
  delta?: boolean;
}

export interface StreamContext {
  stats: EmulatorStats;
  faults: Faults;
  requestId: string;
  headers?: Record<string, string>;
  /** Watching the response since the request arrived (a caller may leave during injected latency). */
  token?: CancelToken;
}

function countError(stats: EmulatorStats, name: string): void {
  stats.errors[name] = (stats.errors[name] ?? 0) + 1;
}

function write(res: Res, frame: Uint8Array): Promise<void> | undefined {
  if (res.destroyed || res.write(frame)) return undefined;
  return new Promise((resolve) => {
    res.once("drain", resolve);
    res.once("close", resolve);
  });
}

/**
 * Writes an event stream frame by frame (never buffered into one body), pacing deltas, injecting the
 * configured mid-stream exception, and counting streams started, completed and cancelled by the caller.
 */
export async function writeEventStream(ctx: StreamContext, res: Res, events: StreamEvent[]): Promise<void> {
  const { stats, faults } = ctx;
  const token = ctx.token ?? watchClose(res);
  stats.streamsStarted++;
  if (token.cancelled || res.destroyed) {
    stats.streamsCancelled++;
    return;
  }
  res.writeHead(200, {
    "content-type": "application/vnd.amazon.eventstream",
    "x-amzn-requestid": ctx.requestId,
    ...ctx.headers,
  });
  const fail = faults.streamFailAfter;
  for (let i = 0; i < events.length; i++) {
    if (token.cancelled) break;
    if (fail && i === fail.k) {
      countError(stats, fail.type.charAt(0).toUpperCase() + fail.type.slice(1));
      res.end(exceptionFrame(lowerCamel(fail.type), streamExceptionMessage(fail.type)));
      stats.streamsFailed++;
      return;
    }
    const event = events[i] as StreamEvent;
    const payload = typeof event.payload === "function" ? (event.payload as () => unknown)() : event.payload;
    const pending = write(res, eventFrame(event.type, payload));
    if (pending) await pending;
    const next = events[i + 1];
    if (event.delta && next?.delta) await sleep(faults.chunkDelay, token);
  }
  if (token.cancelled) {
    stats.streamsCancelled++;
    return;
  }
  res.end();
  stats.streamsCompleted++;
}
