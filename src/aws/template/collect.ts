import { toEnvVars } from "../env.js";
import { emptySnapshot } from "../snapshot.js";
import type {
  ApiIntegration, DeploymentSnapshot, ListenerAction, NamedPolicy, PolicyDocument, SecurityGroupRule, TemplateFacts,
} from "../types.js";
import type { TemplateDocument } from "./parse.js";
import { findInMapDefaultValuePaths, resolveString, resolveValue, type ResolveContext } from "./resolve.js";

type Json = unknown;
type Props = Record<string, Json>;

export interface TemplateCollectOptions {
  /** What to call the source in the snapshot (file path or stack name). */
  name: string;
  kind?: DeploymentSnapshot["source"]["kind"];
  region?: string;
  /** A deployed stack's parameter values (they override defaults). */
  parameterValues?: Record<string, string>;
  now?: () => Date;
}

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function asArray(v: Json): Json[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function num(v: string | undefined): number | undefined {
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Logical ids a value points at through Ref, GetAtt or `${X}` / `${X.Arn}` in Sub. */
export function referencedIds(v: Json): string[] {
  if (Array.isArray(v)) return v.flatMap(referencedIds);
  if (typeof v === "string") return [];
  if (!isObject(v)) return [];
  if (typeof v.Ref === "string") return [v.Ref];
  const getAtt = v["Fn::GetAtt"];
  if (getAtt !== undefined) return [String(Array.isArray(getAtt) ? getAtt[0] : String(getAtt).split(".")[0])];
  const sub = v["Fn::Sub"];
  if (sub !== undefined) {
    const text = String(Array.isArray(sub) ? sub[0] : sub);
    return [...text.matchAll(/\$\{([^!}.]+)(?:\.[^}]*)?\}/g)].map((m) => m[1] ?? "");
  }
  return Object.values(v).flatMap(referencedIds);
}

export function templateFacts(doc: TemplateDocument, parameterValues?: Record<string, string>): TemplateFacts {
  const params = isObject(doc.Parameters) ? doc.Parameters : {};
  return {
    transforms: asArray(doc.Transform).map(String),
    parameters: Object.entries(params).map(([name, p]) => {
      const def = isObject(p) ? p : {};
      return {
        name,
        type: String(def.Type ?? "String"),
        ...(def.Default !== undefined ? { default: String(def.Default) } : {}),
        ...(def.AllowedPattern !== undefined ? { allowedPattern: String(def.AllowedPattern) } : {}),
        ...(parameterValues?.[name] !== undefined && def.NoEcho !== true && def.NoEcho !== "true"
          ? { value: parameterValues[name] }
          : {}),
      };
    }),
    findInMapDefaultValues: findInMapDefaultValuePaths(doc.Resources, "Resources"),
  };
}

