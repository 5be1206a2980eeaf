/**
 * A value read from AWS and kept for a while (the model catalog, the API key from SSM), refreshed without
 * making requests wait. One read in flight at a time. Once a value has been read, an expired one is still
 * handed out while the next read runs in the background; a failed read keeps the previous value, and the
 * next attempt waits `retryAfterMs`, so a control plane that is down is not asked again by every request.
 */
export class Refreshing<T> {
  private current?: { value: T; at: number };
  private inflight?: Promise<T>;
  private failedAt = -Infinity;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly retryAfterMs: number,
    /** Told of every failed read; `kept` says whether a previous value is still being served. */
    private readonly onFailure: (err: unknown, kept: boolean) => void,
  ) {}

  /** The value read before (and whether it is within its TTL), or undefined; an expired one starts a background read. */
  peek(): { value: T; fresh: boolean } | undefined {
    const c = this.current;
    if (!c) return undefined;
    const fresh = Date.now() - c.at < this.ttlMs;
    if (!fresh && !this.failedRecently()) void this.refresh().catch(() => undefined);
    return { value: c.value, fresh };
  }

  /** A read is running now. */
  get refreshing(): boolean {
    return this.inflight !== undefined;
  }

  /** The last read failed less than `retryAfterMs` ago. */
  failedRecently(): boolean {
    return Date.now() - this.failedAt < this.retryAfterMs;
  }

  /** Reads now (or joins the read in flight); on failure, the previous value if there is one, else the error. */
  refresh(): Promise<T> {
    this.inflight ??= this.read().then(
      (value) => {
        this.current = { value, at: Date.now() };
        this.inflight = undefined;
        return value;
      },
      (err: unknown) => {
        this.inflight = undefined;
        this.failedAt = Date.now();
        const kept = this.current;
        this.onFailure(err, kept !== undefined);
        if (!kept) throw err;
        return kept.value;
      },
    );
    return this.inflight;
  }
}
