import { explainFinding } from "../explain/index.js";
import type { CheckResult, ClientVerdict, Report, ReportFinding, Target } from "./types.js";

export interface BuildReportInput {
  version: string;
  target: Target;
  startedAt: Date;
  durationMs: number;
  checks: CheckResult[];
  clients?: ClientVerdict[];
  usage: { modelCalls: number; promptTokens: number; completionTokens: number };
  model?: string;
  modelReason?: string;
  /** Optional joins (`models`, `inspect` results). */
  models?: unknown;
  deployment?: unknown;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Every distinct finding id once, explained through the catalog, with the checks that emitted it. */
export function collectFindings(checks: readonly CheckResult[]): ReportFinding[] {
  const byId = new Map<string, ReportFinding>();
  for (const check of checks) {
    for (const f of check.findings) {
      const existing = byId.get(f.id);
      if (existing) {
        if (!existing.checks.includes(check.id)) existing.checks.push(check.id);
        continue;
      }
      const e = explainFinding(f);
      byId.set(f.id, {
        id: e.id,
        severity: e.severity,
        title: e.title,
        why: e.why,
        fix: e.fix,
        clients: [...e.clients],
        references: e.references.map((r) => ({ title: r.title, url: r.url })),
        checks: [check.id],
      });
    }
  }
  return [...byId.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function summarize(checks: readonly CheckResult[]): Report["summary"] {
  const summary = { pass: 0, fail: 0, warn: 0, skip: 0 };
  for (const c of checks) summary[c.status] += 1;
  return summary;
}

/** The JSON contract (src/harness/types.ts `Report`), assembled from plain results. */
export function buildReport(input: BuildReportInput): Report {
  const target: Report["target"] = { url: input.target.baseUrl, mode: input.target.mode };
  if (input.target.urlTyped && input.target.enteredUrl !== input.target.baseUrl) target.enteredUrl = input.target.enteredUrl;
  if (input.target.front) target.front = input.target.front;
  if (input.target.scenario) target.scenario = input.target.scenario;
  const usage: Report["usage"] = { ...input.usage };
  if (input.model) usage.model = input.model;
  if (input.modelReason) usage.modelReason = input.modelReason;
  const report: Report = {
    schemaVersion: 1,
    tool: "bagcheck",
    version: input.version,
    target,
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    summary: summarize(input.checks),
    usage,
    checks: input.checks,
    findings: collectFindings(input.checks),
    clients: input.clients ?? [],
  };
  if (input.models !== undefined) report.models = input.models;
  if (input.deployment !== undefined) report.deployment = input.deployment;
  return report;
}
