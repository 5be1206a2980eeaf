import { modelNotFound } from "./bedrock-errors.js";
import type { CatalogSnapshot } from "./catalog.js";

export interface ResolvedModel {
  /** What the gateway sends to Bedrock and reports back as `model`: what actually ran. */
  invokeId: string;
  /** A profile that contains the model, for the error message when Bedrock still asks for one. */
  suggestedProfile?: string;
}

/**
 * Alias first (only when configured), then the catalog: a profile-only model is routed to the region's
 * geography profile. Without a catalog (the role may not list models) the id is passed through and
 * Bedrock's own answer decides.
 */
export function resolveModel(requested: string, catalog: CatalogSnapshot | undefined, aliases: ReadonlyMap<string, string>): ResolvedModel {
  const target = aliases.get(requested) ?? requested;
  if (!catalog || target.startsWith("arn:")) return { invokeId: target };
  if (catalog.profiles.has(target)) return { invokeId: target };
  const fm = catalog.foundation.get(target);
  if (!fm) throw modelNotFound(requested);
  const suggestedProfile = catalog.routedProfile.get(target) ?? catalog.profilesByModel.get(target)?.[0];
  if (fm.inferenceTypes.includes("ON_DEMAND")) return { invokeId: target, suggestedProfile };
  return suggestedProfile ? { invokeId: suggestedProfile, suggestedProfile } : { invokeId: target };
}
