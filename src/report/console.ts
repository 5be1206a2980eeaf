import { Chalk, type ChalkInstance } from "chalk";
import { renderMarkup, type Highlighter } from "../explain/index.js";
import type { CheckResult, ClientVerdict, Report, ReportFinding } from "../harness/types.js";
import { exchangeLine, findingsOf, formatMs, snippet, sortChecks, summaryLine, usageLine } from "./common.js";
import type { RenderOptions, ReportWriter } from "./types.js";

/**
 * Whether the terminal gets colours: never with NO_COLOR (any non-empty value, no-color.org) or --no-color,
 * otherwise when stdout is a TTY or FORCE_COLOR is set.
 */
export function colorEnabled(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env, isTty = !!process.stdout.isTTY): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return isTty;
}

/**
 * Gateway bytes reach the terminal (messages, bodies, finding args): control characters, ESC above all,
 * are replaced so a hostile response cannot move the cursor, retitle the window or hide lines.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
export function stripControl(text: string): string {
  return text.replace(CONTROL, "\uFFFD");
}

function highlighter(c: ChalkInstance): Highlighter {
  return { strong: (t) => c.bold(t), code: (t) => c.cyan(t), text: stripControl };
}

const ICON = { pass: "✓", fail: "✗", warn: "!", skip: "–" } as const;

function statusColor(c: ChalkInstance, status: CheckResult["status"]): (s: string) => string {
  return status === "fail" ? c.red : status === "warn" ? c.yellow : status === "pass" ? c.green : c.gray;
}

function indent(text: string, pad: string): string {
  return text
    .split("\n")
    .map((l) => pad + l)
    .join("\n");
}

function renderCheck(c: ChalkInstance, report: Report, check: CheckResult, verbose: boolean): string[] {
  const color = statusColor(c, check.status);
  const lines = [`  ${color(ICON[check.status])} ${c.bold(check.id)}  ${check.title}${c.gray(` (${formatMs(check.durationMs)})`)}`];
  if (check.message) lines.push(`      ${stripControl(check.message)}`);
  for (const f of findingsOf(check)) lines.push(`      ${c.gray("→")} ${f.id}: ${renderMarkup(f.title, highlighter(c))}`);
  if (verbose || check.status === "fail") {
    for (const e of check.evidence.exchanges.slice(0, verbose ? undefined : 2)) {
      lines.push(c.gray(`      ${stripControl(exchangeLine(e))}`));
      if (verbose && e.responseBody) lines.push(c.gray(`        ${stripControl(snippet(e.responseBody))}`));
    }
  }
  return lines;
}

function renderFinding(c: ChalkInstance, f: ReportFinding): string[] {
  const h = highlighter(c);
  const mark = f.severity === "error" ? c.red("●") : f.severity === "warning" ? c.yellow("●") : c.blue("●");
  const lines = [`  ${mark} ${c.bold(renderMarkup(f.title, h))} ${c.gray(`[${f.id}]`)}`];
  lines.push(indent(renderMarkup(f.why, h), "      "));
  lines.push(`    ${c.bold("Fix:")} ${renderMarkup(f.fix.general, h)}`);
  if (f.fix.bag) lines.push(`    ${c.bold("BAG:")} ${renderMarkup(f.fix.bag, h)}`);
  if (f.fix.client) lines.push(`    ${c.bold("In the client:")} ${renderMarkup(f.fix.client, h)}`);
  if (f.clients.length) lines.push(c.gray(`    breaks: ${f.clients.join(", ")}`));
  lines.push(c.gray(`    seen in: ${f.checks.join(", ")}`));
  return lines;
}

function renderClients(c: ChalkInstance, clients: ClientVerdict[]): string[] {
  if (!clients.length) return [];
  const width = Math.max(...clients.map((v) => v.name.length));
  const lines = [c.bold("Clients")];
  for (const v of clients) {
    const verdict = v.verdict === "works" ? c.green("works   ") : v.verdict === "degraded" ? c.yellow("degraded") : c.red("broken  ");
    const because = v.because.length ? c.gray(` because ${v.because.join(", ")}`) : "";
    lines.push(`  ${v.name.padEnd(width)}  ${verdict}${because}`);
    if (v.verdict !== "works" && v.enterUrl) lines.push(c.gray(`  ${"".padEnd(width)}  enter: ${v.enterUrl}`));
  }
  return [...lines, ""];
}

/** Failures first with their explanation and fix, then the client verdicts, then the tally. */
export function renderConsole(report: Report, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  const mode = report.target.front ? `${report.target.mode}, behind ${report.target.front}` : report.target.mode;
  const reached = report.target.enteredUrl ? c.gray(` reached at ${report.target.url}`) : "";
  out.push(`${c.bold("bagcheck")} ${report.version} — ${report.target.enteredUrl ?? report.target.url}${reached} ${c.gray(`(${mode})`)}`, "");

  const shown = sortChecks(report.checks).filter((ch) => opts.verbose || ch.status === "fail" || ch.status === "warn");
  if (shown.length) {
    out.push(c.bold(opts.verbose ? "Checks" : "Failures and warnings"));
    for (const ch of shown) out.push(...renderCheck(c, report, ch, opts.verbose));
    out.push("");
  }
  if (report.findings.length) {
    out.push(c.bold("What to fix"));
    for (const f of report.findings) out.push(...renderFinding(c, f), "");
  }
  out.push(...renderClients(c, report.clients));
  if (report.usage.modelReason) out.push(c.gray(`Model: ${report.usage.model} — ${report.usage.modelReason}`));
  const s = report.summary;
  const tally = [c.red(`${s.fail} failed`), c.yellow(`${s.warn} warnings`), c.green(`${s.pass} passed`), c.gray(`${s.skip} skipped`)].join(", ");
  out.push(`${opts.color ? tally : summaryLine(report)} ${c.gray(`in ${formatMs(report.durationMs)} (${usageLine(report)})`)}`);
  return out.join("\n") + "\n";
}

export const consoleWriter: ReportWriter = { format: "console", render: renderConsole };
