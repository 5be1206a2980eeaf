/**
 * The SVG timeline of one streamed exchange. The shape carries the message: a real stream is a
 * staircase from the left, a buffered one a long shaded wait and then a cliff at the right edge.
 */
import type { Exchange } from "../../harness/types.js";
import { html, type SafeHtml } from "./escape.js";
import { formatMs } from "./status.js";
import { stripBox, timelineGeometry, type TimelineGeometry } from "./timeline-geometry.js";

function summarySentence(g: TimelineGeometry): string {
  if (g.eventCount === 0) return `No SSE events in ${formatMs(g.totalMs)}.`;
  const parts = [
    `${g.eventCount} events`,
    `first after ${formatMs(g.ttftMs ?? 0)}`,
    `spread over ${formatMs(g.burstMs ?? 0)}`,
    `largest gap ${formatMs(g.maxGapMs ?? 0)}`,
    `total ${formatMs(g.totalMs)}`,
  ];
  return `Stream timeline: ${parts.join(", ")}.`;
}

/** A label near x that stays inside the plot: anchored at its start on the left half, its end on the right. */
function label(g: TimelineGeometry, xPos: number, yPos: number, text: string, cls: string): SafeHtml {
  const mid = (g.plot.x0 + g.plot.x1) / 2;
  const anchor = xPos > mid ? "end" : "start";
  const dx = anchor === "end" ? -4 : 4;
  return html`<text class="${cls}" x="${xPos + dx}" y="${yPos}" text-anchor="${anchor}">${text}</text>`;
}

function svg(g: TimelineGeometry): SafeHtml {
  const { plot, box } = g;
  const grid = g.axis.map(
    (a) => html`<line class="tl-grid" x1="${a.x}" y1="${plot.y1}" x2="${a.x}" y2="${plot.y0}" />
<text class="tl-axis" x="${a.x}" y="${plot.y0 + 32}" text-anchor="middle">${formatMs(a.atMs)}</text>`,
  );
  const waitX = g.x(g.ttftMs ?? g.totalMs);
  const wait = html`<rect class="tl-wait" x="${plot.x0}" y="${plot.y1}" width="${Math.max(waitX - plot.x0, 0)}" height="${plot.y0 - plot.y1}" />`;
  const headers =
    g.headersMs === undefined
      ? ""
      : html`<line class="tl-headers" x1="${g.x(g.headersMs)}" y1="${plot.y1}" x2="${g.x(g.headersMs)}" y2="${plot.y0}" />`;
  const area = html`<polygon class="tl-area" points="${g.steps} ${g.x(g.spanMs)},${plot.y0}" />`;
  const ticks = g.ticks.map(
    (t) => html`<line class="${t.named ? "tl-tick tl-tick-named" : "tl-tick"}" x1="${t.x}" y1="${plot.y0 + 5}" x2="${t.x}" y2="${plot.y0 + 17}" />`,
  );
  // The end is a short mark below the axis so it never hides a cliff at the right edge.
  const end = html`<line class="tl-end" x1="${g.x(g.totalMs)}" y1="${plot.y0}" x2="${g.x(g.totalMs)}" y2="${plot.y0 + 22}" />`;
  const burst =
    g.isBurst && g.ttftMs !== undefined
      ? label(g, waitX, plot.y1 + 16, `↑ ${g.eventCount} events within ${formatMs(g.burstMs ?? 0)}`, "tl-label tl-label-burst")
      : "";
  const topLabels =
    g.ttftMs === undefined
      ? label(g, waitX, plot.y1 - 10, `no events · end ${formatMs(g.totalMs)}`, "tl-label")
      : [
          label(g, waitX, plot.y1 - 10, `first event ${formatMs(g.ttftMs)}`, "tl-label tl-label-strong"),
          g.x(g.totalMs) - waitX > 150 ? label(g, g.x(g.totalMs), plot.y1 - 10, `end ${formatMs(g.totalMs)}`, "tl-label") : "",
        ];
  const waitLabel =
    waitX - plot.x0 > 260
      ? html`<text class="tl-wait-label" x="${(plot.x0 + waitX) / 2}" y="${(plot.y0 + plot.y1) / 2 + 4}" text-anchor="middle">${
          g.ttftMs === undefined ? `no events in ${formatMs(g.totalMs)}` : `waiting ${formatMs(g.ttftMs)} for the first event`
        }</text>`
      : "";
  return html`<svg class="timeline" viewBox="0 0 ${box.width} ${box.height}" width="${box.width}" height="${box.height}" role="img" aria-label="${summarySentence(g)}" preserveAspectRatio="xMinYMin meet">
<rect class="tl-plot" x="${plot.x0}" y="${plot.y1}" width="${plot.x1 - plot.x0}" height="${plot.y0 - plot.y1}" />
${grid}${wait}${waitLabel}${headers}${area}${ticks}${end}<polyline class="tl-steps" points="${g.steps}" />
<line class="tl-baseline" x1="${plot.x0}" y1="${plot.y0}" x2="${plot.x1}" y2="${plot.y0}" />
${g.eventCount > 0 ? html`<text class="tl-axis" x="${plot.x0 - 6}" y="${plot.y1 + 4}" text-anchor="end">${g.eventCount}</text>` : ""}
<text class="tl-axis" x="${plot.x0 - 6}" y="${plot.y0 + 4}" text-anchor="end">0</text>
<text class="tl-axis" x="${plot.x0 - 6}" y="${plot.y0 + 15}" text-anchor="end">events</text>
${topLabels}${burst}
</svg>`;
}

