/**
 * Findings, errors first: each with the catalog's explanation and fix. The words come from the
 * explain catalog (already filled into the report); this module only chooses the markup.
 */
import type { Report, ReportFinding } from "../../harness/types.js";
import { anchorId, html, markup, safeHref, type SafeHtml } from "./escape.js";
import { severityBadge, severityOrder } from "./status.js";

export function orderFindings(findings: readonly ReportFinding[]): ReportFinding[] {
  return [...findings].sort((a, b) => (severityOrder[a.severity] ?? 9) - (severityOrder[b.severity] ?? 9));
}

/** Catalog titles carry **strong** / `code` markers; an id the report does not explain shows as itself. */
export function findingTitle(titles: Map<string, string>, id: string): SafeHtml {
  const title = titles.get(id);
  return title === undefined ? html`<code>${id}</code>` : markup(title);
}

function fixBlock(f: ReportFinding): SafeHtml {
  const items: [string, string | undefined][] = [
    ["In general", f.fix.general],
    ["For bedrock-access-gateway", f.fix.bag],
    ["In the client", f.fix.client],
  ];
  return html`<dl class="fix">${items
    .filter((i): i is [string, string] => Boolean(i[1]))
    .map(([k, v]) => html`<dt>${k}</dt><dd>${markup(v)}</dd>`)}</dl>`;
}

function references(f: ReportFinding): SafeHtml | string {
  if (f.references.length === 0) return "";
  return html`<p class="refs">References: ${f.references.map((r, i) => {
    const href = safeHref(r.url);
    const sep = i > 0 ? " · " : "";
    return href
      ? html`${sep}<a href="${href}" rel="noopener noreferrer">${r.title}</a>`
      : html`${sep}${r.title} (<code>${r.url}</code>)`;
  })}</p>`;
}

function meta(f: ReportFinding): SafeHtml {
  const checks = f.checks.map(
    (c, i) => html`${i > 0 ? ", " : ""}<a href="#${anchorId("check", c)}"><code>${c}</code></a>`,
  );
  const clients = f.clients.map((c, i) => html`${i > 0 ? ", " : ""}<code>${c}</code>`);
  return html`<p class="finding-meta"><code>${f.id}</code>${
    f.checks.length ? html` · found by ${checks}` : ""
  }${f.clients.length ? html` · affects ${clients}` : ""}</p>`;
}

function renderFinding(f: ReportFinding): SafeHtml {
  return html`<article class="finding severity-${f.severity}" id="${anchorId("finding", f.id)}">
<h3>${severityBadge(f.severity)} <span>${markup(f.title)}</span></h3>
${meta(f)}
<h4>Why</h4>
<p>${markup(f.why)}</p>
<h4>Fix</h4>
${fixBlock(f)}
${references(f)}
</article>`;
}

export function renderFindings(report: Report): SafeHtml {
  const ordered = orderFindings(report.findings);
  return html`<section class="findings" aria-labelledby="findings-h">
<h2 id="findings-h">What is wrong and how to fix it</h2>
${ordered.length ? ordered.map(renderFinding) : html`<p class="all-clear">${severityBadge("info")} No findings: every check passed or was skipped.</p>`}
</section>`;
}
