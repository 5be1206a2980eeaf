import { Option, type Command } from "commander";
import type { CheckResult, Suite } from "../harness/index.js";
import type { ReportFormat } from "../report/index.js";
import { EXIT, setExitCode, UsageError, type ExitCode } from "./exit.js";
import { VERSION } from "./version.js";

/** Formats `--format` accepts; kept here (not imported) so `--help` loads no writer. */
const FORMATS = ["console", "json", "junit", "md", "html"] as const satisfies readonly ReportFormat[];
type Format = (typeof FORMATS)[number];
// The list cannot drift from the writers: a format added to ReportFormat but not here fails to compile.
const everyFormatListed: Exclude<ReportFormat, Format> extends never ? true : never = true;
void everyFormatListed;

export interface RunFlags {
  url?: string;
  key?: string;
  enteredUrl?: string;
  suite?: string;
  skip?: string;
  client?: string;
  model?: string;
  embeddingModel?: string;
  origin: string;
  front?: string;
  scenario?: string;
  format: string;
  reportDir: string;
  failOn: string;
  timeout: string;
  slow?: boolean;
  quiet?: boolean;
  color: boolean;
  verbose?: boolean;
  stack?: string;
  region?: string;
}

export interface RunConfig {
  url?: string;
  key?: string;
  enteredUrl?: string;
  suites?: string[];
  skip?: string[];
  clients?: string[];
  model?: string;
  embeddingModel?: string;
  origin: string;
  front?: string;
  scenario?: string;
  formats: Format[];
  reportDir: string;
  failOn: "fail" | "warn";
  timeoutMs: number;
  slow: boolean;
  quiet: boolean;
  color: boolean;
  verbose: boolean;
  stack?: string;
  region?: string;
  /** --key was given without a URL: the embedded default runs with its own key (said on stderr). */
  keyIgnored?: boolean;
}

const list = (v: string | undefined) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined);