function facts(g: TimelineGeometry): SafeHtml {
  const rows: [string, string][] =
    g.eventCount === 0
      ? [["events", "0"], ["total", formatMs(g.totalMs)]]
      : [
          ["events", String(g.eventCount)],
          ["first event (TTFT)", formatMs(g.ttftMs ?? 0)],
          ["events spread over", formatMs(g.burstMs ?? 0)],
          ["largest gap", formatMs(g.maxGapMs ?? 0)],
          ["total", formatMs(g.totalMs)],
          ["[DONE]", g.sawDone ? "seen" : "not seen"],
        ];
  if (g.headersMs !== undefined) rows.splice(1, 0, ["headers", formatMs(g.headersMs)]);
  return html`<dl class="tl-facts">${rows.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
}

/** One figure: the SVG plus the same numbers as text (for screen readers, print, and copy-paste). */
export function renderTimeline(ex: Exchange, caption: SafeHtml | string): SafeHtml {
  const g = timelineGeometry(ex);
  return html`<figure class="timeline-figure" data-events="${g.eventCount}">
<figcaption>${caption}</figcaption>
<div class="timeline-scroll">${svg(g)}</div>
${facts(g)}
</figure>`;
}

/**
 * The same stream as one small strip (wait band, step line, a tick per event) for the streams table,
 * where a column of strips shows at a glance whether any stream arrived as it was generated.
 */
export function renderTimelineStrip(ex: Exchange): SafeHtml {
  const g = timelineGeometry(ex, stripBox);
  const { plot, box } = g;
  const waitX = g.x(g.ttftMs ?? g.totalMs);
  return html`<svg class="timeline timeline-strip" viewBox="0 0 ${box.width} ${box.height}" width="${box.width}" height="${box.height}" role="img" aria-label="${summarySentence(g)}" preserveAspectRatio="none">
<rect class="tl-plot" x="${plot.x0}" y="${plot.y1}" width="${plot.x1 - plot.x0}" height="${plot.y0 - plot.y1}" />
<rect class="tl-wait" x="${plot.x0}" y="${plot.y1}" width="${Math.max(waitX - plot.x0, 0)}" height="${plot.y0 - plot.y1}" />
<polygon class="tl-area" points="${g.steps} ${g.x(g.spanMs)},${plot.y0}" />
${g.ticks.map((t) => html`<line class="${t.named ? "tl-tick tl-tick-named" : "tl-tick"}" x1="${t.x}" y1="${plot.y0 - 7}" x2="${t.x}" y2="${plot.y0}" />`)}
<polyline class="tl-steps" points="${g.steps}" />
</svg>`;
}

/** The numbers behind a strip, for the streams table's text columns. */
export function streamNumbers(ex: Exchange): { events: number; ttftMs?: number; burstMs?: number; totalMs: number; isBurst: boolean } {
  const g = timelineGeometry(ex, stripBox);
  const n: ReturnType<typeof streamNumbers> = { events: g.eventCount, totalMs: g.totalMs, isBurst: g.isBurst };
  if (g.ttftMs !== undefined) n.ttftMs = g.ttftMs;
  if (g.burstMs !== undefined) n.burstMs = g.burstMs;
  return n;
}

export function isStreamed(ex: Exchange): boolean {
  return ex.events !== undefined;
}
