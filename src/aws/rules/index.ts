import type { Finding } from "../../explain/index.js";
import type { DeploymentSnapshot, RuleOptions } from "../types.js";
import { albLambdaRule, apiGatewayRule, functionUrlRule, listenerHttpOnlyRule } from "./front.js";
import { iamRule } from "./iam.js";
import { defaultModelRule } from "./models.js";
import { albSubnetRule, cdkNoEgressRule } from "./network.js";
import type { Rule } from "./rule.js";
import { ssmParamRule } from "./ssm.js";
import { findInMapDefaultValueRule, igwFreeTextParameterRule } from "./template.js";

export type { Rule } from "./rule.js";

export const rules: readonly Rule[] = [
  findInMapDefaultValueRule,
  ssmParamRule,
  albSubnetRule,
  iamRule,
  listenerHttpOnlyRule,
  albLambdaRule,
  apiGatewayRule,
  functionUrlRule,
  defaultModelRule,
  igwFreeTextParameterRule,
  cdkNoEgressRule,
];

/** Runs every rule; the same findings come out whatever collector produced the snapshot. */
export function runRules(snapshot: DeploymentSnapshot, options: RuleOptions = {}): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    for (const f of rule.check(snapshot, options)) {
      const key = `${f.id} ${JSON.stringify(f.args ?? {})}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(f);
      }
    }
  }
  return out;
}
