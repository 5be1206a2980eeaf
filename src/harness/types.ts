import type { Finding } from "../explain/index.js";

export type CheckStatus = "pass" | "fail" | "warn" | "skip";

/** One HTTP exchange as the harness saw it; the API key is already redacted everywhere in here. */
export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  /** First bytes of the request body (capped). */
  requestBody?: string;
  status?: number;
  responseHeaders?: Record<string, string>;
  /** First bytes of the response body, decoded as UTF-8 (capped). */
  responseBody?: string;
  /** Total response body bytes received (may exceed what responseBody shows). */
  responseBytes?: number;
  /** Milliseconds from request start. */
  timings: { headersMs?: number; firstByteMs?: number; totalMs: number };
  /** SSE events with their arrival time (ms from request start). */
  events?: SseEvent[];
  /** A named transport failure: connect-refused, connect-timeout, headers-timeout, body-timeout, too-large, … */
  error?: TransportError;
  /** Which credentials were sent (the value itself never is recorded). */
  auth?: "valid" | "none" | "wrong";
  /** Oddities in a response that did arrive: an HTML page where JSON was expected, bytes that are not UTF-8. */
  anomalies?: ExchangeAnomaly[];
  /** The API key (plain, URL-encoded or base64) was found in the response before redaction. */
  keyEchoed?: boolean;
}

export type ExchangeAnomaly = "html-body" | "invalid-utf8";

export type TransportErrorKind =
  | "dns"
  | "connect-refused"
  | "connect-timeout"
  | "tls"
  | "headers-timeout"
  | "body-timeout"
  | "too-large"
  | "reset"
  | "redirect-blocked"
  | "aborted"
  | "invalid-url"
  | "decompression-bomb"
  | "other";

export interface TransportError {
  kind: TransportErrorKind;
  message: string;
}

export interface SseEvent {
  atMs: number;
  event?: string;
  data: string;
}

export interface Evidence {
  exchanges: Exchange[];
  notes: string[];
}

/** What a check's run() returns; the runner adds id, timing and evidence. */
export interface CheckOutcome {
  status: CheckStatus;
  findings?: Finding[];
  /** One line for people: what was seen, e.g. "got 403 with {\"detail\":…}, expected 401". */
  message?: string;
}

export interface CheckResult {
  id: string;
  suite: string;
  title: string;
  status: CheckStatus;
  durationMs: number;
  message?: string;
  evidence: Evidence;
  findings: Finding[];
}

/** The target as normalised from what the user typed. */
export interface Target {
  /** What the user typed / passed (`--url`), redacted of any embedded credentials. */
  enteredUrl: string;
  /** The base that answers OpenAI paths: `${baseUrl}/chat/completions` works. No trailing slash. */
  baseUrl: string;
  mode: "embedded" | "remote";
  /**
   * True when enteredUrl is what the person types into their clients (a remote --url, --entered-url, a
   * scenario). False for the embedded default: nobody typed anything, so clients are judged as if given the
   * URL each needs (their `enterUrl`), not penalised for a URL shape no one chose.
   */
  urlTyped: boolean;
  front?: string;
  scenario?: string;
}

export interface RunOptions {
  /** Chat model to probe with (already resolved: flag, or cheapest listed). */
  model?: string;
  embeddingModel?: string;
  /** Origin a browser client would send (e.g. https://app.nextchat.dev). */
  origin: string;
  /** Per request timeout (ms). */
  timeoutMs: number;
  /** Run the slow checks (e.g. a generation past 60 s). */
  slow: boolean;
}

export interface HttpRequest {
  method?: string;
  /** Path relative to the target base (`/chat/completions`), or an absolute URL. */
  path: string;
  headers?: Record<string, string>;
  /** Object bodies are JSON-encoded with content-type application/json. */
  body?: unknown;
  /** `"valid"` (default) sends the key as Bearer; `"none"` sends no auth; `"wrong"` sends a wrong key. */
  auth?: "valid" | "none" | "wrong";
  timeoutMs?: number;
  /** Cap on response bytes kept and read (default 1 MiB); more is drained and reported as too-large. */
  maxBytes?: number;
}

export interface HttpResponse {
  exchange: Exchange;
  status: number | undefined;
  headers: Record<string, string>;
  text: string;
  /** Parsed JSON when the body parses, else undefined. */
  json: unknown;
  error?: TransportError;
  /** The API key came back in the response (headers or body); `text` and `json` have it redacted already. */
  keyEchoed?: boolean;
}

export interface SseResponse extends HttpResponse {
  events: SseEvent[];
  /** `data: [DONE]` was seen. */
  sawDone: boolean;
}

/** The HTTP client a check uses: every call is recorded as evidence, redacted. */
export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>;
  /** POST with an SSE response read through eventsource-parser, arrival time per event. */
  stream(req: HttpRequest): Promise<SseResponse>;
}

export interface CheckContext {
  target: Target;
  options: RunOptions;
  http: HttpClient;
  /** Notes go into evidence.notes. */
  note(text: string): void;
  signal: AbortSignal;
  /** Counts model calls and tokens for the report (a probe, not a workload). */
  usage: UsageMeter;
}

export interface UsageMeter {
  record(call: { model?: string; promptTokens?: number; completionTokens?: number }): void;
}

export interface Check {
  /** Stable kebab-case id prefixed by suite: `chat-stream.content-type`. */
  id: string;
  suite: string;
  title: string;
  /** Every finding id this check may emit (a test proves each has a catalog entry and a triggering fixture). */
  finds: string[];
  /** Only with --slow. */
  slow?: boolean;
  /** Must run alone (timing-sensitive or load-generating). */
  exclusive?: boolean;
  run(ctx: CheckContext): Promise<CheckOutcome>;
}

export interface Suite {
  id: string;
  title: string;
  checks: Check[];
}

export type Verdict = "works" | "degraded" | "broken";

export interface ClientVerdict {
  client: string;
  /** Display name, e.g. "NextChat (web, custom endpoint)". */
  name: string;
  verdict: Verdict;
  /** Finding ids behind the verdict. */
  because: string[];
  /** The message the person would see in the client, when broken/degraded. */
  sees?: string;
  /** The base URL this client should be given for this gateway. */
  enterUrl?: string;
}

export interface ReportFinding {
  id: string;
  severity: "error" | "warning" | "info";
  title: string;
  why: string;
  fix: { general: string; bag?: string; client?: string };
  clients: string[];
  references: { title: string; url: string }[];
  /** Checks that emitted it. */
  checks: string[];
}

/** The JSON report: the contract CI gates read. Field names are stable. */
export interface Report {
  schemaVersion: 1;
  tool: "bagcheck";
  version: string;
  /** `url` is what bagcheck called; `enteredUrl`, when different, is the URL as the person knows it (e.g. an ALB name). */
  target: { url: string; enteredUrl?: string; mode: "embedded" | "remote"; front?: string; scenario?: string };
  startedAt: string;
  durationMs: number;
  summary: { pass: number; fail: number; warn: number; skip: number };
  usage: { modelCalls: number; promptTokens: number; completionTokens: number; model?: string; modelReason?: string };
  checks: CheckResult[];
  findings: ReportFinding[];
  clients: ClientVerdict[];
  /** Optional joins: results of `models` and `inspect` when run alongside. */
  models?: unknown;
  deployment?: unknown;
}
