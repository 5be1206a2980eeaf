import type { CatalogIndex } from "./catalog.js";
import { AwsError, MESSAGES } from "./errors.js";

/** Control-plane operations (the `bedrock` client): model catalog, profiles and model access. */

const FM_ARN = /^arn:aws[\w-]*:bedrock:([^:]*)::foundation-model\/(.+)$/;

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AwsError("ValidationException", MESSAGES.invalidModelId);
  }
}

function modelIdOf(index: CatalogIndex, raw: string): string {
  const id = decode(raw);
  const arn = FM_ARN.exec(id);
  if (!arn) return id;
  if (arn[1] !== index.region) throw new AwsError("ValidationException", MESSAGES.invalidModelId);
  return arn[2] ?? "";
}

/** The enum sets of the ListFoundationModels filters in the Smithy model. */
const FILTER_ENUMS: Record<string, string[]> = {
  byOutputModality: ["TEXT", "IMAGE", "EMBEDDING"],
  byInferenceType: ["ON_DEMAND", "PROVISIONED"],
  byCustomizationType: ["FINE_TUNING", "CONTINUED_PRE_TRAINING", "DISTILLATION"],
};

function enumFilter(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name) ?? undefined;
  const allowed = FILTER_ENUMS[name] ?? [];
  if (value !== undefined && !allowed.includes(value)) {
    throw new AwsError("ValidationException", `1 validation error detected: Value '${value}' at '${name}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(", ")}]`);
  }
  return value;
}

export function listFoundationModels(index: CatalogIndex, query: URLSearchParams): string {
  const provider = query.get("byProvider")?.toLowerCase();
  const output = enumFilter(query, "byOutputModality");
  const inference = enumFilter(query, "byInferenceType");
  const customization = enumFilter(query, "byCustomizationType");
  const summaries = [];
  for (const m of index.catalog.models) {
    if (provider && m.providerName.toLowerCase() !== provider) continue;
    if (output && !m.outputModalities.includes(output)) continue;
    if (inference && !m.inferenceTypesSupported.includes(inference)) continue;
    if (customization && !(m.customizationsSupported ?? []).includes(customization)) continue;
    summaries.push(index.modelSummaries.get(m.modelId));
  }
  return JSON.stringify({ modelSummaries: summaries });
}

export function getFoundationModel(index: CatalogIndex, raw: string): string {
  const summary = index.modelSummaries.get(modelIdOf(index, raw));
  if (!summary) throw new AwsError("ValidationException", MESSAGES.invalidModelId);
  return JSON.stringify({ modelDetails: summary });
}

export function getFoundationModelAvailability(index: CatalogIndex, raw: string): string {
  const modelId = modelIdOf(index, raw);
  if (!index.models.has(modelId)) throw new AwsError("ValidationException", MESSAGES.invalidModelId);
  const granted = index.granted.has(modelId);
  return JSON.stringify({
    modelId,
    agreementAvailability: { status: granted ? "AVAILABLE" : "NOT_AVAILABLE" },
    authorizationStatus: "AUTHORIZED",
    entitlementAvailability: granted ? "AVAILABLE" : "NOT_AVAILABLE",
    regionAvailability: "AVAILABLE",
  });
}

const MAX_RESULTS = 1000;

/** nextToken is an opaque offset, as opaque as AWS's (base64), and checked like one. */
function decodeToken(token: string): number {
  const n = Number(Buffer.from(token, "base64url").toString("utf8").replace(/^offset:/, ""));
  if (!/^[A-Za-z0-9_-]+$/.test(token) || !Number.isInteger(n) || n < 0) {
    throw new AwsError("ValidationException", "The pagination token is invalid. Try your request again without a token.");
  }
  return n;
}

export function listInferenceProfiles(index: CatalogIndex, query: URLSearchParams): string {
  const type = query.get("type");
  if (type && type !== "SYSTEM_DEFINED" && type !== "APPLICATION") {
    throw new AwsError("ValidationException", `1 validation error detected: Value '${type}' at 'typeEquals' failed to satisfy constraint: Member must satisfy enum value set: [SYSTEM_DEFINED, APPLICATION]`);
  }
  const rawMax = query.get("maxResults");
  const max = rawMax === null ? MAX_RESULTS : Number(rawMax);
  if (!Number.isInteger(max) || max < 1 || max > MAX_RESULTS) {
    throw new AwsError("ValidationException", `1 validation error detected: Value '${rawMax}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and ${MAX_RESULTS}`);
  }
  const all = type === "APPLICATION" ? [] : index.profileSummaries;
  const token = query.get("nextToken");
  const start = token ? decodeToken(token) : 0;
  const page = all.slice(start, start + max);
  const next = start + max < all.length ? Buffer.from(`offset:${start + max}`).toString("base64url") : undefined;
  return JSON.stringify(next ? { inferenceProfileSummaries: page, nextToken: next } : { inferenceProfileSummaries: page });
}

export function getInferenceProfile(index: CatalogIndex, raw: string): string {
  let id = decode(raw);
  const arn = /^arn:aws[\w-]*:bedrock:[^:]*:\d*:inference-profile\/(.+)$/.exec(id);
  if (arn) id = arn[1] ?? "";
  const summary = index.profileSummaries.find((p) => p.inferenceProfileId === id);
  if (!summary) throw new AwsError("ResourceNotFoundException", `Inference profile ${id} not found.`);
  return JSON.stringify(summary);
}
