/**
 * Every streamed exchange's timeline, outside the collapsed checks, so the difference between a real
 * stream and a buffered one is visible without opening anything.
 */
import type { Report } from "../../harness/types.js";
import { anchorId, html, type SafeHtml } from "./escape.js";
import { formatMs, statusBadge } from "./status.js";
import { isStreamed, renderTimelineStrip, streamNumbers } from "./timeline.js";
import { orderChecks } from "./checks.js";

export function renderStreams(report: Report): SafeHtml | string {
  const streamed = orderChecks(report.checks).flatMap((check) =>
    check.evidence.exchanges.filter(isStreamed).map((ex) => ({ check, ex })),
  );
  if (streamed.length === 0) return "";
  // A stream that got no event at all (an error status, a JSON body) has no shape worth a picture here;
  // it is listed, and its own timeline stays in the check's evidence.
  const withEvents = streamed.filter(({ ex }) => (ex.events?.length ?? 0) > 0);
  const silentChecks = [...new Map(streamed.filter(({ ex }) => !ex.events?.length).map(({ check }) => [check.id, check])).values()];
  const rows = withEvents.map(({ check, ex }) => {
    const n = streamNumbers(ex);
    return html`<tr>
<th scope="row">${statusBadge(check.status)} <a href="#${anchorId("check", check.id)}">${check.title}</a></th>
<td class="strip-cell">${renderTimelineStrip(ex)}</td>
<td class="num">${n.events}</td><td class="num">${formatMs(n.ttftMs ?? 0)}</td>
<td class="num${n.isBurst ? " burst" : ""}">${formatMs(n.burstMs ?? 0)}${n.isBurst ? html` <span class="burst-word">one burst</span>` : ""}</td>
<td class="num">${formatMs(n.totalMs)}</td>
</tr>`;
  });
  const table = rows.length
    ? html`<div class="table-scroll"><table class="stream-table">
<caption>Every streamed request that received events, each on its own time scale: shaded is the wait for the first event</caption>
<thead><tr><th scope="col">Check</th><th scope="col">Events over time</th><th scope="col">Events</th><th scope="col">First event</th><th scope="col">Spread over</th><th scope="col">Total</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`
    : "";
  const silentCount = streamed.length - withEvents.length;
  const silent = silentCount
    ? html`<p class="silent-streams"><strong>${
        withEvents.length === 0
          ? `None of the ${streamed.length} streamed requests received any event.`
          : `${silentCount} of ${streamed.length} streamed requests received no event at all.`
      }</strong> ${silentChecks.map(
        (c, i) => html`${i ? ", " : ""}<a href="#${anchorId("check", c.id)}">${c.title}</a>`,
      )}</p>`
    : "";
  return html`<section class="streams" aria-labelledby="streams-h">
<h2 id="streams-h">Streams on the wire</h2>
${rows.length ? html`<p class="muted">Each line climbs by one for every server-sent event, at the moment it arrived, and a tick marks each event. A real stream climbs steadily from the left; a buffered one waits (shaded) and then jumps at once at the end. Open a check for its full timeline.</p>` : ""}
${table}${silent}
</section>`;
}
