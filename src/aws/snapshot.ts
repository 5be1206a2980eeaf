import { readFile, writeFile } from "node:fs/promises";
import type { DeploymentSnapshot } from "./types.js";

export function emptySnapshot(source: DeploymentSnapshot["source"], region?: string): DeploymentSnapshot {
  return {
    schemaVersion: 1,
    source,
    ...(region ? { region } : {}),
    loadBalancers: [],
    listeners: [],
    targetGroups: [],
    functions: [],
    subnets: [],
    securityGroups: [],
    routes: [],
    roles: [],
    ssm: { parameters: [] },
    apis: [],
    models: [],
    unreadable: [],
  };
}

export class SnapshotError extends Error {
  override name = "SnapshotError";
}

export async function saveSnapshot(file: string, snapshot: DeploymentSnapshot): Promise<void> {
  await writeFile(file, `${JSON.stringify(snapshot, null, 2)}\n`, "utf8");
}

const ARRAYS = [
  "loadBalancers", "listeners", "targetGroups", "functions", "subnets", "securityGroups", "routes", "roles", "apis", "models", "unreadable",
] as const;

/** Reads a saved snapshot, checking just enough shape that the rules cannot trip over it. */
export async function loadSnapshot(file: string): Promise<DeploymentSnapshot> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    throw new SnapshotError(`cannot read snapshot ${file}: ${(err as Error).message}`);
  }
  const s = data as Partial<DeploymentSnapshot> | null;
  if (!s || typeof s !== "object" || s.schemaVersion !== 1) {
    throw new SnapshotError(`${file} is not a bagcheck snapshot (schemaVersion 1)`);
  }
  for (const key of ARRAYS) {
    if (!Array.isArray(s[key])) throw new SnapshotError(`${file}: "${key}" must be an array`);
  }
  if (!s.ssm || !Array.isArray(s.ssm.parameters)) throw new SnapshotError(`${file}: "ssm.parameters" must be an array`);
  return s as DeploymentSnapshot;
}
