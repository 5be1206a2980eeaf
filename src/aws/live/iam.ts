import type { NamedPolicy, PolicyDocument, RoleFacts } from "../types.js";
import type { ReadLog } from "../read.js";
import type { AwsSdk } from "./sdk.js";

/** IAM returns policy documents URL-encoded. */
export function decodePolicy(text: string | undefined): PolicyDocument {
  if (!text) return { Statement: [] };
  try {
    const doc = JSON.parse(decodeURIComponent(text)) as { Version?: string; Statement?: unknown };
    const st = doc.Statement;
    return { ...(doc.Version ? { Version: doc.Version } : {}), Statement: (Array.isArray(st) ? st : st ? [st] : []) as PolicyDocument["Statement"] };
  } catch {
    return { Statement: [] };
  }
}

/** The role's inline and attached policies. `policies` stays undefined if any of them could not be read,
 * so no rule concludes "not allowed" from a partial view. */
export async function collectRole(sdk: AwsSdk, log: ReadLog, roleArn: string): Promise<RoleFacts> {
  const name = roleArn.split("/").pop() ?? roleArn;
  const { m, client } = await sdk.iam();
  const policies: NamedPolicy[] = [];
  let complete = true;

  const inline = await log.read(`inline policy names of role ${name}`, "iam:ListRolePolicies", () => client.send(new m.ListRolePoliciesCommand({ RoleName: name })));
  if (!inline) complete = false;
  for (const policyName of inline?.PolicyNames ?? []) {
    const doc = await log.read(`inline policy ${policyName} of role ${name}`, "iam:GetRolePolicy", () =>
      client.send(new m.GetRolePolicyCommand({ RoleName: name, PolicyName: policyName })),
    );
    if (doc) policies.push({ name: policyName, document: decodePolicy(doc.PolicyDocument) });
    else complete = false;
  }

  const attached = await log.read(`attached policies of role ${name}`, "iam:ListAttachedRolePolicies", () =>
    client.send(new m.ListAttachedRolePoliciesCommand({ RoleName: name })),
  );
  if (!attached) complete = false;
  for (const p of attached?.AttachedPolicies ?? []) {
    const arn = p.PolicyArn ?? "";
    const meta = await log.read(`managed policy ${p.PolicyName ?? arn}`, "iam:GetPolicy", () => client.send(new m.GetPolicyCommand({ PolicyArn: arn })));
    const version = meta?.Policy?.DefaultVersionId;
    const doc = version
      ? await log.read(`managed policy ${p.PolicyName ?? arn} (version ${version})`, "iam:GetPolicyVersion", () =>
          client.send(new m.GetPolicyVersionCommand({ PolicyArn: arn, VersionId: version })),
        )
      : undefined;
    if (doc) policies.push({ name: p.PolicyName ?? arn, document: decodePolicy(doc.PolicyVersion?.Document) });
    else complete = false;
  }
  return { id: roleArn, name, ...(complete ? { policies } : {}) };
}
