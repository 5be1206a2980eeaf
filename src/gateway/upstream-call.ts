import type { ClientGone } from "./request-io.js";

/**
 * The abort controller of one Bedrock call: aborted when the client goes away (the response closed early, or
 * the SSE body being cancelled) or when Bedrock stays silent longer than the upstream timeout. The timeout is an idle
 * timeout: each sign of life (`touch`) re-arms it, so a long stream that keeps producing is never cut.
 */
export class UpstreamCall {
  readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly unsubscribe: () => void;

  constructor(clientGone: ClientGone, private readonly timeoutMs: number) {
    this.unsubscribe = clientGone(() => this.controller.abort(new Error("client disconnected")));
    this.touch();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  touch(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.controller.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.controller.abort(Object.assign(new Error("upstream timeout"), { name: "UpstreamTimeout" }));
    }, this.timeoutMs);
  }

  /** Stops the timer and the listener; the call is over. */
  end(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.unsubscribe();
  }
}

/** Resolves with the promise's outcome if it settles within `ms`, else with `undefined` (the promise keeps going). */
export function settleWithin<T>(p: Promise<T>, ms: number): Promise<{ ok: true; value: T } | { ok: false; error: unknown } | undefined> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(undefined), ms);
    p.then(
      (value) => {
        clearTimeout(t);
        resolve({ ok: true, value });
      },
      (error: unknown) => {
        clearTimeout(t);
        resolve({ ok: false, error });
      },
    );
  });
}
