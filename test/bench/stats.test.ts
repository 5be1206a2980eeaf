import { describe, expect, it } from "vitest";
import { pairedPercentileDiffInterval, percentile, summarize } from "../../bench/lib/stats.mjs";

/** A reproducible stream of numbers (the bench's figures must not depend on Math.random in a test). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("the bench's statistics", () => {
  it("takes the nearest-rank percentile, without sorting the caller's array", () => {
    const values = [5, 1, 4, 2, 3];
    expect([percentile(values, 50), percentile(values, 99), percentile(values, 0)]).toEqual([3, 5, 1]);
    expect(values).toEqual([5, 1, 4, 2, 3]);
  });

  it("reads p99 of 1,000 samples as the 990th smallest", () => {
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(summarize(values)).toEqual({ n: 1000, p50: 500, p90: 900, p99: 990 });
  });

  it("gives a zero-width interval when the gateway side is the direct side plus a constant", () => {
    const next = lcg(1);
    const direct = Array.from({ length: 2000 }, () => 0.7 + next() ** 6 * 4);
    const through = direct.map((x) => x + 0.25);
    expect(pairedPercentileDiffInterval(direct, through, 99)).toEqual([0.25, 0.25]);
  });

  it("brackets the true p99 difference of two noisy series, and is the same on every call", () => {
    const next = lcg(7);
    const tail = () => 0.7 + next() ** 8 * 5; // a long right tail, like the sequential latencies
    const direct = Array.from({ length: 3000 }, tail);
    const through = Array.from({ length: 3000 }, () => tail() + 0.3);
    const [low, high] = pairedPercentileDiffInterval(direct, through, 99, 200);
    expect(low).not.toBeNull();
    expect(low!).toBeLessThan(0.3 + 0.05);
    expect(high!).toBeGreaterThan(0.3 - 0.05);
    expect(high! - low!).toBeGreaterThan(0);
    expect(pairedPercentileDiffInterval(direct, through, 99, 200)).toEqual([low, high]);
  });

  it("has nothing to say about empty series", () => {
    expect(pairedPercentileDiffInterval([], [], 99)).toEqual([null, null]);
  });
});
