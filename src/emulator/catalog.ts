import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CatalogModel, CatalogProfile, RegionCatalog } from "./types.js";

export const DEFAULT_CATALOG = "us-east-1-current";

let packageRoot: string | undefined;

/** The folder holding bagcheck's package.json: found by walking up, so it works from src (vitest) and dist. */
export function findPackageRoot(): string {
  if (packageRoot) return packageRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      try {
        const pkg = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string };
        if (pkg.name === "bagcheck") return (packageRoot = dir);
      } catch {
        // A broken package.json on the way up is not ours; keep walking.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the bagcheck package root (package.json named \"bagcheck\")");
    dir = parent;
  }
}

function regionsDir(): string {
  return join(findPackageRoot(), "fixtures", "regions");
}

/** Catalog names shipped in fixtures/regions. */
export function listCatalogNames(): string[] {
  return readdirSync(regionsDir())
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

/** A shipped catalog by name, or any file path. Throws a one-line Error for people on a bad name or shape. */
export function loadCatalog(nameOrPath: string): RegionCatalog {
  const looksLikePath = nameOrPath.includes("/") || nameOrPath.includes("\\") || nameOrPath.endsWith(".json");
  const file = looksLikePath ? resolve(nameOrPath) : join(regionsDir(), `${nameOrPath}.json`);
  if (!existsSync(file)) {
    const known = looksLikePath ? "" : ` (known: ${listCatalogNames().join(", ")})`;
    throw new Error(`no region catalog ${JSON.stringify(nameOrPath)}${known}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`region catalog ${file} is not valid JSON: ${(err as Error).message}`);
  }
  return checkCatalog(data, file);
}

function checkCatalog(data: unknown, where: string): RegionCatalog {
  const c = data as Partial<RegionCatalog> | null;
  const problems: string[] = [];
  if (!c || typeof c !== "object") problems.push("not an object");
  else {
    if (typeof c.region !== "string") problems.push("region must be a string");
    if (!Array.isArray(c.models)) problems.push("models must be an array");
    if (!Array.isArray(c.profiles)) problems.push("profiles must be an array");
    if (!c.account || !Array.isArray(c.account.granted)) problems.push("account.granted must be an array");
  }
  if (problems.length > 0) throw new Error(`region catalog ${where}: ${problems.join("; ")}`);
  return data as RegionCatalog;
}

export function foundationModelArn(region: string, modelId: string): string {
  return `arn:aws:bedrock:${region}::foundation-model/${modelId}`;
}

export function inferenceProfileArn(region: string, accountId: string, profileId: string): string {
  return `arn:aws:bedrock:${region}:${accountId}:inference-profile/${profileId}`;
}

/** Lookups built once per emulator, so no request scans the catalog. */
export interface CatalogIndex {
  catalog: RegionCatalog;
  region: string;
  models: Map<string, CatalogModel>;
  profiles: Map<string, CatalogProfile>;
  granted: Set<string>;
  rejectsTemperatureWithTopP: Set<string>;
  /** Compiled IAM resource patterns; undefined = unrestricted. */
  iamAllowed?: RegExp[];
  /** Control-plane JSON, serialised once. */
  modelSummaries: Map<string, Record<string, unknown>>;
  profileSummaries: Record<string, unknown>[];
}

function globToRegExp(glob: string): RegExp {
  const body = glob.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${body}$`);
}

export function indexCatalog(catalog: RegionCatalog): CatalogIndex {
  const region = catalog.region;
  const models = new Map(catalog.models.map((m) => [m.modelId, m]));
  const profiles = new Map(catalog.profiles.map((p) => [p.inferenceProfileId, p]));
  const modelSummaries = new Map(
    catalog.models.map((m) => [
      m.modelId,
      {
        modelArn: foundationModelArn(region, m.modelId),
        modelId: m.modelId,
        modelName: m.modelName,
        providerName: m.providerName,
        inputModalities: m.inputModalities,
        outputModalities: m.outputModalities,
        responseStreamingSupported: m.responseStreamingSupported,
        customizationsSupported: m.customizationsSupported ?? [],
        inferenceTypesSupported: m.inferenceTypesSupported,
        modelLifecycle: { status: m.lifecycle },
      },
    ]),
  );
  const profileSummaries = catalog.profiles.map((p) => ({
    inferenceProfileName: p.inferenceProfileName,
    description: p.description,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    inferenceProfileArn: inferenceProfileArn(region, catalog.account.accountId, p.inferenceProfileId),
    models: p.regions.map((r) => ({ modelArn: foundationModelArn(r, p.modelId) })),
    inferenceProfileId: p.inferenceProfileId,
    status: "ACTIVE",
    type: "SYSTEM_DEFINED",
  }));
  return {
    catalog,
    region,
    models,
    profiles,
    granted: new Set(catalog.account.granted),
    rejectsTemperatureWithTopP: new Set(catalog.account.rejectsTemperatureWithTopP ?? []),
    iamAllowed: catalog.account.iamAllowedResources?.map(globToRegExp),
    modelSummaries,
    profileSummaries,
  };
}
