import type { Finding } from "../../explain/index.js";
import { envValue } from "../env.js";
import type { DeploymentSnapshot, SsmParameterFacts } from "../types.js";
import { label, type Rule } from "./rule.js";

/** The name BAG's README tells people to create; a near miss of it in a template is almost surely a typo. */
export const BAG_DOCUMENTED_PARAM = "BedrockProxyAPIKey";

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

function nearMiss(name: string, candidates: SsmParameterFacts[]): SsmParameterFacts | undefined {
  return candidates.find((c) => c.name !== name && (c.name.startsWith(name) || editDistance(c.name, name) <= 2));
}

function check(s: DeploymentSnapshot, expected: string | undefined, fnLabel: string, configured: string): Finding | undefined {
  const base = { function: fnLabel, configured };
  if (expected !== undefined) {
    return configured === expected ? undefined : { id: "ssm-param-name-mismatch", args: { ...base, expected, source: "--ssm-param" } };
  }
  const found = s.ssm.parameters.find((p) => p.name === configured);
  if (found) {
    return found.type !== undefined && found.type !== "SecureString"
      ? { id: "ssm-param-not-secure-string", args: { ...base, type: found.type } }
      : undefined;
  }
  const near = nearMiss(configured, s.ssm.parameters);
  if (near) {
    const source = near.seenIn === "account" ? "a parameter in this account" : "the parameter this template creates";
    return { id: "ssm-param-name-mismatch", args: { ...base, expected: near.name, source } };
  }
  if (s.ssm.searched !== undefined) return { id: "ssm-param-missing", args: base };
  // A template alone: the only reference is the name BAG's documentation tells people to create.
  if (configured !== BAG_DOCUMENTED_PARAM && editDistance(configured, BAG_DOCUMENTED_PARAM) <= 2) {
    return { id: "ssm-param-name-mismatch", args: { ...base, expected: BAG_DOCUMENTED_PARAM, source: "the name BAG's README tells you to create" } };
  }
  return undefined;
}

export const ssmParamRule: Rule = {
  name: "ssm-param",
  description: "The API key parameter the gateway reads exists, under that exact name, as a SecureString.",
  finds: ["ssm-param-name-mismatch", "ssm-param-missing", "ssm-param-not-secure-string", "api-key-default"],
  check(s, o) {
    const expected = o.ssmParam ?? s.ssm.expectedName;
    const out: Finding[] = [];
    for (const fn of s.functions) {
      const configured = envValue(fn.env, "API_KEY_PARAM_NAME");
      const otherSource = fn.env.some((e) => e.name === "API_KEY_SECRET_ARN" || e.name === "OPENAI_API_KEY");
      // Blank: BAG falls back to the default key published in its own source.
      if (configured === "" && !otherSource) out.push({ id: "api-key-default", args: { function: label(fn) } });
      if (!configured || configured.startsWith("${")) continue;
      const f = check(s, expected, label(fn), configured);
      if (f) out.push(f);
    }
    return out;
  },
};