/** Turns a parsed template into a snapshot; entities are keyed by logical id. */
export function collectFromTemplate(doc: TemplateDocument, opts: TemplateCollectOptions): DeploymentSnapshot {
  const now = opts.now ?? (() => new Date());
  const snap = emptySnapshot({ kind: opts.kind ?? "template", name: opts.name, collectedAt: now().toISOString() }, opts.region);
  const ctx: ResolveContext = { doc, ...(opts.region ? { region: opts.region } : {}), ...(opts.parameterValues ? { parameterValues: opts.parameterValues } : {}) };
  snap.template = templateFacts(doc, opts.parameterValues);
  const resources = isObject(doc.Resources) ? doc.Resources : {};
  const params = isObject(doc.Parameters) ? doc.Parameters : {};
  const str = (v: Json) => resolveString(v, ctx);
  const strs = (v: Json) => asArray(resolveValue(v, ctx)).map(String);
  const policiesByRole = new Map<string, NamedPolicy[]>();
  const apiIntegrations = new Map<string, ApiIntegration[]>();
  const urlModes = new Map<string, string>();
  const ruleActions = new Map<string, ListenerAction[]>();

  for (const [id, res] of Object.entries(resources)) {
    if (!isObject(res)) continue;
    const p: Props = isObject(res.Properties) ? res.Properties : {};
    switch (res.Type) {
      case "AWS::ElasticLoadBalancingV2::LoadBalancer": {
        const attrs = keyValues(p.LoadBalancerAttributes, str);
        const mappings = asArray(p.SubnetMappings).filter(isObject).map((m) => str(m.SubnetId) ?? "");
        const idle = num(attrs["idle_timeout.timeout_seconds"]);
        snap.loadBalancers.push({
          id,
          type: str(p.Type) ?? "application",
          scheme: str(p.Scheme) ?? "internet-facing",
          subnetIds: [...strs(p.Subnets), ...mappings],
          securityGroupIds: strs(p.SecurityGroups),
          ...(idle !== undefined ? { idleTimeoutSeconds: idle } : {}),
        });
        break;
      }
      case "AWS::ElasticLoadBalancingV2::Listener": {
        const port = num(str(p.Port));
        snap.listeners.push({
          id,
          loadBalancerId: str(p.LoadBalancerArn) ?? "",
          ...(port !== undefined ? { port } : {}),
          protocol: str(p.Protocol) ?? "HTTP",
          certificateCount: asArray(p.Certificates).length,
          actions: asArray(p.DefaultActions).filter(isObject).map((a) => listenerAction(a, str)),
        });
        break;
      }
      case "AWS::ElasticLoadBalancingV2::ListenerRule": {
        const listener = str(p.ListenerArn) ?? "";
        ruleActions.set(listener, [...(ruleActions.get(listener) ?? []), ...asArray(p.Actions).filter(isObject).map((a) => listenerAction(a, str))]);
        break;
      }
      case "AWS::ElasticLoadBalancingV2::TargetGroup": {
        const attrs = keyValues(p.TargetGroupAttributes, str);
        const mv = attrs["lambda.multi_value_headers.enabled"];
        snap.targetGroups.push({
          id,
          targetType: str(p.TargetType) ?? "instance",
          targetIds: asArray(p.Targets).filter(isObject).map((t) => str(t.Id) ?? ""),
          ...(mv !== undefined ? { multiValueHeaders: mv === "true" } : {}),
        });
        break;
      }
      case "AWS::Lambda::Function": {
        const vars = isObject(p.Environment) && isObject(p.Environment.Variables) ? p.Environment.Variables : {};
        const env = toEnvVars(Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, str(v)])));
        const reserved = num(str(p.ReservedConcurrentExecutions));
        snap.functions.push({
          id,
          ...(p.FunctionName !== undefined ? { name: str(p.FunctionName) ?? id } : {}),
          ...(p.Runtime !== undefined ? { runtime: str(p.Runtime) ?? "" } : {}),
          packageType: str(p.PackageType) ?? "Zip",
          architectures: p.Architectures !== undefined ? strs(p.Architectures) : ["x86_64"],
          memoryMb: num(str(p.MemorySize)) ?? 128,
          timeoutSeconds: num(str(p.Timeout)) ?? 3,
          ...(p.Role !== undefined ? { roleId: str(p.Role) ?? "" } : {}),
          env,
          ...(reserved !== undefined ? { reservedConcurrency: reserved } : {}),
        });
        break;
      }
      case "AWS::EC2::Subnet":
        snap.subnets.push({
          id,
          ...(str(p.CidrBlock) !== undefined ? { cidr: str(p.CidrBlock) ?? "" } : {}),
          ...(str(p.AvailabilityZone) !== undefined ? { availabilityZone: str(p.AvailabilityZone) ?? "" } : {}),
          ...(str(p.VpcId) !== undefined ? { vpcId: str(p.VpcId) ?? "" } : {}),
        });
        break;
      case "AWS::EC2::SecurityGroup":
        snap.securityGroups.push({
          id,
          egress: asArray(p.SecurityGroupEgress).filter(isObject).map((r) => sgRule(r, str)),
          ingress: asArray(p.SecurityGroupIngress).filter(isObject).map((r) => sgRule(r, str)),
        });
        break;
      case "AWS::EC2::Route": {
        const gwRaw = p.GatewayId;
        const gwParam = isObject(gwRaw) && typeof gwRaw.Ref === "string" && gwRaw.Ref in params ? gwRaw.Ref : undefined;
        snap.routes.push({
          id,
          ...(str(p.DestinationCidrBlock) !== undefined ? { destination: str(p.DestinationCidrBlock) ?? "" } : {}),
          ...(gwRaw !== undefined ? { gatewayId: str(gwRaw) ?? "" } : {}),
          ...(gwParam ? { gatewayParameter: gwParam } : {}),
        });
        break;
      }
      case "AWS::IAM::Role": {
        const inline = asArray(p.Policies).filter(isObject).map((pol) => ({
          name: str(pol.PolicyName) ?? "inline",
          document: policyDocument(pol.PolicyDocument, ctx),
        }));
        policiesByRole.set(id, [...(policiesByRole.get(id) ?? []), ...inline]);
        snap.roles.push({ id, ...(p.RoleName !== undefined ? { name: str(p.RoleName) ?? id } : {}) });
        break;
      }
      case "AWS::IAM::Policy":
      case "AWS::IAM::ManagedPolicy":
        for (const role of strs(p.Roles)) {
          const named = { name: str(p.PolicyName) ?? str(p.ManagedPolicyName) ?? id, document: policyDocument(p.PolicyDocument, ctx) };
          policiesByRole.set(role, [...(policiesByRole.get(role) ?? []), named]);
        }
        break;
      case "AWS::SSM::Parameter": {
        const name = str(p.Name);
        if (name) snap.ssm.parameters.push({ name, type: str(p.Type) ?? "String", seenIn: "template" });
        break;
      }
      case "AWS::Lambda::Url": {
        const fn = referencedIds(p.TargetFunctionArn)[0] ?? str(p.TargetFunctionArn) ?? "";
        urlModes.set(fn, str(p.InvokeMode) ?? "BUFFERED");
        break;
      }
      case "AWS::ApiGateway::Method": {
        const integ: Props = isObject(p.Integration) ? p.Integration : {};
        const api = str(p.RestApiId) ?? "";
        const timeout = num(str(integ.TimeoutInMillis));
        const fn = referencedIds(integ.Uri).find((r) => isObject(resources[r]) && resources[r].Type === "AWS::Lambda::Function");
        const entry: ApiIntegration = {
          route: `${str(p.HttpMethod) ?? "ANY"} ${id}`,
          ...(integ.Type !== undefined ? { type: str(integ.Type) ?? "" } : {}),
          ...(fn ? { functionId: fn } : {}),
          transferMode: str(integ.ResponseTransferMode) ?? "BUFFERED",
          ...(timeout !== undefined ? { timeoutMs: timeout } : {}),
        };
        apiIntegrations.set(api, [...(apiIntegrations.get(api) ?? []), entry]);
        break;
      }
      case "AWS::ApiGatewayV2::Integration": {
        const api = str(p.ApiId) ?? "";
        const timeout = num(str(p.TimeoutInMillis));
        const fn = referencedIds(p.IntegrationUri).find((r) => isObject(resources[r]) && resources[r].Type === "AWS::Lambda::Function");
        const entry: ApiIntegration = {
          route: id,
          ...(p.IntegrationType !== undefined ? { type: str(p.IntegrationType) ?? "" } : {}),
          ...(fn ? { functionId: fn } : {}),
          // HTTP APIs have no streaming mode: they always buffer.
          transferMode: "BUFFERED",
          ...(timeout !== undefined ? { timeoutMs: timeout } : {}),
        };
        apiIntegrations.set(api, [...(apiIntegrations.get(api) ?? []), entry]);
        break;
      }
      default:
        break;
    }
  }

  for (const role of snap.roles) role.policies = policiesByRole.get(role.id) ?? [];
  for (const l of snap.listeners) l.actions.push(...(ruleActions.get(l.id) ?? []));
  for (const fn of snap.functions) {
    const mode = urlModes.get(fn.id);
    if (mode) fn.urlInvokeMode = mode;
  }
  for (const [id, res] of Object.entries(resources)) {
    if (!isObject(res)) continue;
    if (res.Type === "AWS::ApiGateway::RestApi" || res.Type === "AWS::ApiGatewayV2::Api") {
      snap.apis.push({ id, kind: res.Type === "AWS::ApiGateway::RestApi" ? "rest" : "http", integrations: apiIntegrations.get(id) ?? [] });
    }
  }
  return snap;
}

