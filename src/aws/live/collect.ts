import { envValue } from "../env.js";
import { collectModelTable } from "../models/index.js";
import { emptySnapshot } from "../snapshot.js";
import { collectFromTemplate, parseTemplate } from "../template/index.js";

import type { DeploymentSnapshot, FunctionFacts } from "../types.js";
import { collectSubnets, collectSecurityGroups } from "./ec2.js";
import { collectLoadBalancers } from "./elb.js";
import { collectRole } from "./iam.js";
import { collectFunction } from "./lambda.js";
import { errorText, ReadLog } from "../read.js";
import type { AwsSdk } from "./sdk.js";
import { collectHttpApi, collectRestApi } from "./apigw.js";
import { collectSsmParameters } from "./ssm.js";

export interface LiveCollectOptions {
  stack?: string;
  loadBalancer?: string;
  function?: string;
  ssmParam?: string;
  now?: () => Date;
}

/** The one failure that stops a live inspection: the starting point itself cannot be read. */
export class InspectError extends Error {
  override name = "InspectError";
}

interface StackResource {
  logicalId: string;
  physicalId: string;
  type: string;
}

async function readStack(sdk: AwsSdk, log: ReadLog, snap: DeploymentSnapshot, stack: string, region: string | undefined): Promise<StackResource[]> {
  const { m, client } = await sdk.cloudFormation();
  let described;
  try {
    described = await client.send(new m.DescribeStacksCommand({ StackName: stack }));
  } catch (err) {
    throw new InspectError(`could not describe stack ${stack}: ${errorText(err)} (permission cloudformation:DescribeStacks)`);
  }
  const parameterValues = Object.fromEntries(
    (described.Stacks?.[0]?.Parameters ?? []).flatMap((p) => (p.ParameterKey && p.ParameterValue !== undefined ? [[p.ParameterKey, p.ParameterValue]] : [])),
  );
  const resources: StackResource[] = [];
  await log.read(`resources of stack ${stack}`, "cloudformation:ListStackResources", async () => {
    for await (const page of m.paginateListStackResources({ client }, { StackName: stack })) {
      for (const r of page.StackResourceSummaries ?? []) {
        resources.push({ logicalId: r.LogicalResourceId ?? "", physicalId: r.PhysicalResourceId ?? "", type: r.ResourceType ?? "" });
      }
    }
  });
  const body = await log.read(`template of stack ${stack}`, "cloudformation:GetTemplate", () =>
    client.send(new m.GetTemplateCommand({ StackName: stack, TemplateStage: "Original" })),
  );
  if (body?.TemplateBody) {
    try {
      const fromTemplate = collectFromTemplate(parseTemplate(body.TemplateBody), {
        name: stack, kind: "stack", ...(region ? { region } : {}), parameterValues,
      });
      // The template says what was asked for; the account says what exists. Keep template-only facts.
      if (fromTemplate.template) snap.template = fromTemplate.template;
      snap.routes = fromTemplate.routes;
      snap.ssm.parameters.push(...fromTemplate.ssm.parameters);
    } catch (err) {
      log.unreadable.push({ what: `template of stack ${stack} (unparsable)`, permission: "cloudformation:GetTemplate", error: errorText(err) });
    }
  }
  return resources;
}

/** Follows a stack (or a load balancer / function) through ELBv2, Lambda, IAM, EC2, SSM, API Gateway, Bedrock. */
export async function collectLive(sdk: AwsSdk, opts: LiveCollectOptions): Promise<DeploymentSnapshot> {
  const now = opts.now ?? (() => new Date());
  const region = await sdk.region();
  const name = opts.stack ?? opts.loadBalancer ?? opts.function ?? "";
  const snap = emptySnapshot({ kind: opts.stack ? "stack" : "resources", name, collectedAt: now().toISOString() }, region);
  if (opts.ssmParam) snap.ssm.expectedName = opts.ssmParam;
  const log = new ReadLog();
  const resources = opts.stack ? await readStack(sdk, log, snap, opts.stack, region) : [];
  const ofType = (t: string) => resources.filter((r) => r.type === t && r.physicalId).map((r) => r.physicalId);

  const lbArns = [...new Set([...ofType("AWS::ElasticLoadBalancingV2::LoadBalancer"), ...(opts.loadBalancer ? [opts.loadBalancer] : [])])];
  const elb = await collectLoadBalancers(sdk, log, lbArns);
  snap.loadBalancers = elb.loadBalancers;
  snap.listeners = elb.listeners;
  snap.targetGroups = elb.targetGroups;

  const fnRefs = new Set([
    ...ofType("AWS::Lambda::Function"),
    ...elb.targetGroups.filter((t) => t.targetType === "lambda").flatMap((t) => t.targetIds),
    ...(opts.function ? [opts.function] : []),
  ]);
  const functions: FunctionFacts[] = [];
  for (const ref of fnRefs) {
    const fn = await collectFunction(sdk, log, ref);
    if (fn && !functions.some((f) => f.id === fn.id)) functions.push(fn);
  }
  snap.functions = functions;

  for (const roleArn of new Set(functions.flatMap((f) => (f.roleId ? [f.roleId] : [])))) snap.roles.push(await collectRole(sdk, log, roleArn));
  snap.subnets = await collectSubnets(sdk, log, [...new Set(elb.loadBalancers.flatMap((l) => l.subnetIds))], elb.subnetZones);
  snap.securityGroups = await collectSecurityGroups(sdk, log, [...new Set(elb.loadBalancers.flatMap((l) => l.securityGroupIds))]);

  const paramNames = functions.flatMap((f) => envValue(f.env, "API_KEY_PARAM_NAME") ?? []).filter(Boolean);
  const ssm = await collectSsmParameters(sdk, log, [...paramNames, ...(opts.ssmParam ? [opts.ssmParam] : [])]);
  snap.ssm.parameters.push(...ssm.parameters);
  if (ssm.searched.length) snap.ssm.searched = ssm.searched;

  for (const apiId of ofType("AWS::ApiGateway::RestApi")) snap.apis.push(await collectRestApi(sdk, log, apiId));
  for (const apiId of ofType("AWS::ApiGatewayV2::Api")) {
    const api = await collectHttpApi(sdk, log, apiId);
    if (api) snap.apis.push(api);
  }

  const defaults = [...new Set(functions.flatMap((f) => envValue(f.env, "DEFAULT_MODEL") ?? []).filter(Boolean))];
  if (defaults.length) {
    try {
      const table = await collectModelTable(sdk, { only: defaults, ...(opts.now ? { now: opts.now } : {}) });
      snap.modelCatalogRead = true;
      snap.models = table.models.filter((r) => defaults.some((d) => d === r.modelId || r.profiles.includes(d)));
      log.unreadable.push(...table.unreadable);
    } catch (err) {
      log.unreadable.push({ what: `Bedrock models in ${region ?? "the region"}`, permission: "bedrock:ListFoundationModels", error: errorText(err) });
    }
  }
  snap.unreadable = log.unreadable;
  return snap;
}
