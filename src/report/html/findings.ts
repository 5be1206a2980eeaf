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

/** Errors stay open (they are why a client breaks); warnings and notes fold so the errors stay in view. */
function renderFinding(f: ReportFinding): SafeHtml {
  return html`<details class="finding severity-${f.severity}" id="${anchorId("finding", f.id)}"${f.severity === "error" ? html` open` : ""}>
<summary><h3>${severityBadge(f.severity)} <span>${markup(f.title)}</span></h3></summary>
<div class="finding-body">
${meta(f)}
<h4>Why</h4>
<p>${markup(f.why)}</p>
<h4>Fix</h4>
${fixBlock(f)}
${references(f)}
</div>
</details>`;
}

function counts(findings: readonly ReportFinding[]): SafeHtml | string {
  const n = (sev: string) => findings.filter((f) => f.severity === sev).length;
  const parts = [
    [n("error"), "error", "errors"],
    [n("warning"), "warning", "warnings"],
    [n("info"), "note", "notes"],
  ] as const;
  const text = parts.filter(([c]) => c > 0).map(([c, one, many]) => `${c} ${c === 1 ? one : many}`).join(" · ");
  const folded = n("warning") + n("info") > 0 ? " Errors are open; warnings and notes are folded: click one to read it." : "";
  return html`<p class="finding-counts"><strong>${text}.</strong>${folded}</p>`;
}

export function renderFindings(report: Report): SafeHtml {
  const ordered = orderFindings(report.findings);
  return html`<section class="findings" aria-labelledby="findings-h">
<h2 id="findings-h">What is wrong and how to fix it</h2>
${
  ordered.length
    ? html`${counts(ordered)}${ordered.map(renderFinding)}`
    : html`<p class="all-clear">${severityBadge("info")} No findings: every check passed or was skipped.</p>`
}
</section>`;
}
