import { UsageError } from "./exit.js";

/** What `serve` and `emulator` share: they listen on a port and run until SIGINT/SIGTERM. */

export function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, got "${raw}"`);
  return port;
}

/** A failure to listen is the user's to fix (port taken, bad host): one line, exit 2, no stack. */
export function listenError(err: unknown, port: number): UsageError {
  const e = err as NodeJS.ErrnoException;
  return new UsageError(e.code === "EADDRINUSE" ? `port ${port} is already in use` : e.message);
}

/**
 * Resolves once `close` has run after SIGINT or SIGTERM. Call it before printing the line scripts wait for:
 * a script may signal as soon as it reads that line.
 */
export function untilSignal(close: () => Promise<unknown>): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void close().then(() => resolve(), () => resolve());
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
