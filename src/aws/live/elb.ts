import type { ListenerAction, ListenerFacts, LoadBalancerFacts, TargetGroupFacts } from "../types.js";
import type { ReadLog } from "../read.js";
import type { AwsSdk } from "./sdk.js";

export interface ElbFacts {
  loadBalancers: LoadBalancerFacts[];
  listeners: ListenerFacts[];
  targetGroups: TargetGroupFacts[];
  /** Subnet id → Availability Zone, as the load balancer reports them. */
  subnetZones: Map<string, string>;
}

function attr(list: { Key?: string | undefined; Value?: string | undefined }[] | undefined, key: string): string | undefined {
  return list?.find((a) => a.Key === key)?.Value;
}

interface ElbAction {
  Type?: string | undefined;
  TargetGroupArn?: string | undefined;
  ForwardConfig?: { TargetGroups?: { TargetGroupArn?: string | undefined }[] | undefined } | undefined;
  RedirectConfig?: { Protocol?: string | undefined } | undefined;
}

function toAction(a: ElbAction): ListenerAction {
  return {
    type: a.Type ?? "forward",
    targetGroupIds: [
      ...(a.TargetGroupArn ? [a.TargetGroupArn] : []),
      ...(a.ForwardConfig?.TargetGroups ?? []).flatMap((t) => (t.TargetGroupArn && t.TargetGroupArn !== a.TargetGroupArn ? [t.TargetGroupArn] : [])),
    ],
    ...(a.RedirectConfig?.Protocol ? { redirectProtocol: a.RedirectConfig.Protocol } : {}),
  };
}

/** Load balancers and everything hanging off them: attributes, listeners, target groups and lambda targets. */
export async function collectLoadBalancers(sdk: AwsSdk, log: ReadLog, arns: string[]): Promise<ElbFacts> {
  const out: ElbFacts = { loadBalancers: [], listeners: [], targetGroups: [], subnetZones: new Map() };
  if (arns.length === 0) return out;
  const { m, client } = await sdk.elb();
  const described = await log.read(`load balancers ${arns.join(", ")}`, "elasticloadbalancing:DescribeLoadBalancers", () =>
    client.send(new m.DescribeLoadBalancersCommand({ LoadBalancerArns: arns })),
  );
  for (const lb of described?.LoadBalancers ?? []) {
    const arn = lb.LoadBalancerArn ?? "";
    const name = lb.LoadBalancerName ?? arn;
    const attrs = await log.read(`attributes of load balancer ${name}`, "elasticloadbalancing:DescribeLoadBalancerAttributes", () =>
      client.send(new m.DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn })),
    );
    const idle = attr(attrs?.Attributes, "idle_timeout.timeout_seconds");
    for (const az of lb.AvailabilityZones ?? []) if (az.SubnetId && az.ZoneName) out.subnetZones.set(az.SubnetId, az.ZoneName);
    out.loadBalancers.push({
      id: arn,
      name,
      type: lb.Type ?? "application",
      ...(lb.Scheme ? { scheme: lb.Scheme } : {}),
      subnetIds: (lb.AvailabilityZones ?? []).flatMap((az) => (az.SubnetId ? [az.SubnetId] : [])),
      securityGroupIds: lb.SecurityGroups ?? [],
      ...(idle !== undefined ? { idleTimeoutSeconds: Number(idle) } : {}),
      ...(lb.DNSName ? { dnsName: lb.DNSName } : {}),
    });

    const listeners = await log.read(`listeners of load balancer ${name}`, "elasticloadbalancing:DescribeListeners", () =>
      client.send(new m.DescribeListenersCommand({ LoadBalancerArn: arn })),
    );
    for (const l of listeners?.Listeners ?? []) {
      out.listeners.push({
        id: l.ListenerArn ?? "",
        loadBalancerId: arn,
        ...(l.Port !== undefined ? { port: l.Port } : {}),
        protocol: l.Protocol ?? "HTTP",
        certificateCount: l.Certificates?.length ?? 0,
        actions: (l.DefaultActions ?? []).map(toAction),
      });
    }
    // Rules beyond the default action can forward to other target groups (a lambda one among them).
    for (const listener of out.listeners.filter((l) => l.loadBalancerId === arn)) {
      const rules = await log.read(`rules of listener ${listener.id}`, "elasticloadbalancing:DescribeRules", () =>
        client.send(new m.DescribeRulesCommand({ ListenerArn: listener.id })),
      );
      for (const r of rules?.Rules ?? []) if (!r.IsDefault) listener.actions.push(...(r.Actions ?? []).map(toAction));
    }

    const groups = await log.read(`target groups of load balancer ${name}`, "elasticloadbalancing:DescribeTargetGroups", () =>
      client.send(new m.DescribeTargetGroupsCommand({ LoadBalancerArn: arn })),
    );
    for (const tg of groups?.TargetGroups ?? []) {
      const tgArn = tg.TargetGroupArn ?? "";
      if (out.targetGroups.some((t) => t.id === tgArn)) continue;
      const tgName = tg.TargetGroupName ?? tgArn;
      const tgAttrs = await log.read(`attributes of target group ${tgName}`, "elasticloadbalancing:DescribeTargetGroupAttributes", () =>
        client.send(new m.DescribeTargetGroupAttributesCommand({ TargetGroupArn: tgArn })),
      );
      const health = await log.read(`targets of target group ${tgName}`, "elasticloadbalancing:DescribeTargetHealth", () =>
        client.send(new m.DescribeTargetHealthCommand({ TargetGroupArn: tgArn })),
      );
      const mv = attr(tgAttrs?.Attributes, "lambda.multi_value_headers.enabled");
      out.targetGroups.push({
        id: tgArn,
        targetType: tg.TargetType ?? "instance",
        targetIds: (health?.TargetHealthDescriptions ?? []).flatMap((d) => (d.Target?.Id ? [d.Target.Id] : [])),
        ...(mv !== undefined ? { multiValueHeaders: mv === "true" } : {}),
      });
    }
  }
  return out;
}
