/** Samples this process's RSS every `everyMs` until stopped; returns the peak growth over the start, in MB. */
export function watchRss(everyMs = 25): { stop(): number } {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return (peak - start) / (1024 * 1024);
    },
  };
}

/** Counts unhandled rejections while active (vitest would report them too, but after the fact). */
export function countUnhandled(): { stop(): unknown[] } {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown) => seen.push(reason);
  process.on("unhandledRejection", onRejection);
  return {
    stop() {
      process.off("unhandledRejection", onRejection);
      return seen;
    },
  };
}
