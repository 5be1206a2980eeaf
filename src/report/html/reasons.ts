/**
 * The reasons behind a client verdict. `because` holds finding ids, but a verdict may also cite a check
 * id (a failed check without a finding) or a finding the report does not explain: each is resolved to
 * the best link there is. The decisive ones come first and a long list folds, so one broken client
 * does not turn the verdict table into a wall.
 */
// Through explain's index.ts; the lint pattern only recognises index imports one folder deep.
import { getEntry } from "../../explain/index.js";
import type { ClientVerdict, Report } from "../../harness/types.js";
import { anchorId, html, markup, type SafeHtml } from "./escape.js";
import { severityOrder } from "./status.js";

/** Reasons shown before the rest folds into "n more": the decisive ones, not a wall. */
export const reasonsShown = 3;

interface Reason {
  rank: number;
  link: SafeHtml;
}

function resolve(id: string, report: Report): Reason {
  const finding = report.findings.find((f) => f.id === id);
  if (finding) {
    return { rank: severityOrder[finding.severity] ?? 0, link: html`<a href="#${anchorId("finding", id)}">${markup(finding.title)}</a>` };
  }
  const check = report.checks.find((c) => c.id === id);
  if (check) {
    return { rank: check.status === "fail" ? 0 : 1, link: html`<a href="#${anchorId("check", id)}">${check.title}</a> <span class="muted">(check)</span>` };
  }
  // A finding the report does not explain (a client rule's, not a check's): name it from the catalog
  // when its title needs no facts, and keep the id visible so it can be looked up with `bagcheck explain`.
  const title = getEntry(id)?.title;
  if (title && !/\{\w+\}/.test(title)) return { rank: 0, link: html`${markup(title)} <code class="muted">${id}</code>` };
  return { rank: 0, link: html`<code>${id}</code>` };
}

export function renderReasons(v: ClientVerdict, report: Report): SafeHtml {
  if (v.because.length === 0) return html`<span class="muted">—</span>`;
  // Stable sort: the client rules' own order is kept among equally serious reasons.
  const reasons = [...new Set(v.because)].map((id) => resolve(id, report)).sort((a, b) => a.rank - b.rank);
  const first = reasons.slice(0, reasonsShown);
  const rest = reasons.slice(reasonsShown);
  const list = (items: Reason[]) => html`<ul class="reasons">${items.map((r) => html`<li>${r.link}</li>`)}</ul>`;
  return html`${list(first)}${
    rest.length ? html`<details class="more-reasons"><summary>${rest.length} more</summary>${list(rest)}</details>` : ""
  }`;
}

/** What the person sees, from the client profiles: catalog markers, plus ``` fences folded to code. */
export function renderSees(sees: string): SafeHtml {
  return markup(sees.replace(/```(?:[a-z]+)?\s*([^`]+?)\s*```/g, (_m, code: string) => `\`${code}\``));
}
