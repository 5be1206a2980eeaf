import { explainFinding, type ExplainedFinding } from "../explain/index.js";
import type { CheckResult, CheckStatus, Exchange, Report } from "../harness/types.js";

/** Failures first, then warnings, passes, skips: what a person must read comes first. */
export const STATUS_ORDER: Record<CheckStatus, number> = { fail: 0, warn: 1, pass: 2, skip: 3 };

export function sortChecks(checks: readonly CheckResult[]): CheckResult[] {
  return [...checks].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Suites in the order they ran, each with its checks. */
export function groupBySuite(checks: readonly CheckResult[]): Map<string, CheckResult[]> {
  const bySuite = new Map<string, CheckResult[]>();
  for (const c of checks) {
    const list = bySuite.get(c.suite) ?? [];
    list.push(c);
    bySuite.set(c.suite, list);
  }
  return bySuite;
}

/**
 * The findings behind one check, explained with that check's own args (the report-level entry carries the
 * args of the first check that emitted the id; another check's facts may differ).
 */
export function findingsOf(check: CheckResult): ExplainedFinding[] {
  return check.findings.map((f) => explainFinding(f));
}

/** One line per exchange: `POST http://…/chat/completions → 200 (312 ms, 14 events)`. */
export function exchangeLine(e: Exchange): string {
  const outcome = e.error ? `${e.status ?? "no response"} — ${e.error.kind}: ${e.error.message}` : String(e.status ?? "no response");
  const extras = [formatMs(e.timings.totalMs)];
  if (e.events?.length) extras.push(`${e.events.length} events`);
  if (e.anomalies?.length) extras.push(e.anomalies.join(", "));
  return `${e.method} ${e.url} → ${outcome} (${extras.join(", ")})`;
}

/** First bytes of a body, on one line, for summaries. */
export function snippet(text: string | undefined, max = 200): string {
  if (!text) return "";
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

export function summaryLine(report: Report): string {
  const s = report.summary;
  return `${s.fail} failed, ${s.warn} warnings, ${s.pass} passed, ${s.skip} skipped`;
}

export function usageLine(report: Report): string {
  const u = report.usage;
  const parts = [`${u.modelCalls} model calls`, `${u.promptTokens + u.completionTokens} tokens`];
  if (u.model) parts.push(`model ${u.model}`);
  return parts.join(", ");
}
