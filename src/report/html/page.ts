/**
 * The page shell: head with the inlined stylesheet and script, a Content-Security-Policy that allows
 * exactly those two (by hash) and nothing else, and the header with target, mode and totals.
 * The CSP is a second wall behind escaping: even an unescaped body could neither run script nor fetch.
 */
import { createHash } from "node:crypto";
import type { CheckStatus, Report } from "../../harness/types.js";
import { html, trusted, type SafeHtml } from "./escape.js";
import { script } from "./script.js";
import { formatMs, statusBadge } from "./status.js";
import { styles } from "./styles.js";

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

export const contentSecurityPolicy = [
  "default-src 'none'",
  `style-src ${sha256(styles)}`,
  `script-src ${sha256(script)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const statusNames: [CheckStatus, string][] = [
  ["fail", "failed"],
  ["warn", "warnings"],
  ["pass", "passed"],
  ["skip", "skipped"],
];

function headline(report: Report): string {
  const n = report.clients.length;
  const broken = report.clients.filter((c) => c.verdict === "broken").length;
  const degraded = report.clients.filter((c) => c.verdict === "degraded").length;
  if (n === 0) return report.summary.fail > 0 ? `${report.summary.fail} checks failed.` : "No checks failed.";
  if (broken === 0 && degraded === 0) return `All ${n} clients work with this gateway.`;
  const parts = [broken ? `${broken} of ${n} clients broken` : "", degraded ? `${degraded} degraded` : ""];
  return `${parts.filter(Boolean).join(", ")}.`;
}

/** Section links, for reports long enough to scroll (a failing run has dozens of checks). */
function nav(report: Report): SafeHtml {
  const streamed = report.checks.some((c) => c.evidence.exchanges.some((e) => e.events !== undefined));
  const links: [string, string, boolean][] = [
    ["verdicts-h", "Clients", true],
    ["findings-h", `Findings (${report.findings.length})`, true],
    ["streams-h", "Streams", streamed],
    ["checks-h", `Checks (${report.checks.length})`, true],
    ["models-h", "Models", report.models !== undefined],
    ["deployment-h", "Deployment", report.deployment !== undefined],
  ];
  return html`<nav class="jump" aria-label="Sections">${links
    .filter(([, , shown]) => shown)
    .map(([id, text]) => html`<a href="#${id}">${text}</a>`)}</nav>`;
}

function header(report: Report): SafeHtml {
  const t = report.target;
  const u = report.usage;
  const meta: [string, string | undefined][] = [
    ["mode", t.mode],
    ["front", t.front],
    ["scenario", t.scenario],
    ["started", report.startedAt],
    ["took", formatMs(report.durationMs)],
    ["model", u?.model ? `${u.model}${u.modelReason ? ` (${u.modelReason})` : ""}` : undefined],
    ["model calls", u ? `${u.modelCalls} (${u.promptTokens + u.completionTokens} tokens)` : undefined],
    ["bagcheck", report.version],
  ];
  return html`<header class="report-head">
<h1>bagcheck report</h1>
<p class="target">Target <code>${t.enteredUrl ?? t.url}</code>${t.enteredUrl ? html` <span class="reached">(reached at <code>${t.url}</code>)</span>` : ""}</p>
<dl class="meta">${meta
    .filter((m): m is [string, string] => Boolean(m[1]))
    .map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
<ul class="totals" aria-label="Check totals">${statusNames.map(
    ([s, name]) => html`<li class="${(report.summary[s] ?? 0) === 0 ? "zero" : "nonzero"}">${statusBadge(s)}<span class="count">${report.summary[s] ?? 0}</span><span>${name}</span></li>`,
  )}</ul>
<p class="headline">${headline(report)}</p>
${nav(report)}
</header>`;
}

export function page(report: Report, sections: (SafeHtml | string)[]): string {
  const title = `bagcheck: ${report.target.url}`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${trusted(styles)}</style>
</head>
<body>
${header(report)}
<main>
${sections}
</main>
<footer>Written by bagcheck ${report.version}. This file is self-contained: it loads nothing from the network. API keys are redacted from all evidence.</footer>
<script>${trusted(script)}</script>
</body>
</html>
`.value;
}
