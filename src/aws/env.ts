import type { EnvVar } from "./types.js";

/**
 * Environment values are kept only for names known to carry configuration, never credentials: a snapshot
 * is meant to be attached to a public bug report. Everything else keeps its name only.
 */
const HARMLESS = new Set([
  "DEFAULT_MODEL",
  "DEFAULT_EMBEDDING_MODEL",
  "API_KEY_PARAM_NAME",
  "API_KEY_SECRET_ARN",
  "API_ROUTE_PREFIX",
  "DEBUG",
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
  "ENABLE_CROSS_REGION_INFERENCE",
  "ENABLE_APPLICATION_INFERENCE_PROFILES",
  "ENABLE_PROMPT_CACHING",
  "AWS_LWA_INVOKE_MODE",
  "AWS_LAMBDA_EXEC_WRAPPER",
  "PORT",
]);

export function isHarmlessEnvName(name: string): boolean {
  return HARMLESS.has(name);
}

export function toEnvVars(vars: Record<string, string | undefined>): EnvVar[] {
  return Object.entries(vars).map(([name, value]) =>
    isHarmlessEnvName(name) && value !== undefined ? { name, value } : { name },
  );
}

export function envValue(env: EnvVar[], name: string): string | undefined {
  return env.find((e) => e.name === name)?.value;
}
