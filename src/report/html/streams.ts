/**
 * Every streamed exchange's timeline, outside the collapsed checks, so the difference between a real
 * stream and a buffered one is visible without opening anything.
 */
import type { Report } from "../../harness/types.js";
import { anchorId, html, type SafeHtml } from "./escape.js";
import { statusBadge } from "./status.js";
import { isStreamed, renderTimeline } from "./timeline.js";
import { orderChecks } from "./checks.js";

export function renderStreams(report: Report): SafeHtml | string {
  const figures = orderChecks(report.checks).flatMap((check) =>
    check.evidence.exchanges.filter(isStreamed).map((ex) =>
      renderTimeline(
        ex,
        html`${statusBadge(check.status)} <a href="#${anchorId("check", check.id)}">${check.title}</a> <code class="muted">${ex.method} ${ex.url}</code>`,
      ),
    ),
  );
  if (figures.length === 0) return "";
  return html`<section class="streams" aria-labelledby="streams-h">
<h2 id="streams-h">Streams on the wire</h2>
<p class="muted">Each line climbs by one for every server-sent event, at the moment it arrived. A real stream climbs steadily from the left; a buffered one waits (shaded) and then jumps at once. Ticks under the axis mark single events; the dashed line marks the response headers.</p>
${figures}
</section>`;
}
