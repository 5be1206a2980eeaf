/**
 * Pure geometry for a stream timeline: where each event lands, given its arrival time.
 * Kept apart from the SVG so tests can assert positions from timings without parsing markup.
 */
import type { Exchange, SseEvent } from "../../harness/types.js";

export interface TimelineBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const defaultBox: TimelineBox = { width: 960, height: 176, left: 52, right: 44, top: 30, bottom: 56 };
/** One row in the streams table: the same picture without axes or labels. */
export const stripBox: TimelineBox = { width: 480, height: 44, left: 2, right: 2, top: 3, bottom: 3 };

export interface TimelineTick {
  atMs: number;
  x: number;
  /** Named non-message events (`event: error`) are drawn apart: clients silently drop them. */
  named: boolean;
}

export interface TimelineGeometry {
  box: TimelineBox;
  /** The time the x axis spans: the whole exchange, or the last event if it came later. */
  spanMs: number;
  totalMs: number;
  headersMs?: number;
  firstByteMs?: number;
  /** Time to the first SSE event (what a person waits before text appears). */
  ttftMs?: number;
  /** Largest silence between two consecutive events. */
  maxGapMs?: number;
  /** First to last event: near zero with many events means they came in one burst. */
  burstMs?: number;
  /** Several events squeezed into a sliver of the span: the shape of a buffered stream. */
  isBurst: boolean;
  eventCount: number;
  sawDone: boolean;
  ticks: TimelineTick[];
  /** Cumulative events over time as a step line, SVG points "x,y x,y …". */
  steps: string;
  axis: { atMs: number; x: number }[];
  x(ms: number): number;
  y(count: number): number;
  plot: { x0: number; x1: number; y0: number; y1: number };
}

/** 1, 2 or 5 × 10^k: axis labels people can read. */
export function niceStep(roughMs: number): number {
  if (!(roughMs > 0)) return 1;
  const pow = 10 ** Math.floor(Math.log10(roughMs));
  const m = roughMs / pow;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * pow;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function timelineGeometry(
  ex: Pick<Exchange, "timings"> & { events?: SseEvent[] },
  box: TimelineBox = defaultBox,
): TimelineGeometry {
  const events = [...(ex.events ?? [])].sort((a, b) => a.atMs - b.atMs);
  const last = events.at(-1)?.atMs ?? 0;
  const totalMs = ex.timings.totalMs;
  const spanMs = Math.max(totalMs, last, 1);
  const plot = { x0: box.left, x1: box.width - box.right, y0: box.height - box.bottom, y1: box.top };
  const x = (ms: number): number => round(plot.x0 + (Math.min(Math.max(ms, 0), spanMs) / spanMs) * (plot.x1 - plot.x0));
  const n = Math.max(events.length, 1);
  const y = (count: number): number => round(plot.y0 - (count / n) * (plot.y0 - plot.y1));

  const ticks = events.map((e) => ({ atMs: e.atMs, x: x(e.atMs), named: e.event !== undefined && e.event !== "message" }));
  const points: string[] = [`${x(0)},${y(0)}`];
  events.forEach((e, i) => {
    points.push(`${x(e.atMs)},${y(i)}`, `${x(e.atMs)},${y(i + 1)}`);
  });
  points.push(`${x(spanMs)},${y(events.length)}`);

  let maxGapMs: number | undefined;
  for (let i = 1; i < events.length; i++) {
    const gap = (events[i]?.atMs ?? 0) - (events[i - 1]?.atMs ?? 0);
    maxGapMs = Math.max(maxGapMs ?? 0, gap);
  }

  const step = niceStep(spanMs / 5);
  const axis: { atMs: number; x: number }[] = [];
  for (let t = 0; t <= spanMs + 1e-9; t += step) axis.push({ atMs: t, x: x(t) });

  const geometry: TimelineGeometry = {
    box,
    spanMs,
    totalMs,
    eventCount: events.length,
    isBurst: events.length >= 3 && last - (events[0]?.atMs ?? 0) <= spanMs * 0.05,
    sawDone: events.some((e) => e.data.trim() === "[DONE]"),
    ticks,
    steps: points.join(" "),
    axis,
    x,
    y,
    plot,
  };
  if (ex.timings.headersMs !== undefined) geometry.headersMs = ex.timings.headersMs;
  if (ex.timings.firstByteMs !== undefined) geometry.firstByteMs = ex.timings.firstByteMs;
  if (events[0]) geometry.ttftMs = events[0].atMs;
  if (maxGapMs !== undefined) geometry.maxGapMs = maxGapMs;
  if (events.length > 0) geometry.burstMs = last - (events[0]?.atMs ?? 0);
  return geometry;
}
