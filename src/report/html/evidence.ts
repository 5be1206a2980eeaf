/**
 * A check's evidence: the exact requests and responses it saw. Every byte here may come from a
 * hostile gateway, so all of it goes through `html` (escaped), including header names and URLs.
 */
import type { Evidence, Exchange, SseEvent } from "../../harness/types.js";
import { html, type SafeHtml } from "./escape.js";
import { formatMs } from "./status.js";
import { isStreamed, renderTimeline } from "./timeline.js";

/** Enough events to see the pattern; the rest are counted, not listed. */
const maxEventsListed = 60;

function headerTable(caption: string, headers: Record<string, string> | undefined): SafeHtml | string {
  const entries = Object.entries(headers ?? {});
  if (entries.length === 0) return "";
  return html`<table class="kv">
<caption>${caption}</caption>
<tbody>${entries.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</tbody>
</table>`;
}

function body(label: string, text: string | undefined, totalBytes?: number): SafeHtml | string {
  if (text === undefined || text === "") return "";
  const shown = Buffer.byteLength(text, "utf8");
  const note =
    totalBytes !== undefined && totalBytes > shown
      ? ` (first ${shown.toLocaleString("en-US")} of ${totalBytes.toLocaleString("en-US")} bytes)`
      : "";
  return html`<div class="body-block"><div class="body-label">${label}${note}</div><pre class="body">${text}</pre></div>`;
}

function eventTable(events: SseEvent[]): SafeHtml | string {
  if (events.length === 0) return "";
  const listed = events.slice(0, maxEventsListed);
  const more = events.length - listed.length;
  return html`<details class="events">
<summary>SSE events (${events.length})</summary>
<table class="events-table">
<caption>SSE events with their arrival time</caption>
<thead><tr><th scope="col">#</th><th scope="col">at</th><th scope="col">event</th><th scope="col">data</th></tr></thead>
<tbody>${listed.map(
    (e, i) => html`<tr><td class="num">${i + 1}</td><td class="num">${formatMs(e.atMs)}</td><td>${e.event ?? ""}</td><td><code>${e.data}</code></td></tr>`,
  )}</tbody>
</table>${more > 0 ? html`<p class="muted">… and ${more} more events.</p>` : ""}
</details>`;
}

function statusText(ex: Exchange): string {
  if (ex.error) return `${ex.error.kind}: ${ex.error.message}`;
  return ex.status === undefined ? "no response" : String(ex.status);
}

export function renderExchange(ex: Exchange, index: number, checkTitle: string): SafeHtml {
  const bad = ex.error !== undefined || (ex.status !== undefined && ex.status >= 400);
  const timings = [
    ex.timings.headersMs !== undefined ? `headers ${formatMs(ex.timings.headersMs)}` : "",
    ex.timings.firstByteMs !== undefined ? `first byte ${formatMs(ex.timings.firstByteMs)}` : "",
    `total ${formatMs(ex.timings.totalMs)}`,
  ].filter(Boolean);
  return html`<div class="exchange">
<h4 class="exchange-line"><span class="muted">#${index + 1}</span> <code class="method">${ex.method}</code> <code class="url">${ex.url}</code>
<span class="arrow" aria-hidden="true">→</span> <span class="${bad ? "http-status bad" : "http-status"}">${statusText(ex)}</span></h4>
<p class="muted timings">${timings.join(" · ")}</p>
${isStreamed(ex) ? renderTimeline(ex, html`Stream of <em>${checkTitle}</em>`) : ""}
<div class="exchange-grid">
<div>${headerTable("Request headers", ex.requestHeaders)}${body("Request body", ex.requestBody)}</div>
<div>${headerTable("Response headers", ex.responseHeaders)}${body("Response body", ex.responseBody, ex.responseBytes)}</div>
</div>
${eventTable(ex.events ?? [])}
</div>`;
}

export function renderEvidence(evidence: Evidence, checkTitle: string): SafeHtml {
  const notes = evidence.notes.length
    ? html`<ul class="notes">${evidence.notes.map((n) => html`<li>${n}</li>`)}</ul>`
    : "";
  const exchanges = evidence.exchanges.map((ex, i) => renderExchange(ex, i, checkTitle));
  if (!notes && exchanges.length === 0) return html`<p class="muted">No evidence recorded.</p>`;
  return html`${notes}${exchanges}`;
}
