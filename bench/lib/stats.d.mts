// Types for stats.mjs, so the TypeScript tests can import it.
export interface Summary {
  n: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
}
export function percentile(values: readonly number[], p: number): number;
export function pairedPercentileDiffInterval(a: readonly number[], b: readonly number[], p: number, resamples?: number): [number | null, number | null];
export function summarize(values: readonly number[]): Summary;
export function round(x: number, digits?: number): number | null;
export function rssMb(pid?: number): number | null;
export function cpuMs(pid: number): number | null;
export function sampleRss(pids: Record<string, number>, everyMs?: number): { stop(): Record<string, number> };
export function machineInfo(): { node: string; platform: string; cpu: string; cores: number; memoryGb: number | null; loadAvg: (number | null)[] };
export function sleep(ms: number): Promise<void>;
