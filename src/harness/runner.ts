import type { Dispatcher } from "undici";
import type { Finding } from "../explain/index.js";
import { createAgent, createHttpClient } from "./http.js";
import { createRedactor, type Redactor } from "./redact.js";
import { invalidUtf8Finding, transportFindings } from "./transport-findings.js";
import { createUsageMeter, type UsageTotals } from "./usage.js";
import type { Check, CheckContext, CheckOutcome, CheckResult, Exchange, RunOptions, Target } from "./types.js";

export interface RunChecksOptions {
  target: Target;
  key?: string;
  options: RunOptions;
  /** Checks run at most this many at a time (exclusive ones alone). Default 4. */
  concurrency?: number;
  /** A check still running after this is aborted and fails with `check-timed-out`. Default 3 × timeoutMs. */
  checkTimeoutMs?: number;
  /** Reuse one connection pool for the run (created and closed here when absent). */
  dispatcher?: Dispatcher;
  /** Shared meter: pass one to total usage across several runChecks calls. */
  usage?: UsageTotals;
  /** Called as each check starts and ends (progress display). */
  onCheckStart?: (check: Check) => void;
  onCheckEnd?: (result: CheckResult) => void;
}

const DEFAULT_CONCURRENCY = 4;

/**
 * Run checks and return their results in the order given. Independent checks run `concurrency` at a time;
 * an `exclusive` check waits for the pool to empty and runs alone. A check that throws, or outlives its
 * timeout, fails with a named finding; nothing a check does stops the run.
 */
export async function runChecks(checks: readonly Check[], opts: RunChecksOptions): Promise<CheckResult[]> {
  const ownAgent = opts.dispatcher ? undefined : createAgent(opts.options.timeoutMs);
  const dispatcher = opts.dispatcher ?? (ownAgent as Dispatcher);
  const usage = opts.usage ?? createUsageMeter();
  const redactor = createRedactor(opts.key);
  const limit = Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY);
  const results: CheckResult[] = new Array<CheckResult>(checks.length);

  const runOne = async (i: number) => {
    const check = checks[i] as Check;
    opts.onCheckStart?.(check);
    const result = await runCheck(check, { ...opts, dispatcher, usage, redactor });
    results[i] = result;
    opts.onCheckEnd?.(result);
  };

  try {
    const running = new Set<Promise<void>>();
    for (let i = 0; i < checks.length; i++) {
      const check = checks[i] as Check;
      if (check.exclusive) {
        await Promise.all(running);
        await runOne(i);
        continue;
      }
      while (running.size >= limit) await Promise.race(running);
      const p: Promise<void> = runOne(i).finally(() => running.delete(p));
      running.add(p);
    }
    await Promise.all(running);
  } finally {
    await ownAgent?.close();
  }
  return results;
}

interface RunCheckDeps extends RunChecksOptions {
  dispatcher: Dispatcher;
  usage: UsageTotals;
  redactor: Redactor;
}

async function runCheck(check: Check, deps: RunCheckDeps): Promise<CheckResult> {
  const exchanges: Exchange[] = [];
  const notes: string[] = [];
  const started = performance.now();
  const controller = new AbortController();
  const checkTimeoutMs = deps.checkTimeoutMs ?? deps.options.timeoutMs * 3;

  const http = createHttpClient({
    target: deps.target,
    key: deps.key,
    timeoutMs: deps.options.timeoutMs,
    dispatcher: deps.dispatcher,
    signal: controller.signal,
    onExchange: (e) => exchanges.push(e),
    onModelCall: (c) => deps.usage.recordAuto(c),
  });
  const ctx: CheckContext = {
    target: deps.target,
    options: deps.options,
    http,
    note: (text) => notes.push(text),
    signal: controller.signal,
    usage: deps.usage,
  };

  let outcome: CheckOutcome;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`check timed out after ${checkTimeoutMs} ms`));
      resolve({ status: "fail", findings: [{ id: "check-timed-out", args: { check: check.id, timeoutMs: checkTimeoutMs } }], message: `did not finish within ${checkTimeoutMs} ms` });
    }, checkTimeoutMs);
  });
  try {
    outcome = await Promise.race([
      Promise.resolve().then(() => check.run(ctx)),
      timeout,
    ]);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    outcome = { status: "fail", findings: [{ id: "check-crashed", args: { check: check.id, error: message } }], message: `the check threw: ${message}` };
  } finally {
    clearTimeout(timer);
    // Anything still in flight belongs to a check that has already been judged.
    controller.abort();
  }
  if (!outcome || !["pass", "fail", "warn", "skip"].includes(outcome.status)) {
    outcome = { status: "fail", findings: [{ id: "check-crashed", args: { check: check.id, error: `returned ${JSON.stringify(outcome)}` } }] };
  }

  const findings: Finding[] = [...(outcome.findings ?? [])];
  if (outcome.status === "fail" || outcome.status === "warn") {
    for (const f of transportFindings(exchanges, findings)) findings.push(f);
  }
  const utf8 = outcome.status === "skip" ? undefined : invalidUtf8Finding(exchanges);
  if (utf8 && !findings.some((f) => f.id === utf8.id)) {
    findings.push(utf8);
    if (outcome.status === "pass") outcome = { ...outcome, status: "warn" };
  }

  const result: CheckResult = {
    id: check.id,
    suite: check.suite,
    title: check.title,
    status: outcome.status,
    durationMs: Math.round(performance.now() - started),
    evidence: { exchanges: [...exchanges], notes: notes.map((n) => deps.redactor.text(n)) },
    findings: dedupeFindings(findings).map((f) => deps.redactor.value(f)),
  };
  if (outcome.message) result.message = deps.redactor.text(outcome.message);
  return result;
}

function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.id} ${JSON.stringify(f.args ?? {})}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
