import { readFile } from "node:fs/promises";
import type { Finding } from "../explain/index.js";
import { collectLive, InspectError, AwsSdk, type AwsOptions } from "./live/index.js";
import { unreadableNote } from "./read.js";
import { runRules } from "./rules/index.js";
import { loadSnapshot, saveSnapshot } from "./snapshot.js";
import { collectFromTemplate, parseTemplate } from "./template/index.js";
import type { DeploymentSnapshot } from "./types.js";

export interface InspectOptions extends AwsOptions {
  /** Exactly one starting point: a stack, a template file, a saved snapshot, or a load balancer / function. */
  stack?: string;
  template?: string;
  snapshot?: string;
  loadBalancer?: string;
  function?: string;
  /** The real name of the API key parameter (`--ssm-param`). */
  ssmParam?: string;
  /** Write what was collected here (plain JSON, no secret values). */
  saveSnapshot?: string;
  now?: () => Date;
}

export interface InspectResult {
  snapshot: DeploymentSnapshot;
  findings: Finding[];
  /** For people: what could not be read and which permission would allow it, what a template cannot tell. */
  notes: string[];
}

async function collect(opts: InspectOptions): Promise<DeploymentSnapshot> {
  if (opts.snapshot) return loadSnapshot(opts.snapshot);
  if (opts.template) {
    let body: string;
    try {
      body = await readFile(opts.template, "utf8");
    } catch (err) {
      throw new InspectError(`cannot read template ${opts.template}: ${(err as Error).message}`);
    }
    const snap = collectFromTemplate(parseTemplate(body), {
      name: opts.template, ...(opts.region ? { region: opts.region } : {}), ...(opts.now ? { now: opts.now } : {}),
    });
    if (opts.ssmParam) snap.ssm.expectedName = opts.ssmParam;
    return snap;
  }
  if (!opts.stack && !opts.loadBalancer && !opts.function) {
    throw new InspectError("nothing to inspect: give --stack, --template, --snapshot, --load-balancer or --function");
  }
  const sdk = new AwsSdk(opts);
  try {
    return await collectLive(sdk, {
      ...(opts.stack ? { stack: opts.stack } : {}),
      ...(opts.loadBalancer ? { loadBalancer: opts.loadBalancer } : {}),
      ...(opts.function ? { function: opts.function } : {}),
      ...(opts.ssmParam ? { ssmParam: opts.ssmParam } : {}),
      ...(opts.now ? { now: opts.now } : {}),
    });
  } finally {
    sdk.destroy();
  }
}

/**
 * Collects a deployment (live, template or snapshot), runs every rule and says what could not be seen.
 * This is what `bagcheck inspect` prints and what `bagcheck run --stack` joins into its report.
 */
export async function inspectDeployment(opts: InspectOptions): Promise<InspectResult> {
  const snapshot = await collect(opts);
  if (opts.saveSnapshot) await saveSnapshot(opts.saveSnapshot, snapshot);
  const findings = runRules(snapshot, opts.ssmParam ? { ssmParam: opts.ssmParam } : {});
  const notes = snapshot.unreadable.map(unreadableNote);
  if (snapshot.source.kind === "template") {
    notes.push(
      "a template alone cannot show model access, whether the SSM parameter exists, or free addresses in subnets; run with --stack to read the account",
    );
  }
  return { snapshot, findings, notes };
}
