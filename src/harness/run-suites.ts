import { judgeClients, workingBaseFor } from "../clients/index.js";
import { getEntry, type Finding } from "../explain/index.js";
import { createAgent } from "./http.js";
import type { PreparedTarget } from "./prepare.js";
import { buildReport } from "./report-builder.js";
import { runChecks, type RunChecksOptions } from "./runner.js";
import { findingForExchange } from "./transport-findings.js";
import { createUsageMeter } from "./usage.js";
import type { Check, CheckResult, ClientVerdict, Report, Suite } from "./types.js";

export interface RunSuitesOptions extends Omit<RunChecksOptions, "usage" | "onCheckStart"> {
  /** bagcheck's version for the report. */
  version: string;
  /** The probe from prepareTarget: becomes the `target.base-url` result; a silent target skips the suites. */
  prepared?: PreparedTarget;
  /** Suite ids to run (default all) and suite or check ids to leave out. */
  select?: { suites?: string[]; skip?: string[] };
  /** Turns results into client verdicts; default: src/clients `judgeClients` over every profile (or `clientIds`). */
  judgeClients?: (checks: CheckResult[]) => ClientVerdict[];
  /** Client profiles to judge (`--client`); default all. */
  clientIds?: string[];
  onSuiteStart?: (suite: Suite, checks: number) => void;
  onSuiteEnd?: (suite: Suite, results: CheckResult[]) => void;
  /** Results produced outside the suites (e.g. `deployment.rules` from `--stack`), appended as they are. */
  extraResults?: CheckResult[];
  /** Optional joins for the report. */
  models?: unknown;
  deployment?: unknown;
}

export const TARGET_SUITE = "target";
export const BASE_URL_CHECK = "target.base-url";

/** Suites and checks left after --suite / --skip; names that match nothing are returned so the CLI can complain. */
export function selectSuites(suites: readonly Suite[], select: RunSuitesOptions["select"] = {}): { suites: Suite[]; unknown: string[] } {
  const known = new Set<string>();
  for (const s of suites) {
    known.add(s.id);
    for (const c of s.checks) known.add(c.id);
  }
  const wanted = select.suites?.length ? new Set(select.suites) : undefined;
  const skip = new Set(select.skip ?? []);
  const unknown = [...(select.suites ?? []), ...(select.skip ?? [])].filter((n) => !known.has(n));
  const chosen = suites
    .filter((s) => (!wanted || wanted.has(s.id)) && !skip.has(s.id))
    .map((s) => ({ ...s, checks: s.checks.filter((c) => !skip.has(c.id)) }))
    .filter((s) => s.checks.length > 0);
  return { suites: chosen, unknown };
}

function skipped(check: Check, message: string): CheckResult {
  return { id: check.id, suite: check.suite, title: check.title, status: "skip", durationMs: 0, message, evidence: { exchanges: [], notes: [] }, findings: [] };
}

/** The base-URL probe as a check result, so its evidence and findings sit in the report like any other. */
export function baseUrlResult(prepared: PreparedTarget): CheckResult {
  const { probe } = prepared;
  const findings: Finding[] = [...probe.findings];
  const broken = probe.error ?? prepared.exchanges.find((e) => e.error && e.error.kind !== "redirect-blocked")?.error;
  if (probe.error) {
    const e = prepared.exchanges.find((x) => x.error?.kind === probe.error?.kind);
    const f = e && findingForExchange(e);
    if (f && !findings.some((x) => x.id === f.id)) findings.unshift(f);
  }
  const notes = [...probe.notes];
  if (prepared.chat) notes.push(`chat model: ${prepared.chat.model} (${prepared.chat.reason})`);
  if (prepared.embedding) notes.push(`embedding model: ${prepared.embedding.model} (${prepared.embedding.reason})`);
  const status = broken || findings.some((f) => getEntry(f.id)?.severity === "error") ? "fail" : findings.length ? "warn" : "pass";
  const message = broken
    ? `${probe.baseUrl}/models: ${broken.message}`
    : `${probe.baseUrl}/models answered ${probe.status ?? "nothing"}`;
  return {
    id: BASE_URL_CHECK,
    suite: TARGET_SUITE,
    title: "The base URL answers OpenAI paths",
    status,
    durationMs: Math.round(prepared.exchanges.reduce((t, e) => t + e.timings.totalMs, 0)),
    message,
    evidence: { exchanges: prepared.exchanges, notes },
    findings,
  };
}

function verdicts(checks: CheckResult[], opts: RunSuitesOptions): ClientVerdict[] {
  if (opts.judgeClients) return opts.judgeClients(checks);
  const target = opts.prepared?.target ?? opts.target;
  // The judge wants the base named as the person knows it (an ALB label may stand for a 127.0.0.1 socket).
  let baseUrl = target.baseUrl;
  try {
    baseUrl = workingBaseFor(target.enteredUrl, target.baseUrl);
  } catch {
    // an entered value that is no URL: judge on the base as called
  }
  const ctx: Parameters<typeof judgeClients>[1] = { enteredUrl: target.enteredUrl, baseUrl, origin: opts.options.origin, urlTyped: target.urlTyped };
  if (opts.clientIds?.length) ctx.clientIds = opts.clientIds;
  return judgeClients(checks, ctx);
}

/**
 * Run suites one after another (checks inside a suite run concurrently) and assemble the Report.
 * Slow checks are skipped without `options.slow`; a target that never answered the probe skips every
 * suite (each check would only wait out its own timeout) and the probe's finding says why.
 */
export async function runSuites(suites: readonly Suite[], opts: RunSuitesOptions): Promise<Report> {
  const startedAt = new Date();
  const t0 = performance.now();
  const ownAgent = opts.dispatcher ? undefined : createAgent(opts.options.timeoutMs);
  const dispatcher = opts.dispatcher ?? ownAgent;
  const usage = createUsageMeter();
  const checks: CheckResult[] = [];
  if (opts.prepared) checks.push(baseUrlResult(opts.prepared));
  const silent = opts.prepared?.silent ?? opts.prepared?.unreachable;

  try {
    for (const suite of selectSuites(suites, opts.select).suites) {
      opts.onSuiteStart?.(suite, suite.checks.length);
      const runnable = suite.checks.filter((c) => !silent && (!c.slow || opts.options.slow));
      const ran = await runChecks(runnable, { ...opts, dispatcher, usage });
      const byId = new Map(ran.map((r) => [r.id, r]));
      const results = suite.checks.map(
        (c) =>
          byId.get(c.id) ??
          skipped(c, silent ? `not run: the target did not answer (${silent.kind}); see ${BASE_URL_CHECK}` : "slow check: run with --slow"),
      );
      checks.push(...results);
      opts.onSuiteEnd?.(suite, results);
    }
  } finally {
    await ownAgent?.close();
  }
  checks.push(...(opts.extraResults ?? []));

  return buildReport({
    version: opts.version,
    target: opts.prepared?.target ?? opts.target,
    startedAt,
    durationMs: performance.now() - t0,
    checks,
    clients: verdicts(checks, opts),
    usage: usage.totals(),
    model: opts.options.model,
    modelReason: opts.prepared?.chat?.model === opts.options.model ? opts.prepared?.chat?.reason : undefined,
    models: opts.models,
    deployment: opts.deployment,
  });
}
