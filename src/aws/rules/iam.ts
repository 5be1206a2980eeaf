import type { Finding } from "../../explain/index.js";
import { envValue } from "../env.js";
import type { DeploymentSnapshot, FunctionFacts, PolicyStatement, RoleFacts } from "../types.js";
import { label, type Rule } from "./rule.js";

function list(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** IAM wildcard match; an unresolved template value (`${AWS::Region}`) matches anything, as it will at deploy. */
export function iamMatches(pattern: string, value: string): boolean {
  const re = pattern
    .split(/(\$\{[^}]*\}|\*|\?)/)
    .map((part) => (part === "*" || part.startsWith("${") ? ".*" : part === "?" ? "." : part.replace(/[.+^$()|[\]\\{}]/g, "\\$&")))
    .join("");
  return new RegExp(`^${re}$`, "i").test(value);
}

/** Resources an Allow statement grants `action` on (statements with NotAction/NotResource are left out). */
function allowedResources(statements: PolicyStatement[], action: string): string[] {
  return statements
    .filter((st) => st.Effect === "Allow" && st.NotAction === undefined && st.NotResource === undefined)
    .filter((st) => list(st.Action).some((a) => iamMatches(a, action)))
    .flatMap((st) => list(st.Resource));
}

function roleOf(s: DeploymentSnapshot, fn: FunctionFacts): RoleFacts | undefined {
  if (!fn.roleId) return undefined;
  return s.roles.find((r) => r.id === fn.roleId || (r.name !== undefined && fn.roleId?.endsWith(`/${r.name}`)));
}

/** What a profile call is authorized against: an example APAC system profile in the deployment's region. */
function sampleProfileArn(region: string | undefined): string {
  const r = region ?? "ap-northeast-1";
  return `arn:aws:bedrock:${r}:123456789012:inference-profile/apac.anthropic.claude-3-5-sonnet-20240620-v1:0`;
}

export const iamRule: Rule = {
  name: "iam",
  description: "The gateway's role may call inference profiles and read its API key parameter.",
  finds: ["iam-missing-inference-profile", "iam-ssm-param-not-allowed"],
  check(s) {
    const out: Finding[] = [];
    for (const fn of s.functions) {
      const role = roleOf(s, fn);
      if (!role?.policies) continue;
      const statements = role.policies.flatMap((p) => p.document.Statement);
      const invoke = allowedResources(statements, "bedrock:InvokeModel");
      // No InvokeModel grant at all may come from a managed policy we cannot see in a template: stay silent.
      if (invoke.length && !invoke.some((r) => iamMatches(r, sampleProfileArn(s.region)))) {
        out.push({
          id: "iam-missing-inference-profile",
          args: { role: label(role), function: label(fn), resources: invoke.join(", ") },
        });
      }
      const param = envValue(fn.env, "API_KEY_PARAM_NAME");
      const ssm = allowedResources(statements, "ssm:GetParameter");
      if (param && ssm.length) {
        const arn = `arn:aws:ssm:${s.region ?? "us-east-1"}:123456789012:parameter/${param.replace(/^\//, "")}`;
        if (!ssm.some((r) => iamMatches(r, arn))) {
          out.push({ id: "iam-ssm-param-not-allowed", args: { role: label(role), parameter: param, resources: ssm.join(", ") } });
        }
      }
    }
    return out;
  },
};
