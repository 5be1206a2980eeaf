import type { GatewayConfig } from "./config.js";

/**
 * The Lambda's configuration from its environment. Names follow BAG where BAG has one (API_KEY_PARAM_NAME,
 * API_ROUTE_PREFIX) so a BAG stack's settings carry over. The Bedrock endpoint is the SDK's own
 * AWS_ENDPOINT_URL_BEDROCK_RUNTIME / AWS_ENDPOINT_URL_BEDROCK, read by the SDK itself.
 */
export function configFromEnv(env: Record<string, string | undefined>): GatewayConfig {
  const list = (v: string | undefined) => (v ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
  const num = (v: string | undefined) => (v && Number.isFinite(Number(v)) ? Number(v) : undefined);
  const config: GatewayConfig = { region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1", logger: (line) => console.log(line) };
  if (env.API_KEY) config.apiKeys = list(env.API_KEY);
  if (env.API_KEY_PARAM_NAME) config.apiKeyParam = env.API_KEY_PARAM_NAME;
  if (env.API_ROUTE_PREFIX) config.prefixes = list(env.API_ROUTE_PREFIX);
  if (env.CORS_ORIGINS) config.corsOrigins = env.CORS_ORIGINS.trim() === "*" ? "*" : list(env.CORS_ORIGINS);
  if (env.MODEL_ALIASES) config.modelAliases = JSON.parse(env.MODEL_ALIASES) as Record<string, string>;
  if (env.IMAGE_URL_ALLOW_LIST) config.imageUrlAllowList = list(env.IMAGE_URL_ALLOW_LIST);
  const body = num(env.BODY_LIMIT_BYTES);
  if (body !== undefined) config.bodyLimitBytes = body;
  const timeout = num(env.UPSTREAM_TIMEOUT_MS);
  if (timeout !== undefined) config.upstreamTimeoutMs = timeout;
  const ttl = num(env.MODELS_CACHE_TTL_MS);
  if (ttl !== undefined) config.modelsCacheTtlMs = ttl;
  return config;
}