/** Flags + environment → a checked config; anything wrong is a UsageError (exit 2) before any work starts. */
export function parseRunFlags(flags: RunFlags, env: NodeJS.ProcessEnv = process.env): RunConfig {
  const formats = list(flags.format) ?? [];
  const badFormat = formats.find((f) => !(FORMATS as readonly string[]).includes(f));
  if (badFormat) throw new UsageError(`--format: unknown format "${badFormat}" (use ${FORMATS.join(",")})`);
  if (flags.failOn !== "fail" && flags.failOn !== "warn") throw new UsageError(`--fail-on must be fail or warn, not "${flags.failOn}"`);
  const timeoutMs = Number(flags.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new UsageError(`--timeout must be a whole number of milliseconds, not "${flags.timeout}"`);
  if (!/^https?:\/\/[^/]+/i.test(flags.origin)) throw new UsageError(`--origin must be an origin like https://app.nextchat.dev, not "${flags.origin}"`);
  const url = flags.url ?? (flags.scenario ? undefined : env.OPENAI_BASE_URL || undefined);
  if (flags.scenario && flags.url) throw new UsageError("--scenario starts its own target: drop --url");
  if (flags.region && !flags.stack) throw new UsageError("--region only applies with --stack");
  const config: RunConfig = {
    origin: flags.origin,
    formats: formats as Format[],
    reportDir: flags.reportDir,
    failOn: flags.failOn,
    timeoutMs,
    slow: !!flags.slow,
    quiet: !!flags.quiet,
    color: flags.color,
    verbose: !!flags.verbose,
  };
  if (url) {
    config.url = url;
    const key = flags.key ?? (env.OPENAI_API_KEY || undefined);
    if (key) config.key = key;
  } else if (flags.key) {
    config.keyIgnored = true;
  }
  const optional = { enteredUrl: flags.enteredUrl, model: flags.model, embeddingModel: flags.embeddingModel, front: flags.front, scenario: flags.scenario, stack: flags.stack, region: flags.region };
  for (const [k, v] of Object.entries(optional)) if (v) (config as unknown as Record<string, unknown>)[k] = v;
  const suites = list(flags.suite);
  const skip = list(flags.skip);
  const clients = list(flags.client);
  if (suites) config.suites = suites;
  if (skip) config.skip = skip;
  if (clients) config.clients = clients;
  return config;
}

export function registerRun(program: Command): void {
  program
    .command("run")
    .description("Run the conformance suites against a gateway (default: the embedded emulator + reference gateway) and write reports.")
    .option("--url <url>", "gateway base URL, as typed into a client (default $OPENAI_BASE_URL; none: embedded default)")
    .option("--key <key>", "API key (default $OPENAI_API_KEY); redacted from every output")
    .option("--entered-url <url>", "what a person typed into their client, when it is not --url (client verdicts use it)")
    .option("--suite <ids>", "only these suites, comma-separated")
    .option("--skip <ids>", "leave out these suites or check ids, comma-separated")
    .option("--client <ids>", "replay these clients (nextchat,openai-node,…) and judge only them")
    .option("--model <id>", "chat model to probe with (default: the cheapest one the gateway lists)")
    .option("--embedding-model <id>", "embedding model to probe with (default: the cheapest one listed)")
    .option("--origin <url>", "Origin a browser client sends (CORS checks)", "https://app.nextchat.dev")
    .option("--front <name>", "put a deployment-shape proxy in front of the gateway (alb-lambda, api-gateway-streaming)")
    .option("--scenario <name>", "start a named offline scenario (seed-2024, seed-fixed) and test it")
    .option("--format <list>", `report formats: ${FORMATS.join(",")}`, FORMATS.join(","))
    .option("--report-dir <dir>", "where reports/<timestamp>/ and reports/latest/ go", "reports")
    .addOption(new Option("--fail-on <level>", "exit 1 when a check ends at or above this").choices(["fail", "warn"]).default("fail"))
    .option("--timeout <ms>", "per-request deadline in ms (connect, headers, body)", "30000")
    .option("--slow", "also run slow checks (a generation past 60 s)")
    .option("--stack <name>", "also read this CloudFormation stack (AWS credentials from the default chain)")
    .option("--region <region>", "AWS region of --stack")
    .option("--quiet", "no progress on stderr")
    .option("--verbose", "show passing checks and evidence on the console")
    .option("--no-color", "no colours (NO_COLOR is respected too)")
    .action(async (flags: RunFlags, command: Command) => {
      const config = parseRunFlags(flags);
      const code: ExitCode = await executeRun(config);
      setExitCode(command, code);
    });
}

interface Started {
  url: string;
  key?: string;
  label?: string;
  origin?: string;
  model?: string;
  /** The model the person selected in the client (scenarios), for the replay suite. */
  clientModel?: string;
  clients?: string[];
  mode: "embedded" | "remote";
  front?: string;
  scenario?: string;
  closers: (() => Promise<void>)[];
}

/** Start whatever the run tests: a scenario, the embedded default, or nothing (a remote URL), then a front. */
async function startTarget(config: RunConfig): Promise<Started> {
  const started: Started = { url: config.url ?? "", mode: "remote", closers: [] };
  try {
    if (config.scenario) {
      const { startScenario, scenarioNames } = await import("../../fixtures/scenarios/index.js");
      const name = scenarioNames.find((n) => n === config.scenario);
      if (!name) throw new UsageError(`--scenario: unknown "${config.scenario}" (known: ${scenarioNames.join(", ")})`);
      const s = await startScenario(name);
      started.closers.push(() => s.close());
      Object.assign(started, { url: s.url, key: s.key, label: s.enteredUrl, origin: s.origin, front: s.front, scenario: s.name, mode: "embedded" });
      if (s.model) started.model = s.model;
      if (s.clientModel) started.clientModel = s.clientModel;
      if (s.clients) started.clients = s.clients;
    } else if (!config.url) {
      const { startEmbedded } = await import("./embedded.js");
      const e = await startEmbedded();
      started.closers.push(() => e.close());
      Object.assign(started, { url: e.url, key: e.key, mode: "embedded" });
    } else if (config.key) {
      started.key = config.key;
    }
    if (config.front) {
      const { startFront, frontNames } = await import("../fronts/index.js");
      const name = frontNames.find((n) => n === config.front);
      if (!name) throw new UsageError(`--front: unknown "${config.front}" (known: ${frontNames.join(", ")})`);
      const front = await startFront(name, { upstream: started.url });
      started.closers.push(() => front.close());
      // The front keeps the upstream's path prefix: its URL is the new base.
      started.url = front.url;
      started.front = name;
    }
    return started;
  } catch (err) {
    await closeAll(started.closers);
    throw err;
  }
}

async function closeAll(closers: (() => Promise<void>)[]): Promise<void> {
  for (const close of [...closers].reverse()) await close().catch(() => undefined);
}

/**
 * `--stack`: read the deployment (src/aws `inspectDeployment`) and join it into the report — the snapshot and
 * rule results as `deployment`, the rule findings as the result `deployment.rules` so they are explained
 * and counted like any check's.
 */
async function joinDeployment(config: RunConfig): Promise<{ deployment?: unknown; results: CheckResult[] }> {
  if (!config.stack) return { results: [] };
  const [{ inspectDeployment }, { getEntry }] = await Promise.all([import("../aws/index.js"), import("../explain/index.js")]);
  const started = performance.now();
  let inspected;
  try {
    inspected = await inspectDeployment({ stack: config.stack, ...(config.region ? { region: config.region } : {}) });
  } catch (err) {
    throw new UsageError(`--stack ${config.stack}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const severities = inspected.findings.map((f) => getEntry(f.id)?.severity ?? "warning");
  const status = severities.includes("error") ? "fail" : severities.length ? "warn" : "pass";
  const result: CheckResult = {
    id: "deployment.rules",
    suite: "deployment",
    title: `The AWS deployment (stack ${config.stack}) has none of the known misconfigurations`,
    status,
    durationMs: Math.round(performance.now() - started),
    message: `${inspected.findings.length} finding(s) from the deployment rules`,
    evidence: { exchanges: [], notes: inspected.notes },
    findings: inspected.findings,
  };
  return { deployment: inspected, results: [result] };
}

/** The whole run; returns the exit code (0 ok, 1 checks failed, 3 unreachable). Usage errors throw. */
export async function executeRun(config: RunConfig): Promise<ExitCode> {
  const interactive = !config.quiet && !!process.stderr.isTTY;
  const log = (line: string) => {
    if (!config.quiet) process.stderr.write(`${line}\n`);
  };
  const progress = (line: string) => {
    if (interactive) process.stderr.write(`${line}\n`);
  };

  const { allSuites } = await import("../../suites/index.js");
  const harness = await import("../harness/index.js");
  // Built once now to reject unknown client ids and names before anything starts; rebuilt below with the target's facts.
  const replayNow = config.clients?.length ? [await clientReplay(config.clients, {})] : [];
  const known = [...allSuites, ...replayNow];
  const unknown = harness.selectSuites(known, { suites: config.suites, skip: config.skip }).unknown.filter((n) => n !== harness.TARGET_SUITE);
  if (unknown.length) throw new UsageError(`unknown suite or check: ${unknown.join(", ")} (known suites: ${known.map((s) => s.id).join(", ")})`);

  if (config.keyIgnored) log("bagcheck: --key given without --url (or OPENAI_BASE_URL): testing the embedded default, which has its own key");
  const started = await startTarget(config);
  try {
    const replayIds = config.clients ?? started.clients;
    const suites = replayIds?.length
      ? [...allSuites, await clientReplay(replayIds, { enteredUrl: config.enteredUrl ?? started.label, model: started.clientModel ?? config.model })]
      : allSuites;
    progress(`bagcheck ${VERSION}: testing ${started.mode === "embedded" ? `the embedded gateway at ${started.url}` : started.url}`);
    let prepared;
    try {
      prepared = await harness.prepareTarget({
        entered: started.url,
        label: config.enteredUrl ?? started.label,
        key: started.key,
        mode: started.mode,
        front: started.front,
        scenario: started.scenario,
        timeoutMs: config.timeoutMs,
        model: config.model ?? started.model,
        modelReason: config.model ? "given with --model" : `the model scenario ${started.scenario ?? ""} probes with (what the account can call)`,
        embeddingModel: config.embeddingModel,
      });
    } catch (err) {
      throw new UsageError(`--url: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (prepared.chat) progress(`model: ${prepared.chat.model} (${prepared.chat.reason})`);
    const joined = await joinDeployment(config);
    const origin = started.origin && config.origin === "https://app.nextchat.dev" ? started.origin : config.origin;
    const report = await harness.runSuites(suites, {
      version: VERSION,
      target: prepared.target,
      key: started.key,
      prepared,
      select: { suites: config.suites, skip: config.skip },
      clientIds: replayIds,
      options: { model: prepared.chat?.model, embeddingModel: prepared.embedding?.model, origin, timeoutMs: config.timeoutMs, slow: config.slow },
      // On a terminal the "running" line is replaced by the suite's tally when it ends.
      onSuiteStart: (suite, n) => interactive && process.stderr.write(`  ${suite.id} (${n} checks)…`),
      onSuiteEnd: (suite, results) => {
        const count = (s: string) => results.filter((r) => r.status === s).length;
        progress(`\r\u001b[K  ${suite.id}: ${count("pass")} passed, ${count("fail")} failed, ${count("warn")} warnings, ${count("skip")} skipped`);
      },
      deployment: joined.deployment,
      extraResults: joined.results,
    });

    const reportMod = await import("../report/index.js");
    const render = { color: reportMod.colorEnabled(config.color), verbose: config.verbose };
    if (config.formats.includes("console")) process.stdout.write(reportMod.consoleWriter.render(report, render));
    const fileWriters = config.formats.filter((f) => f !== "console").map((f) => reportMod.writers[f]);
    if (fileWriters.length) {
      const written = await reportMod.writeReports(report, { dir: config.reportDir, writers: fileWriters, render: { color: false, verbose: config.verbose } });
      log(`reports: ${written.runDir} (and ${written.latestDir})`);
    }
    if (prepared.unreachable) {
      log(`bagcheck: ${prepared.target.baseUrl} is unreachable: ${prepared.unreachable.message}`);
      return EXIT.unreachable;
    }
    const failing = report.summary.fail > 0 || (config.failOn === "warn" && report.summary.warn > 0);
    return failing ? EXIT.checksFailed : EXIT.ok;
  } finally {
    await closeAll(started.closers);
  }
}

/** `--client ids` (or a scenario's clients): the replay suite from suites/client-replay.ts. */
async function clientReplay(ids: string[], opts: { enteredUrl?: string; model?: string }): Promise<Suite> {
  const { clientReplaySuite } = await import("../../suites/client-replay.js");
  try {
    return clientReplaySuite(ids, opts);
  } catch (err) {
    throw new UsageError(`--client: ${err instanceof Error ? err.message : String(err)}`);
  }
}
