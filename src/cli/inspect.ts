import type { Command } from "commander";
import { explainFinding, plainHighlighter, renderMarkup, type ExplainedFinding, type Finding } from "../explain/index.js";
import { EXIT, setExitCode, UsageError } from "./exit.js";

interface InspectFlags {
  stack?: string;
  template?: string;
  snapshot?: string;
  loadBalancer?: string;
  function?: string;
  region?: string;
  profile?: string;
  json?: boolean;
  saveSnapshot?: string;
  ssmParam?: string;
}

const MARK: Record<ExplainedFinding["severity"], string> = { error: "✖ error  ", warning: "▲ warning", info: "ℹ info   " };

/** One finding as console text: title, why, fixes, clients; catalog markers rendered plain. */
export function renderFindingText(f: ExplainedFinding): string {
  const t = (s: string) => renderMarkup(s, plainHighlighter);
  const lines = [`${MARK[f.severity]} ${t(f.title)}  [${f.id}]`, `    why: ${t(f.why)}`, `    fix: ${t(f.fix.general)}`];
  if (f.fix.bag) lines.push(`    BAG: ${t(f.fix.bag).replace(/\n/g, "\n         ")}`);
  if (f.clients.length) lines.push(`    breaks: ${f.clients.join(", ")}`);
  return lines.join("\n");
}

export function summarize(findings: ExplainedFinding[]): string {
  const n = (s: ExplainedFinding["severity"]) => findings.filter((f) => f.severity === s).length;
  return `${n("error")} error(s), ${n("warning")} warning(s), ${n("info")} info`;
}

export function explainAll(findings: Finding[]): ExplainedFinding[] {
  const order = { error: 0, warning: 1, info: 2 };
  return findings.map(explainFinding).sort((a, b) => order[a.severity] - order[b.severity]);
}

function validate(o: InspectFlags): void {
  const starts = [o.stack, o.template, o.snapshot].filter((x) => x !== undefined).length;
  const resources = o.loadBalancer !== undefined || o.function !== undefined;
  if (starts + (resources ? 1 : 0) !== 1) {
    throw new UsageError("inspect needs exactly one of --stack NAME, --template FILE, --snapshot FILE (or --load-balancer ARN / --function NAME)");
  }
  if ((o.template || o.snapshot) && o.profile) throw new UsageError("--profile reads a live account; it does not apply to --template or --snapshot");
}

export function registerInspect(program: Command): void {
  program
    .command("inspect")
    .description("Read a deployment (stack, template or snapshot) and say what in AWS breaks which client")
    .option("--stack <name>", "CloudFormation stack to follow (live, default credential chain)")
    .option("--template <file>", "CloudFormation template to lint (JSON or YAML), no AWS access")
    .option("--snapshot <file>", "re-run the rules on a snapshot saved with --save-snapshot")
    .option("--load-balancer <arn>", "start from a load balancer instead of a stack")
    .option("--function <name>", "start from a Lambda function instead of a stack")
    .option("--region <region>", "AWS region (default: from the environment or profile)")
    .option("--profile <profile>", "AWS profile from ~/.aws/config")
    .option("--ssm-param <name>", "the real name of the SSM parameter holding the API key")
    .option("--save-snapshot <file>", "write everything collected as plain JSON (no secret values)")
    .option("--json", "print JSON instead of text")
    .action(async (flags: InspectFlags, cmd: Command) => {
      validate(flags);
      // Loaded here so other commands never pay for the aws module (nor the SDK it loads on demand).
      const aws = await import("../aws/index.js");
      let result;
      try {
        result = await aws.inspectDeployment({
          ...(flags.stack ? { stack: flags.stack } : {}),
          ...(flags.template ? { template: flags.template } : {}),
          ...(flags.snapshot ? { snapshot: flags.snapshot } : {}),
          ...(flags.loadBalancer ? { loadBalancer: flags.loadBalancer } : {}),
          ...(flags.function ? { function: flags.function } : {}),
          ...(flags.region ? { region: flags.region } : {}),
          ...(flags.profile ? { profile: flags.profile } : {}),
          ...(flags.ssmParam ? { ssmParam: flags.ssmParam } : {}),
          ...(flags.saveSnapshot ? { saveSnapshot: flags.saveSnapshot } : {}),
        });
      } catch (err) {
        if (err instanceof aws.InspectError || err instanceof aws.TemplateParseError || err instanceof aws.SnapshotError) {
          throw new UsageError(err.message);
        }
        throw err;
      }
      const explained = explainAll(result.findings);
      if (flags.json) {
        const out = { tool: "bagcheck", command: "inspect", source: result.snapshot.source, region: result.snapshot.region ?? null, findings: explained, notes: result.notes, snapshot: result.snapshot };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        const s = result.snapshot.source;
        const lines = [`bagcheck inspect: ${s.kind} ${s.name}${result.snapshot.region ? ` (${result.snapshot.region})` : ""}`, ""];
        for (const f of explained) lines.push(renderFindingText(f), "");
        if (explained.length === 0) lines.push("No findings.", "");
        for (const n of result.notes) lines.push(`note: ${n}`);
        if (flags.saveSnapshot) lines.push(`snapshot saved to ${flags.saveSnapshot}`);
        lines.push(summarize(explained));
        process.stdout.write(`${lines.join("\n")}\n`);
      }
      setExitCode(cmd, explained.some((f) => f.severity === "error") ? EXIT.checksFailed : EXIT.ok);
    });
}
