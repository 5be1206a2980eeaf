/**
 * The first thing a person looks for: does my client work with this gateway, and if not, why and
 * what URL should I enter instead. Broken clients first.
 */
import type { ClientVerdict, Report } from "../../harness/types.js";
import { anchorId, html, type SafeHtml } from "./escape.js";
import { renderReasons, renderSees } from "./reasons.js";
import { verdictBadge, verdictOrder } from "./status.js";

export function orderVerdicts(clients: readonly ClientVerdict[]): ClientVerdict[] {
  return [...clients].sort((a, b) => (verdictOrder[a.verdict] ?? 9) - (verdictOrder[b.verdict] ?? 9));
}

export function renderVerdicts(report: Report): SafeHtml {
  const rows = orderVerdicts(report.clients).map(
    (v) => html`<tr class="verdict-${v.verdict}" id="${anchorId("client", v.client)}">
<th scope="row"><span class="client-name">${v.name}</span><br><code class="muted">${v.client}</code></th>
<td class="verdict-cell">${verdictBadge(v.verdict)}</td>
<td>${renderReasons(v, report)}</td>
<td>${v.sees ? html`<q class="sees">${renderSees(v.sees)}</q>` : html`<span class="muted">—</span>`}</td>
<td>${v.enterUrl ? html`<code class="enter-url">${v.enterUrl}</code>` : html`<span class="muted">—</span>`}</td>
</tr>`,
  );
  return html`<section class="verdicts" aria-labelledby="verdicts-h">
<h2 id="verdicts-h">Clients</h2>
${
  rows.length
    ? html`<div class="table-scroll"><table class="verdict-table">
<caption>How each chat client fares against this gateway, broken first</caption>
<colgroup><col class="c-client"><col class="c-verdict"><col class="c-because"><col class="c-sees"><col class="c-url"></colgroup>
<thead><tr><th scope="col">Client</th><th scope="col">Verdict</th><th scope="col">Because</th><th scope="col">What the person sees</th><th scope="col">Base URL to enter</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`
    : html`<p class="muted">No client verdicts in this report.</p>`
}
</section>`;
}
