import { GatewayError } from "./errors.js";

/** What the mapping needs to know to write a message that says what to do. */
export interface ErrorContext {
  /** The id the gateway sent to Bedrock (model, profile or ARN). */
  modelId?: string;
  region: string;
  /** The inference profile that would work for modelId, when the catalog knows one. */
  suggestedProfile?: string;
}

/** Throttling has no hint from Bedrock; one second lets the openai SDKs' retry succeed without hammering. */
const RETRY_AFTER_SECONDS = 1;

interface AwsLikeError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/** Bedrock's `You don't have access to the model…` (model access page), as opposed to an IAM denial. */
const MODEL_ACCESS_RE = /don.t have access to the model/i;
const IAM_DENIAL_RE = /is not authorized to perform:?\s*(\S+)(?:\s+on resource:?\s*(\S+))?/i;
const NEEDS_PROFILE_RE = /on-demand throughput isn.t supported/i;
const INVALID_MODEL_RE = /model identifier is invalid/i;
/** "Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. …" */
const LEGACY_RE = /marked by provider as Legacy/i;

/**
 * Turns an AWS SDK error (or any other upstream failure) into the gateway's OpenAI-shaped error.
 * Never forwards a stack, a file path or an endpoint address; forwards Bedrock's own message only where it
 * describes the request (validation), since that is what the caller needs to fix it.
 */
export function mapBedrockError(err: unknown, ctx: ErrorContext): GatewayError {
  if (err instanceof GatewayError) return err;
  const e = (typeof err === "object" && err !== null ? err : {}) as AwsLikeError;
  const name = e.name ?? "Error";
  const message = typeof e.message === "string" ? e.message : "";
  const model = ctx.modelId ? `'${ctx.modelId}'` : "the model";
  switch (name) {
    case "AccessDeniedException":
      return accessDenied(message, model, ctx);
    case "ValidationException":
      if (NEEDS_PROFILE_RE.test(message)) {
        const use = ctx.suggestedProfile
          ? `Use the inference profile '${ctx.suggestedProfile}' as the model.`
          : "Use an inference profile that contains it (GET /models lists them) as the model.";
        return new GatewayError(400, `Model ${model} cannot be invoked on demand in ${ctx.region}; it is only available through an inference profile. ${use}`, "invalid_request_error", "model_needs_inference_profile", "model");
      }
      if (INVALID_MODEL_RE.test(message)) return modelNotFound(ctx.modelId ?? "");
      return new GatewayError(400, `Bedrock rejected the request: ${message}`, "invalid_request_error", "bedrock_validation_error");
    case "ResourceNotFoundException":
      // A legacy model the account stopped using is refused as "not found"; saying only that would send the
      // person looking for a typo in an id that worked last month.
      if (LEGACY_RE.test(message)) {
        return new GatewayError(
          404,
          `Model ${model} is marked Legacy by its provider, and Bedrock no longer serves it to accounts that have not used it recently: ${message.replace(/\.?\s*$/, ".")} Choose an active model (GET /models lists them).`,
          "invalid_request_error",
          "model_legacy",
          "model",
        );
      }
      return modelNotFound(ctx.modelId ?? "");
    case "ThrottlingException":
      return new GatewayError(429, `Bedrock is throttling requests for ${model}: ${message || "too many requests"}. Retry after ${RETRY_AFTER_SECONDS} s.`, "rate_limit_error", "rate_limit_exceeded", null, retryAfter(RETRY_AFTER_SECONDS));
    case "ServiceQuotaExceededException":
      return new GatewayError(429, `A Bedrock service quota is exhausted for ${model}: ${message}. Request a quota increase in Service Quotas.`, "rate_limit_error", "quota_exceeded");
    case "ModelNotReadyException":
      return new GatewayError(503, `Model ${model} is not ready yet; retry shortly.`, "server_error", "model_not_ready", null, retryAfter(RETRY_AFTER_SECONDS));
    case "ModelTimeoutException":
      return new GatewayError(504, `Model ${model} took too long to answer (Bedrock ModelTimeoutException).`, "timeout_error", "model_timeout");
    case "ServiceUnavailableException":
      return new GatewayError(503, "Bedrock is temporarily unavailable; retry shortly.", "server_error", "service_unavailable", null, retryAfter(RETRY_AFTER_SECONDS));
    case "ModelStreamErrorException":
    case "ModelErrorException":
      return new GatewayError(502, `Model ${model} failed while answering: ${message}`, "server_error", "model_error");
    case "UpstreamTimeout":
    case "TimeoutError":
      return new GatewayError(504, "Bedrock did not answer within the gateway's upstream timeout.", "timeout_error", "upstream_timeout");
    case "InternalServerException":
      return new GatewayError(502, "Bedrock reported an internal error; retry the request.", "server_error", "upstream_error");
    default:
      // Connection refused, DNS, TLS, unknown exceptions: the address and stack stay in the server log.
      return new GatewayError(502, "The gateway could not get an answer from Bedrock.", "server_error", "upstream_error");
  }
}

function accessDenied(message: string, model: string, ctx: ErrorContext): GatewayError {
  if (MODEL_ACCESS_RE.test(message)) {
    return new GatewayError(
      403,
      `Model access is not granted for ${model} in ${ctx.region}: this AWS account has not enabled the model. ` +
        "Request access on the Amazon Bedrock console's \"Model access\" page (same account and region as the gateway), or pick a model that is enabled.",
      "permission_error",
      "model_access_not_granted",
      "model",
    );
  }
  const m = IAM_DENIAL_RE.exec(message);
  const action = m?.[1] ?? "bedrock:InvokeModel";
  const resource = m?.[2] ? ` on ${m[2].replace(/[.,]+$/, "")}` : "";
  const profileHint = /inference-profile/.test(message)
    ? " Inference profiles need their own resources: allow arn:aws:bedrock:*:*:inference-profile/* as well as arn:aws:bedrock:*::foundation-model/*."
    : "";
  return new GatewayError(
    403,
    `The gateway's IAM role is not allowed to call ${action}${resource}. Fix the role's policy (bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream).${profileHint}`,
    "permission_error",
    "iam_access_denied",
  );
}

export function modelNotFound(model: string): GatewayError {
  return new GatewayError(
    404,
    `The model '${model}' does not exist or is not available on this gateway (it serves Amazon Bedrock models). ` +
      "GET /models lists the ids to use; an OpenAI name such as gpt-4o-mini only works if the gateway maps it (modelAliases).",
    "invalid_request_error",
    "model_not_found",
    "model",
  );
}

function retryAfter(seconds: number): Record<string, string> {
  return { "retry-after": String(seconds), "retry-after-ms": String(seconds * 1000) };
}
