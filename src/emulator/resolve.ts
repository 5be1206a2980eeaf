import { type CatalogIndex, foundationModelArn, inferenceProfileArn } from "./catalog.js";
import { AwsError, MESSAGES } from "./errors.js";
import type { CatalogModel, CatalogProfile } from "./types.js";

export type InvokeAction = "bedrock:InvokeModel" | "bedrock:InvokeModelWithResponseStream";

export interface ResolvedModel {
  model: CatalogModel;
  /** Set when the caller named an inference profile (by id or ARN). */
  profile?: CatalogProfile;
}

const ARN = /^arn:aws[\w-]*:bedrock:([^:]*):(\d*):(foundation-model|inference-profile|application-inference-profile)\/(.+)$/;

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AwsError("ValidationException", MESSAGES.invalidModelId);
  }
}

function checkIam(index: CatalogIndex, action: InvokeAction, resource: string): void {
  if (!index.iamAllowed || index.iamAllowed.some((re) => re.test(resource))) return;
  throw new AwsError("AccessDeniedException", MESSAGES.iamDenied(index.catalog.account.principalArn, action, resource), { messageKey: "Message" });
}

/**
 * Turns the `{modelId}` path segment (model id, profile id or ARN, URL-encoded) into a model the account may
 * invoke, raising what Bedrock raises otherwise: IAM denial, on-demand not supported, access not granted.
 */
export function resolveModel(index: CatalogIndex, rawId: string, action: InvokeAction): ResolvedModel {
  let id = decode(rawId);
  let kind: "any" | "foundation-model" | "inference-profile" = "any";
  const arn = ARN.exec(id);
  if (arn) {
    const [, region, , type, rest] = arn;
    if (type === "application-inference-profile") throw new AwsError("ValidationException", MESSAGES.invalidModelId);
    if (region !== index.region) throw new AwsError("ValidationException", MESSAGES.invalidModelId);
    kind = type === "foundation-model" ? "foundation-model" : "inference-profile";
    id = rest ?? "";
  }
  const account = index.catalog.account;
  const profile = kind !== "foundation-model" ? index.profiles.get(id) : undefined;
  if (profile) {
    checkIam(index, action, inferenceProfileArn(index.region, account.accountId, profile.inferenceProfileId));
    checkIam(index, action, foundationModelArn(index.region, profile.modelId));
    const model = index.models.get(profile.modelId);
    if (!model) throw new AwsError("ValidationException", MESSAGES.invalidModelId);
    if (!index.granted.has(model.modelId)) throw new AwsError("AccessDeniedException", MESSAGES.accessNotGranted);
    return { model, profile };
  }
  const model = kind !== "inference-profile" ? index.models.get(id) : undefined;
  if (!model) throw new AwsError("ValidationException", MESSAGES.invalidModelId);
  checkIam(index, action, foundationModelArn(index.region, model.modelId));
  if (!model.inferenceTypesSupported.includes("ON_DEMAND")) {
    throw new AwsError("ValidationException", MESSAGES.onDemandUnsupported(model.modelId));
  }
  if (!index.granted.has(model.modelId)) throw new AwsError("AccessDeniedException", MESSAGES.accessNotGranted);
  return { model };
}
