import type { ResolvedConfig } from "./config.js";
import { Refreshing } from "./refreshing.js";
import type { ControlModule, Upstream } from "./upstream.js";
import type { BedrockClient } from "@aws-sdk/client-bedrock";

/** One entry of GET /models, in OpenAI's shape. */
export interface OpenAIModel {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
}

export interface FoundationModelInfo {
  modelId: string;
  modelArn: string;
  providerName: string;
  outputModalities: string[];
  inferenceTypes: string[];
}

export interface ProfileInfo {
  id: string;
  arn: string;
  createdAt: number;
  modelArns: string[];
}

/** The region's catalog, indexed once per refresh so resolving a model on the hot path is a map lookup. */
export interface CatalogSnapshot {
  foundation: ReadonlyMap<string, FoundationModelInfo>;
  profiles: ReadonlyMap<string, ProfileInfo>;
  /** Base model id → the inference profile the gateway calls for it (profile-only models only). */
  routedProfile: ReadonlyMap<string, string>;
  /** Base model id → every profile containing it, for error messages. */
  profilesByModel: ReadonlyMap<string, string[]>;
  models: OpenAIModel[];
}

/** Geography prefix of the system-defined cross-region profiles reachable from a region. */
export function geographyOf(region: string): string | undefined {
  if (region.startsWith("us-gov-")) return "us-gov";
  if (region.startsWith("us-") || region.startsWith("ca-")) return "us";
  if (region.startsWith("eu-")) return "eu";
  if (region.startsWith("ap-")) return "apac";
  return undefined;
}

/**
 * Builds the snapshot from the control plane's answers (pure: unit-tested with literals).
 * `notAuthorized`: models this account may not call (GetFoundationModelAvailability); they stay resolvable,
 * so errors can still name them, but /models leaves them out: a client that picks from the list must get
 * models that answer.
 */
export function buildSnapshot(
  region: string,
  foundationModels: FoundationModelInfo[],
  profiles: ProfileInfo[],
  aliases: ReadonlyMap<string, string>,
  notAuthorized: ReadonlySet<string> = new Set(),
): CatalogSnapshot {
  const foundation = new Map(foundationModels.map((m) => [m.modelId, m]));
  const byArnToId = new Map(foundationModels.map((m) => [m.modelArn, m.modelId]));
  const profileMap = new Map(profiles.map((p) => [p.id, p]));
  const profilesByModel = new Map<string, string[]>();
  for (const p of profiles) {
    for (const arn of p.modelArns) {
      const id = byArnToId.get(arn) ?? arn.slice(arn.indexOf("/") + 1);
      const list = profilesByModel.get(id) ?? [];
      if (!list.includes(p.id)) list.push(p.id);
      profilesByModel.set(id, list);
    }
  }
  const geo = geographyOf(region);
  const routedProfile = new Map<string, string>();
  for (const m of foundationModels) {
    if (m.inferenceTypes.includes("ON_DEMAND")) continue;
    const candidates = profilesByModel.get(m.modelId) ?? [];
    // Prefer the region's own geography (data stays in it), then any other geography, `global.` last.
    const pick = candidates.find((p) => geo !== undefined && p.startsWith(`${geo}.`)) ?? candidates.find((p) => !p.startsWith("global.")) ?? candidates[0];
    if (pick) routedProfile.set(m.modelId, pick);
  }
  const models: OpenAIModel[] = [];
  for (const m of foundationModels) {
    const servesOutput = m.outputModalities.includes("TEXT") || m.outputModalities.includes("EMBEDDING");
    if (!servesOutput || notAuthorized.has(m.modelId)) continue;
    if (m.inferenceTypes.includes("ON_DEMAND") || routedProfile.has(m.modelId)) {
      models.push({ id: m.modelId, object: "model", created: 0, owned_by: m.providerName.toLowerCase() });
    }
  }
  for (const p of profiles) {
    const members = p.modelArns.map((arn) => byArnToId.get(arn) ?? arn.slice(arn.indexOf("/") + 1));
    if (members.length > 0 && members.every((id) => notAuthorized.has(id))) continue;
    const owner = p.id.split(".")[1] ?? "bedrock";
    models.push({ id: p.id, object: "model", created: p.createdAt, owned_by: owner });
  }
  for (const [alias, target] of aliases) {
    const t = models.find((m) => m.id === target);
    if (t) models.push({ ...t, id: alias });
  }
  return { foundation, profiles: profileMap, routedProfile, profilesByModel, models };
}

