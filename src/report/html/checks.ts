/**
 * Every check, failures first, each a <details> that opens to its evidence. Closed by default so
 * the page reads as a list; print expands them (see styles and the inline script).
 */
import type { CheckResult, Report } from "../../harness/types.js";
import { anchorId, html, type SafeHtml } from "./escape.js";
import { findingTitle } from "./findings.js";
import { renderEvidence } from "./evidence.js";
import { formatMs, statusBadge, statusOrder } from "./status.js";

export function orderChecks(checks: readonly CheckResult[]): CheckResult[] {
  return [...checks].sort((a, b) => (statusOrder[a.status] ?? 9) - (statusOrder[b.status] ?? 9));
}

function findingLinks(check: CheckResult, report: Report): SafeHtml | string {
  if (check.findings.length === 0) return "";
  const titles = new Map(report.findings.map((f) => [f.id, f.title]));
  const ids = [...new Set(check.findings.map((f) => f.id))];
  return html`<p class="check-findings">Found: ${ids.map(
    (id, i) => html`${i > 0 ? ", " : ""}<a href="#${anchorId("finding", id)}">${findingTitle(titles, id)}</a>`,
  )}</p>`;
}

function renderCheck(check: CheckResult, report: Report): SafeHtml {
  return html`<details class="check status-${check.status}" id="${anchorId("check", check.id)}">
<summary><span class="check-status">${statusBadge(check.status)}</span>
<span class="check-title">${check.title}</span>
<code class="check-id">${check.id}</code>
<span class="check-duration">${formatMs(check.durationMs)}</span>
${check.message ? html`<span class="check-message">${check.message}</span>` : ""}</summary>
<div class="check-body">
${findingLinks(check, report)}
${renderEvidence(check.evidence, check.title)}
</div>
</details>`;
}

export function renderChecks(report: Report): SafeHtml {
  const ordered = orderChecks(report.checks);
  return html`<section class="checks" aria-labelledby="checks-h">
<div class="section-head"><h2 id="checks-h">Checks</h2>
<div class="toolbar"><button type="button" data-toggle="open">Expand all</button><button type="button" data-toggle="close">Collapse all</button></div></div>
<p class="muted">${report.checks.length} checks, failures first. Open one to see the requests and responses it sent and received (API key redacted).</p>
${ordered.length ? ordered.map((c) => renderCheck(c, report)) : html`<p class="muted">No checks ran.</p>`}
</section>`;
}
