// Fixed-concurrency load with autocannon (programmatic), plus the target process's CPU and peak RSS.
import autocannon from "autocannon";
import { cpuMs, round, sampleRss } from "./stats.mjs";

/**
 * Runs `connections` keep-alive connections for `seconds` against one request shape.
 * `pids` are the processes whose RSS is sampled; `cpuPid` is the one whose CPU ms/request is reported.
 */
export async function runLoad({ url, headers, body, connections, seconds, pids = {}, cpuPid }) {
  const sampler = sampleRss(pids);
  const cpuBefore = cpuPid ? cpuMs(cpuPid) : null;
  const result = await autocannon({ url, method: "POST", headers, body, connections, duration: seconds, timeout: 10 });
  const cpuAfter = cpuPid ? cpuMs(cpuPid) : null;
  const peaks = sampler.stop();
  const ok = result["2xx"] ?? 0;
  return {
    connections,
    seconds,
    reqPerSec: round(result.requests.average, 0),
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    cpuMsPerReq: cpuBefore !== null && cpuAfter !== null && ok > 0 ? round((cpuAfter - cpuBefore) / ok, 3) : null,
    peakRssMb: peaks,
  };
}