function keyValues(list: Json, str: (v: Json) => string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of asArray(list)) {
    if (!isObject(kv)) continue;
    const k = str(kv.Key);
    const v = str(kv.Value);
    if (k !== undefined && v !== undefined) out[k] = v;
  }
  return out;
}

function listenerAction(a: Props, str: (v: Json) => string | undefined): ListenerAction {
  const forward = isObject(a.ForwardConfig) ? asArray(a.ForwardConfig.TargetGroups).filter(isObject).map((t) => str(t.TargetGroupArn) ?? "") : [];
  const direct = a.TargetGroupArn !== undefined ? [str(a.TargetGroupArn) ?? ""] : [];
  const redirect = isObject(a.RedirectConfig) ? str(a.RedirectConfig.Protocol) : undefined;
  return {
    type: (str(a.Type) ?? "forward").toLowerCase(),
    targetGroupIds: [...direct, ...forward],
    ...(redirect ? { redirectProtocol: redirect } : {}),
  };
}

function sgRule(r: Props, str: (v: Json) => string | undefined): SecurityGroupRule {
  const from = num(str(r.FromPort));
  const to = num(str(r.ToPort));
  const cidr = str(r.CidrIp) ?? str(r.CidrIpv6);
  return {
    protocol: str(r.IpProtocol) ?? "-1",
    ...(cidr !== undefined ? { cidr } : {}),
    ...(from !== undefined ? { fromPort: from } : {}),
    ...(to !== undefined ? { toPort: to } : {}),
    ...(r.Description !== undefined ? { description: str(r.Description) ?? "" } : {}),
  };
}

function policyDocument(raw: Json, ctx: ResolveContext): PolicyDocument {
  const doc = resolveValue(raw, ctx);
  if (!isObject(doc)) return { Statement: [] };
  return { ...(doc.Version !== undefined ? { Version: String(doc.Version) } : {}), Statement: asArray(doc.Statement).filter(isObject) };
}
