import { ReadLog } from "../read.js";
import type { AwsSdk } from "../live/sdk.js";
import type { InferenceProfileRow, ModelAccess, ModelRow, ModelTable } from "../types.js";

export interface ModelCollectOptions {
  /** Only these model (or profile) ids get an availability call; the lists are read whole regardless. */
  only?: string[];
  /** Parallel GetFoundationModelAvailability calls (the SDK's retry handles throttling). */
  concurrency?: number;
  now?: () => Date;
}

export class ModelListError extends Error {
  override name = "ModelListError";
}

/** `arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1` → `anthropic.claude-v2:1`. */
export function modelIdFromArn(arn: string): string {
  const i = arn.indexOf("foundation-model/");
  return i >= 0 ? arn.slice(i + "foundation-model/".length) : arn;
}

/** Which geography prefixes to prefer in a region, most local first. */
export function geographyPreference(region: string): string[] {
  const local: Record<string, string> = { "ap-northeast-1": "jp", "ap-northeast-3": "jp", "ap-southeast-2": "au", "ap-southeast-4": "au" };
  const broad = region.startsWith("us-gov-") ? "us-gov" : region.startsWith("us-") || region.startsWith("ca-") ? "us"
    : region.startsWith("eu-") ? "eu" : region.startsWith("ap-") ? "apac" : "";
  return [local[region], broad, "global"].filter((g): g is string => !!g);
}

/** The id a gateway should send for this model in this region (undefined: nothing can call it on demand). */
export function pickCallId(onDemand: boolean, modelId: string, profiles: string[], region: string): string | undefined {
  if (onDemand) return modelId;
  for (const geo of geographyPreference(region)) {
    const hit = profiles.find((p) => p.startsWith(`${geo}.`));
    if (hit) return hit;
  }
  return profiles[0];
}

async function mapBounded<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return out;
}

/**
 * ListFoundationModels + ListInferenceProfiles (paginated) + GetFoundationModelAvailability, joined into
 * one row per model. A model list that cannot be read is fatal (there is no table without it); every
 * other failure is recorded in `unreadable` and leaves that column unknown.
 */
export async function collectModelTable(sdk: AwsSdk, opts: ModelCollectOptions = {}): Promise<ModelTable> {
  const now = opts.now ?? (() => new Date());
  const { m, client } = await sdk.bedrock();
  const region = await client.config.region();
  const log = new ReadLog();
  let listed;
  try {
    listed = await client.send(new m.ListFoundationModelsCommand({}));
  } catch (err) {
    throw new ModelListError(`could not list foundation models in ${region}: ${(err as Error).name}: ${(err as Error).message} (permission bedrock:ListFoundationModels)`);
  }
  const profiles: InferenceProfileRow[] = [];
  await log.read(`inference profiles in ${region}`, "bedrock:ListInferenceProfiles", async () => {
    for await (const page of m.paginateListInferenceProfiles({ client }, {})) {
      for (const p of page.inferenceProfileSummaries ?? []) {
        profiles.push({
          id: p.inferenceProfileId ?? "",
          ...(p.inferenceProfileName ? { name: p.inferenceProfileName } : {}),
          ...(p.type ? { type: p.type } : {}),
          ...(p.status ? { status: p.status } : {}),
          models: [...new Set((p.models ?? []).map((x) => modelIdFromArn(x.modelArn ?? "")))],
        });
      }
    }
  });

  const rows: ModelRow[] = (listed.modelSummaries ?? []).map((s) => {
    const modelId = s.modelId ?? "";
    const types = s.inferenceTypesSupported ?? [];
    const inProfiles = profiles.filter((p) => p.models.includes(modelId)).map((p) => p.id);
    const onDemand = types.includes("ON_DEMAND");
    const callWith = pickCallId(onDemand, modelId, inProfiles, region);
    return {
      modelId,
      ...(s.modelArn ? { modelArn: s.modelArn } : {}),
      provider: s.providerName ?? "",
      name: s.modelName ?? modelId,
      input: s.inputModalities ?? [],
      output: s.outputModalities ?? [],
      streaming: s.responseStreamingSupported ?? false,
      inferenceTypes: types,
      onDemand,
      profiles: inProfiles,
      ...(s.modelLifecycle?.status ? { lifecycle: s.modelLifecycle.status } : {}),
      ...(callWith ? { callWith } : {}),
    };
  });

  const wanted = rows.filter(
    (r) => (r.onDemand || r.profiles.length > 0) && (!opts.only || opts.only.some((id) => id === r.modelId || r.profiles.includes(id))),
  );
  await mapBounded(wanted, opts.concurrency ?? 8, async (row) => {
    const a = await log.read(`model access for ${row.modelId}`, "bedrock:GetFoundationModelAvailability", () =>
      client.send(new m.GetFoundationModelAvailabilityCommand({ modelId: row.modelId })),
    );
    if (!a) return;
    const access: ModelAccess = {
      ...(a.authorizationStatus ? { authorization: a.authorizationStatus } : {}),
      ...(a.agreementAvailability?.status ? { agreement: a.agreementAvailability.status } : {}),
      ...(a.entitlementAvailability ? { entitlement: a.entitlementAvailability } : {}),
      ...(a.regionAvailability ? { regionAvailability: a.regionAvailability } : {}),
    };
    row.access = access;
    row.callable = access.authorization === "AUTHORIZED" && access.entitlement !== "NOT_AVAILABLE" && row.callWith !== undefined;
  });
  return { region, collectedAt: now().toISOString(), models: rows, profiles, unreadable: log.unreadable };
}

/** Why a row cannot be called, in a few words (for tables and findings). */
export function notCallableReason(row: ModelRow): string {
  if (!row.onDemand && row.profiles.length === 0) return row.inferenceTypes.includes("PROVISIONED") ? "provisioned throughput only" : "no inference profile in this region";
  if (row.access?.authorization === "NOT_AUTHORIZED") return "model access not granted";
  if (row.access?.entitlement === "NOT_AVAILABLE") return "model access not granted";
  if (row.access === undefined) return "access unknown";
  return "callable";
}
