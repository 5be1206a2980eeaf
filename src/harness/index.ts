/**
 * The harness: run checks against any OpenAI-compatible base URL and turn what happened into a Report.
 * Suites (top-level suites/) code against `Check` / `CheckContext`; the CLI wires suites, target and writers.
 */
export type * from "./types.js";
export { createAgent, createHttpClient, resolveUrl, WRONG_KEY, DEFAULT_MAX_BYTES, type ClosableHttpClient, type HttpClientOptions } from "./http.js";
export { redact, createRedactor, keyForms, stripUrlCredentials, REDACTED, type Redactor } from "./redact.js";
export { classifyError, isUnreachable, UNREACHABLE_KINDS } from "./transport-error.js";
export { TRANSPORT_FINDING, ANOMALY_FINDING, findingForExchange, invalidUtf8Finding, transportFindings } from "./transport-findings.js";
export { normalizeBaseUrl, neighbourBases, probeBaseUrl, type BaseUrlProbe, type NormalizedBaseUrl } from "./base-url.js";
export { runChecks, type RunChecksOptions } from "./runner.js";
export { runSuites, selectSuites, baseUrlResult, BASE_URL_CHECK, TARGET_SUITE, type RunSuitesOptions } from "./run-suites.js";
export { prepareTarget, type PrepareTargetOptions, type PreparedTarget } from "./prepare.js";
export { buildReport, collectFindings, summarize, type BuildReportInput } from "./report-builder.js";
export { pickChatModel, pickEmbeddingModel, listedModelIds, type ModelChoice } from "./model-pick.js";
export { createUsageMeter, type UsageTotals, type ModelCall } from "./usage.js";
