// Small numeric and process helpers shared by the bench and the soak.
import { readFileSync } from "node:fs";
import os from "node:os";

/** Nearest-rank percentile of an unsorted list of numbers (ms). */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/**
 * A 90 % interval for percentile(b) − percentile(a) of paired samples (a[i] and b[i] measured side by side),
 * by resampling pairs. A p99 from 1,000 samples rests on its 10 slowest; the interval says how far another
 * run on the same machine could put it. Deterministic (seeded), so the same samples give the same interval.
 */
export function pairedPercentileDiffInterval(a, b, p, resamples = 1000) {
  const n = Math.min(a.length, b.length);
  if (n === 0) return [null, null];
  let seed = 0x9e3779b9;
  const random = () => {
    // xorshift32: enough for resampling, and reproducible
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const diffs = [];
  const ra = new Array(n);
  const rb = new Array(n);
  for (let k = 0; k < resamples; k += 1) {
    for (let i = 0; i < n; i += 1) {
      const j = Math.floor(random() * n);
      ra[i] = a[j];
      rb[i] = b[j];
    }
    diffs.push(percentile(rb, p) - percentile(ra, p));
  }
  return [round(percentile(diffs, 5)), round(percentile(diffs, 95))];
}

export function summarize(values) {
  return { n: values.length, p50: round(percentile(values, 50)), p90: round(percentile(values, 90)), p99: round(percentile(values, 99)) };
}

export function round(x, digits = 3) {
  if (!Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Resident set size of a process in MB, from /proc (Linux), or null. */
export function rssMb(pid = process.pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? round(kb / 1024, 1) : null;
  } catch {
    return pid === process.pid ? round(process.memoryUsage().rss / 1024 / 1024, 1) : null;
  }
}

/** CPU time (user + system) a process used so far, in ms, from /proc (Linux), or null. */
export function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // Fields 14 and 15 (utime, stime) counted from 1, in clock ticks; after the ") " split they are 11 and 12.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux.
  } catch {
    return null;
  }
}

/** Samples RSS of some pids every `everyMs` until stopped; returns peaks in MB. */
export function sampleRss(pids, everyMs = 100) {
  const peaks = Object.fromEntries(Object.entries(pids).map(([k]) => [k, 0]));
  const tick = () => {
    for (const [name, pid] of Object.entries(pids)) {
      const r = rssMb(pid);
      if (r !== null && r > peaks[name]) peaks[name] = r;
    }
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return peaks;
    },
  };
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    loadAvg: os.loadavg().map((x) => round(x, 2)),
  };
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
