import { renderMarkup, type Highlighter } from "../explain/index.js";
import type { CheckResult, Report, ReportFinding } from "../harness/types.js";
import { exchangeLine, formatMs, groupBySuite, snippet, usageLine } from "./common.js";
import type { ReportWriter } from "./types.js";

const ICON = { pass: "✅", fail: "❌", warn: "⚠️", skip: "⏭️" } as const;
const VERDICT = { works: "✅ works", degraded: "⚠️ degraded", broken: "❌ broken" } as const;
const SEVERITY = { error: "❌", warning: "⚠️", info: "ℹ️" } as const;

/**
 * Gateway bytes reach this page (bodies in messages, args in finding text): outside code spans `<` and `>`
 * are escaped so a hostile body cannot add HTML to a step summary or PR comment.
 */
const escapeHtml = (t: string) => t.replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unescapeHtml = (t: string) => t.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
const safeMarkdown: Highlighter = {
  strong: (t) => `**${t}**`,
  // renderMarkup escapes code text too; inside a code span the raw characters are already inert.
  code: (t) => `\`${unescapeHtml(t).replace(/`/g, "'")}\``,
  text: escapeHtml,
};

/** Table cells cannot hold pipes or newlines. */
function cell(text: string): string {
  return escapeHtml(text).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
const md = (t: string) => renderMarkup(t, safeMarkdown);

function findingSection(f: ReportFinding): string[] {
  const lines = [`#### ${SEVERITY[f.severity]} ${md(f.title)} (\`${f.id}\`)`, "", md(f.why), "", `**Fix:** ${md(f.fix.general)}`];
  if (f.fix.bag) lines.push("", `**For bedrock-access-gateway:** ${md(f.fix.bag)}`);
  if (f.fix.client) lines.push("", `**In the client:** ${md(f.fix.client)}`);
  const meta = [`Seen in ${f.checks.map((c) => `\`${c}\``).join(", ")}`];
  if (f.clients.length) meta.push(`breaks ${f.clients.join(", ")}`);
  lines.push("", `<sub>${meta.join(" · ")}</sub>`);
  if (f.references.length) lines.push("", f.references.map((r) => `[${r.title}](${r.url})`).join(" · "));
  return [...lines, ""];
}

function suiteTable(checks: CheckResult[]): string[] {
  const lines = ["| | Check | Result |", "|---|---|---|"];
  for (const c of checks) {
    const result = [c.message ?? "", c.findings.map((f) => `\`${f.id}\``).join(" ")].filter(Boolean).join(" ");
    lines.push(`| ${ICON[c.status]} | \`${c.id}\` ${cell(c.title)} | ${cell(snippet(result, 300))} |`);
  }
  return lines;
}

/** Fits a GitHub step summary or a PR comment: verdicts and fixes on top, every check folded below. */
export function renderMarkdown(report: Report): string {
  const s = report.summary;
  const head = s.fail ? "❌" : s.warn ? "⚠️" : "✅";
  const out = [
    `## ${head} bagcheck: ${s.fail} failed · ${s.warn} warnings · ${s.pass} passed · ${s.skip} skipped`,
    "",
    `Target \`${report.target.enteredUrl ?? report.target.url}\`${report.target.enteredUrl ? ` (reached at \`${report.target.url}\`)` : ""} (${report.target.mode}${report.target.front ? `, behind ${report.target.front}` : ""}) · ${formatMs(report.durationMs)} · ${usageLine(report)} · bagcheck ${report.version}`,
    "",
  ];
  if (report.usage.modelReason) out.push(`<sub>Model \`${report.usage.model}\`: ${report.usage.modelReason}</sub>`, "");
  if (report.clients.length) {
    out.push("### Clients", "", "| Client | Verdict | Because | Enter as base URL |", "|---|---|---|---|");
    for (const v of report.clients) {
      out.push(`| ${cell(v.name)} | ${VERDICT[v.verdict]} | ${v.because.map((b) => `\`${b}\``).join(" ")} | ${v.enterUrl ? `\`${cell(v.enterUrl)}\`` : ""} |`);
    }
    out.push("");
  }
  if (report.findings.length) {
    out.push("### What to fix", "");
    for (const f of report.findings) out.push(...findingSection(f));
  }
  out.push("### Checks", "");
  for (const [suite, checks] of groupBySuite(report.checks)) {
    const bad = checks.filter((c) => c.status === "fail").length;
    const warn = checks.filter((c) => c.status === "warn").length;
    const summary = `${bad ? "❌" : warn ? "⚠️" : "✅"} <b>${suite}</b> — ${checks.filter((c) => c.status === "pass").length}/${checks.length} passed`;
    out.push(`<details${bad ? " open" : ""}><summary>${summary}</summary>`, "", ...suiteTable(checks), "");
    const failing = checks.filter((c) => c.status === "fail" && c.evidence.exchanges.length);
    if (failing.length) {
      out.push("```text");
      for (const c of failing) out.push(`${c.id}:`, ...c.evidence.exchanges.slice(0, 3).map((e) => `  ${exchangeLine(e).replace(/`/g, "'")}`));
      out.push("```", "");
    }
    out.push("</details>", "");
  }
  return out.join("\n");
}

export const markdownWriter: ReportWriter = { format: "md", fileName: "report.md", render: (report) => renderMarkdown(report) };