const NEGATIVE_CACHE_MS = 30_000;
/** Availability is one call per model; bounded so a refresh never floods the control plane. */
const AVAILABILITY_CONCURRENCY = 8;

/**
 * ListFoundationModels + ListInferenceProfiles, cached for a TTL. An expired catalog still answers while the
 * next read runs in the background (./refreshing.ts): a read is a few control-plane round trips plus one
 * availability call per model, which the chat request that happened to find the cache expired would otherwise
 * wait for (a latency spike every TTL).
 */
export class ModelCatalog {
  private readonly cache: Refreshing<CatalogSnapshot>;

  constructor(private readonly config: ResolvedConfig, private readonly upstream: Upstream) {
    this.cache = new Refreshing(() => this.load(), config.modelsCacheTtlMs, NEGATIVE_CACHE_MS, (err, kept) => {
      if (kept) config.log(`models: catalog refresh failed (${(err as Error).name}); serving the previous one`);
    });
  }

  /** The cached snapshot (fresh, or stale while a refresh runs), else the first load. */
  async get(): Promise<CatalogSnapshot> {
    const seen = this.cache.peek();
    return seen ? seen.value : this.cache.refresh();
  }

  /** Like get(), but undefined instead of an error: chat still works when the role may not list models. */
  async tryGet(): Promise<CatalogSnapshot | undefined> {
    const seen = this.cache.peek();
    if (seen) return seen.value;
    // After a failure, chat requests don't each pay for another failing control-plane round trip.
    if (this.cache.failedRecently()) return undefined;
    try {
      return await this.cache.refresh();
    } catch (err) {
      this.config.log(`models: catalog unavailable (${(err as Error).name}); passing model ids through`);
      return undefined;
    }
  }

  private async load(): Promise<CatalogSnapshot> {
    const { sdk, client } = await this.upstream.controlClient();
    const listProfiles = async (): Promise<ProfileInfo[]> => {
      const out: ProfileInfo[] = [];
      let nextToken: string | undefined;
      do {
        const page = await client.send(new sdk.ListInferenceProfilesCommand({ maxResults: 1000, nextToken }));
        for (const p of page.inferenceProfileSummaries ?? []) {
          if (p.status && p.status !== "ACTIVE") continue;
          out.push({
            id: p.inferenceProfileId ?? "",
            arn: p.inferenceProfileArn ?? "",
            createdAt: p.createdAt ? Math.floor(new Date(p.createdAt).getTime() / 1000) : 0,
            modelArns: (p.models ?? []).map((m) => m.modelArn ?? ""),
          });
        }
        nextToken = page.nextToken;
      } while (nextToken);
      return out;
    };
    const [fm, profiles] = await Promise.all([client.send(new sdk.ListFoundationModelsCommand({})), listProfiles()]);
    const foundation = (fm.modelSummaries ?? []).map((m) => ({
      modelId: m.modelId ?? "",
      modelArn: m.modelArn ?? "",
      providerName: m.providerName ?? "",
      outputModalities: m.outputModalities ?? [],
      inferenceTypes: m.inferenceTypesSupported ?? [],
    }));
    const notAuthorized = await this.notAuthorized(sdk, client, foundation.map((m) => m.modelId));
    return buildSnapshot(this.config.region, foundation, profiles, this.config.modelAliases, notAuthorized);
  }

  /**
   * Models the account has no access to. A failed lookup (e.g. the role lacks
   * bedrock:GetFoundationModelAvailability) counts as "maybe callable": listing too much beats hiding models.
   */
  private async notAuthorized(sdk: ControlModule, client: BedrockClient, modelIds: string[]): Promise<Set<string>> {
    const denied = new Set<string>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < modelIds.length) {
        const modelId = modelIds[next++] as string;
        try {
          const a = await client.send(new sdk.GetFoundationModelAvailabilityCommand({ modelId }));
          if (a.authorizationStatus === "NOT_AUTHORIZED" || a.entitlementAvailability === "NOT_AVAILABLE") denied.add(modelId);
        } catch {
          // unknown: keep listing it
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(AVAILABILITY_CONCURRENCY, modelIds.length) }, worker));
    return denied;
  }
}
