/** What the gateway is told. Plain data: the CLI, the Lambda handler and tests all build one with a literal. */
export interface GatewayConfig {
  region: string;
  /** Bedrock runtime endpoint override (the emulator's URL); control plane too unless controlEndpoint is given. */
  bedrockEndpoint?: string;
  controlEndpoint?: string;
  /** Dummy ones with the emulator; absent: the AWS SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Accepted API keys. With neither this nor apiKeyParam the gateway accepts every request. */
  apiKeys?: string[];
  /** SSM parameter (SecureString) holding the key, as BAG does; read once, cached. */
  apiKeyParam?: string;
  /** Default ["/api/v1", "/v1"]: BAG's base and the one clients that append /v1 end up calling. */
  prefixes?: string[];
  /** Default "*" (no credentials are ever allowed: the key travels in a header, not a cookie). */
  corsOrigins?: string[] | "*";
  bodyLimitBytes?: number;
  /** Longest wait for Bedrock: the whole call without streaming, the gap between events with streaming. */
  upstreamTimeoutMs?: number;
  /** OpenAI-style names a client insists on (e.g. "gpt-4o-mini") → Bedrock model or profile id. */
  modelAliases?: Record<string, string>;
  modelsCacheTtlMs?: number;
  /** URL prefixes remote image URLs may start with; everything else is refused (SSRF). */
  imageUrlAllowList?: string[];
  /** One line per request and per upstream failure; never receives the key. */
  logger?: (line: string) => void;
  /** While waiting for the first token, an SSE comment is sent this often so proxies and clients don't give up. */
  keepAliveMs?: number;
}

/** The config with every default filled in, computed once per app (nothing is re-derived per request). */
export interface ResolvedConfig {
  region: string;
  bedrockEndpoint: string | undefined;
  controlEndpoint: string | undefined;
  credentials: GatewayConfig["credentials"];
  apiKeys: string[];
  apiKeyParam: string | undefined;
  prefixes: string[];
  corsOrigins: ReadonlySet<string> | "*";
  bodyLimitBytes: number;
  upstreamTimeoutMs: number;
  modelAliases: ReadonlyMap<string, string>;
  modelsCacheTtlMs: number;
  imageUrlAllowList: string[];
  log: (line: string) => void;
  /** Every key known so far (static ones, and the SSM one once read); log lines are masked with it. */
  secrets: Set<string>;
  keepAliveMs: number;
}

// 10 MiB: a chat request carrying a few images as data: URLs (Bedrock accepts up to 3.75 MB per image,
// base64 adds a third) fits; anything larger would be refused by Bedrock anyway, and the gateway should not
// buffer arbitrary amounts of memory per request. (Lambda caps request payloads at 6 MB on its own.)
export const DEFAULT_BODY_LIMIT_BYTES = 10 * 1024 * 1024;
// Generous on purpose: a long generation without streaming can legitimately take minutes.
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 300_000;
export const DEFAULT_MODELS_CACHE_TTL_MS = 5 * 60_000;
// Well under the 60 s idle timeouts of ALBs and NextChat's 60 s time-to-first-byte abort.
export const DEFAULT_KEEP_ALIVE_MS = 15_000;

export function resolveConfig(config: GatewayConfig): ResolvedConfig {
  const apiKeys = (config.apiKeys ?? []).filter((k) => k.length > 0);
  const secrets = new Set(apiKeys);
  const log = config.logger ? redactingLogger(config.logger, secrets) : () => {};
  return {
    region: config.region,
    bedrockEndpoint: config.bedrockEndpoint,
    controlEndpoint: config.controlEndpoint ?? config.bedrockEndpoint,
    credentials: config.credentials,
    apiKeys,
    apiKeyParam: config.apiKeyParam,
    prefixes: (config.prefixes ?? ["/api/v1", "/v1"]).map((p) => "/" + p.replace(/^\/+|\/+$/g, "")),
    corsOrigins: config.corsOrigins === undefined || config.corsOrigins === "*" ? "*" : new Set(config.corsOrigins),
    bodyLimitBytes: config.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    upstreamTimeoutMs: config.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
    modelAliases: new Map(Object.entries(config.modelAliases ?? {})),
    modelsCacheTtlMs: config.modelsCacheTtlMs ?? DEFAULT_MODELS_CACHE_TTL_MS,
    imageUrlAllowList: config.imageUrlAllowList ?? [],
    log,
    secrets,
    keepAliveMs: config.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS,
  };
}

/**
 * Belt and braces: nothing the gateway logs should contain a key, but an upstream message could echo
 * request text; every known key is masked before a line leaves the gateway.
 */
export function redactingLogger(sink: (line: string) => void, secrets: ReadonlySet<string>): (line: string) => void {
  const forms = new Map<string, string[]>();
  return (line) => {
    let out = line;
    for (const k of secrets) {
      if (k.length === 0) continue;
      let spellings = forms.get(k);
      if (!spellings) forms.set(k, (spellings = secretSpellings(k)));
      for (const f of spellings) if (out.includes(f)) out = out.split(f).join("[redacted]");
    }
    sink(out);
  };
}

/**
 * A key can reach a log line encoded: a path carries it URL-encoded (`/models/sk%2F…`), a Basic header
 * base64. Every spelling is masked, longest first; percent-escapes in both letter cases.
 */
function secretSpellings(k: string): string[] {
  const b64 = Buffer.from(k, "utf8").toString("base64");
  const url = [encodeURIComponent(k), encodeURIComponent(encodeURIComponent(k))].flatMap((u) => [u, u.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())]);
  const all = [k, ...url, b64, b64.replace(/=+$/, ""), Buffer.from(k, "utf8").toString("base64url")];
  return [...new Set(all)].filter((f) => f.length >= 4).sort((a, b) => b.length - a.length);
}
