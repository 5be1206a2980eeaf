import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { collectFromTemplate, parseTemplate, runRules, type DeploymentSnapshot } from "../../src/aws/index.js";
import type { Finding } from "../../src/explain/index.js";

export const templatePath = (name: string) => fileURLToPath(new URL(`../../fixtures/templates/${name}`, import.meta.url));

export function snapshotOf(name: string, region?: string): DeploymentSnapshot {
  return collectFromTemplate(parseTemplate(readFileSync(templatePath(name), "utf8")), { name, ...(region ? { region } : {}) });
}

export function ids(findings: Finding[]): string[] {
  return findings.map((f) => f.id);
}

export function findingsOf(name: string, options: { ssmParam?: string } = {}): Finding[] {
  return runRules(snapshotOf(name), options);
}

/** A snapshot with nothing in it, for literal rule tests. */
export function blank(over: Partial<DeploymentSnapshot> = {}): DeploymentSnapshot {
  return {
    schemaVersion: 1,
    source: { kind: "template", name: "literal", collectedAt: "2024-07-05T00:00:00.000Z" },
    loadBalancers: [], listeners: [], targetGroups: [], functions: [], subnets: [], securityGroups: [], routes: [], roles: [],
    ssm: { parameters: [] }, apis: [], models: [], unreadable: [],
    ...over,
  };
}
