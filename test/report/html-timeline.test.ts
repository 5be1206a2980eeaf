import { describe, expect, it } from "vitest";
import type { Exchange } from "../../src/harness/types.js";
import { renderTimeline } from "../../src/report/html/timeline.js";
import { defaultBox, niceStep, timelineGeometry } from "../../src/report/html/timeline-geometry.js";
import { bufferedStream, steadyStream } from "../fixtures-report/events.js";

const plotX0 = defaultBox.left;
const plotX1 = defaultBox.width - defaultBox.right;
const plotWidth = plotX1 - plotX0;

/** 20 chunks 30 ms apart after 180 ms, then [DONE]: a real stream. */
const good = { timings: { headersMs: 140, totalMs: 790 }, events: steadyStream(20, 180, 30) };
/** The same 20 chunks in one burst after 4 s: ALB → Lambda. */
const buffered = { timings: { headersMs: 4009, totalMs: 4019 }, events: bufferedStream(20, 4012) };

describe("timeline geometry from recorded timings", () => {
  it("places an event at half the exchange's time in the middle of the plot", () => {
    const g = timelineGeometry({ timings: { totalMs: 1000 }, events: [{ atMs: 500, data: "x" }] });
    expect(g.ticks[0]?.x).toBeCloseTo(plotX0 + plotWidth / 2, 0);
  });

  it("spaces a steady stream's events evenly", () => {
    const xs = timelineGeometry(good).ticks.map((t) => t.x);
    const gaps = xs.slice(1).map((x, i) => x - xs[i]!);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0]!, 0);
    expect(gaps[0]).toBeGreaterThan(20);
  });

  it("reports time to first event, largest gap and total for a steady stream", () => {
    const g = timelineGeometry(good);
    expect(g).toMatchObject({ ttftMs: 180, maxGapMs: 30, totalMs: 790, eventCount: 21, burstMs: 600, isBurst: false, sawDone: true });
  });

  it("squeezes a buffered stream's events into the last few pixels and calls it a burst", () => {
    const g = timelineGeometry(buffered);
    expect(g.ttftMs).toBe(4012);
    expect(g.isBurst).toBe(true);
    for (const t of g.ticks) expect(t.x).toBeGreaterThan(plotX1 - plotWidth * 0.01);
  });

  it("shades the wait before the first event: most of the plot when buffered, a sliver when streaming", () => {
    const waitShare = (ex: typeof good) => (timelineGeometry(ex).x(timelineGeometry(ex).ttftMs!) - plotX0) / plotWidth;
    expect(waitShare(buffered)).toBeGreaterThan(0.99);
    expect(waitShare(good)).toBeLessThan(0.25);
  });

  it("climbs one step per event, ending at the top of the plot", () => {
    const g = timelineGeometry(good);
    const ys = g.steps.split(" ").map((p) => Number(p.split(",")[1]));
    expect(ys[0]).toBe(g.y(0));
    expect(ys.at(-1)).toBe(g.y(21));
    expect(new Set(ys).size).toBe(22);
  });

  it("widens the axis when an event arrives after the recorded total", () => {
    const g = timelineGeometry({ timings: { totalMs: 100 }, events: [{ atMs: 250, data: "late" }] });
    expect(g.spanMs).toBe(250);
    expect(g.ticks[0]?.x).toBe(plotX1);
  });

  it("draws a stream with no events as one wait over the whole exchange", () => {
    const g = timelineGeometry({ timings: { totalMs: 386 }, events: [] });
    expect(g).toMatchObject({ eventCount: 0, spanMs: 386, isBurst: false });
    expect(g.ttftMs).toBeUndefined();
  });

  it("marks named events (event: error) apart from data events", () => {
    const g = timelineGeometry({ timings: { totalMs: 50 }, events: [{ atMs: 10, data: "{}" }, { atMs: 20, event: "error", data: "{}" }] });
    expect(g.ticks.map((t) => t.named)).toEqual([false, true]);
  });

  it("labels the axis in 1, 2 or 5 steps", () => {
    expect([niceStep(150), niceStep(803), niceStep(4019 / 5), niceStep(7)]).toEqual([200, 1000, 1000, 10]);
  });
});

describe("the timeline figure", () => {
  const ex: Exchange = { method: "POST", url: "http://127.0.0.1:1/v1/chat/completions", requestHeaders: {}, ...buffered };
  const out = renderTimeline(ex, "caption").value;

  it("is an image with the numbers as its accessible name", () => {
    expect(out).toMatch(/<svg class="timeline"[^>]*role="img" aria-label="Stream timeline: 21 events, first after 4,012 ms, spread over 4 ms,/);
  });

  it("draws one tick per event", () => {
    expect(out.match(/<line class="tl-tick"/g)).toHaveLength(21);
  });

  it("says in words when all events came in one burst", () => {
    expect(out).toContain("↑ 21 events within 4 ms");
  });

  it("repeats the numbers as text next to the picture", () => {
    expect(out).toContain("<dt>first event (TTFT)</dt><dd>4,012 ms</dd>");
    expect(out).toContain("<dt>total</dt><dd>4,019 ms</dd>");
  });
});
