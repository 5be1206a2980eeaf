import { plainHighlighter, renderMarkup } from "../explain/index.js";
import type { CheckResult, Report } from "../harness/types.js";
import { exchangeLine, findingsOf, groupBySuite, snippet } from "./common.js";
import type { ReportWriter } from "./types.js";

// XML 1.0 forbids most control characters and lone surrogates even when escaped; a hostile body may carry them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(text: string): string {
  return text
    .replace(INVALID_XML, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);
const plain = (t: string) => renderMarkup(t, plainHighlighter);

/** The failure body: what was seen, each finding's why and fix, then the evidence. */
function details(report: Report, check: CheckResult): string {
  const lines: string[] = [];
  if (check.message) lines.push(check.message, "");
  for (const f of findingsOf(check)) {
    lines.push(`[${f.id}] ${plain(f.title)}`, `  Why: ${plain(f.why)}`, `  Fix: ${plain(f.fix.general)}`);
    if (f.fix.bag) lines.push(`  BAG: ${plain(f.fix.bag)}`);
    if (f.fix.client) lines.push(`  Client: ${plain(f.fix.client)}`);
    lines.push("");
  }
  if (check.evidence.exchanges.length) lines.push("Evidence:");
  for (const e of check.evidence.exchanges) {
    lines.push(`  ${exchangeLine(e)}`);
    if (e.responseBody) lines.push(`    ${snippet(e.responseBody, 500)}`);
  }
  for (const n of check.evidence.notes) lines.push(`  note: ${n}`);
  return lines.join("\n");
}

function testcase(report: Report, check: CheckResult): string {
  const head = `    <testcase classname="bagcheck.${xmlEscape(check.suite)}" name="${xmlEscape(`${check.id}: ${check.title}`)}" time="${seconds(check.durationMs)}"`;
  switch (check.status) {
    case "pass":
      return `${head}/>`;
    case "skip":
      return `${head}>\n      <skipped message="${xmlEscape(check.message ?? "skipped")}"/>\n    </testcase>`;
    case "warn":
      // JUnit has no "warning": a warn passes, and says so where CI shows test output.
      return `${head}>\n      <system-out>${xmlEscape(`WARNING\n${details(report, check)}`)}</system-out>\n    </testcase>`;
    case "fail": {
      const ids = check.findings.map((f) => f.id).join(", ");
      const message = check.message ?? (ids || "failed");
      return `${head}>\n      <failure message="${xmlEscape(snippet(message, 300))}" type="${xmlEscape(ids || "fail")}">${xmlEscape(details(report, check))}</failure>\n    </testcase>`;
    }
  }
}

/** One testsuite per bagcheck suite; failures carry the explanation and the evidence (GitLab, Jenkins, …). */
export function renderJunit(report: Report): string {
  const s = report.summary;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="bagcheck" tests="${report.checks.length}" failures="${s.fail}" errors="0" skipped="${s.skip}" time="${seconds(report.durationMs)}" timestamp="${xmlEscape(report.startedAt)}">`,
  ];
  for (const [suite, checks] of groupBySuite(report.checks)) {
    const count = (st: CheckResult["status"]) => checks.filter((c) => c.status === st).length;
    const time = checks.reduce((t, c) => t + c.durationMs, 0);
    out.push(
      `  <testsuite name="${xmlEscape(suite)}" tests="${checks.length}" failures="${count("fail")}" errors="0" skipped="${count("skip")}" time="${seconds(time)}" timestamp="${xmlEscape(report.startedAt)}">`,
    );
    for (const check of checks) out.push(testcase(report, check));
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return out.join("\n") + "\n";
}

export const junitWriter: ReportWriter = { format: "junit", fileName: "junit.xml", render: (report) => renderJunit(report) };
