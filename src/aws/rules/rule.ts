import type { Finding } from "../../explain/index.js";
import type { DeploymentSnapshot, FunctionFacts, LoadBalancerFacts, RuleOptions, TargetGroupFacts } from "../types.js";

/**
 * A rule declares the findings it may emit (ESLint `meta` pattern), so a test can prove each one has a
 * catalog entry and a fixture that triggers it. It reads only the snapshot.
 */
export interface Rule {
  name: string;
  description: string;
  finds: string[];
  check(snapshot: DeploymentSnapshot, options: RuleOptions): Finding[];
}

/** One ALB → target group → Lambda path through the deployment. */
export interface AlbLambdaPath {
  loadBalancer: LoadBalancerFacts;
  targetGroup: TargetGroupFacts;
  fn: FunctionFacts | undefined;
  functionId: string;
}

/** Target groups an application load balancer forwards to, through any listener. */
export function albLambdaPaths(s: DeploymentSnapshot): AlbLambdaPath[] {
  const out: AlbLambdaPath[] = [];
  for (const lb of s.loadBalancers.filter((l) => l.type === "application")) {
    const tgIds = new Set(
      s.listeners.filter((l) => l.loadBalancerId === lb.id).flatMap((l) => l.actions.flatMap((a) => a.targetGroupIds)),
    );
    for (const tg of s.targetGroups.filter((t) => tgIds.has(t.id) && t.targetType === "lambda")) {
      for (const functionId of tg.targetIds.length ? tg.targetIds : [""]) {
        out.push({ loadBalancer: lb, targetGroup: tg, fn: findFunction(s, functionId), functionId });
      }
    }
  }
  return out;
}

/** Matches by id, ARN (with or without a version/alias suffix) or name. */
export function findFunction(s: DeploymentSnapshot, ref: string): FunctionFacts | undefined {
  if (!ref) return undefined;
  const bare = ref.replace(/^(arn:[^:]+:lambda:[^:]+:\d+:function:[^:]+):.*$/, "$1");
  return s.functions.find((f) => f.id === ref || f.id === bare || (f.name !== undefined && (f.name === ref || bare.endsWith(`:function:${f.name}`))));
}

export function label(x: { id: string; name?: string | undefined }): string {
  return x.name ?? x.id;
}
