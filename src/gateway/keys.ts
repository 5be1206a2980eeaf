import { createHash, timingSafeEqual } from "node:crypto";
import { GatewayError } from "./errors.js";
import type { ResolvedConfig } from "./config.js";
import { Refreshing } from "./refreshing.js";

// The key may be rotated in SSM; re-reading it every few minutes picks that up without a restart.
const SSM_TTL_MS = 5 * 60_000;
/** After a failed re-read, the previous key is kept and SSM is asked again only after this pause. */
const RETRY_AFTER_FAILURE_MS = 30_000;

function digest(key: string): Buffer {
  return createHash("sha256").update(key).digest();
}

/** Every presented key against every accepted digest, with no early exit. */
function anyMatches(presented: readonly string[], accepted: readonly Buffer[]): boolean {
  let ok = false;
  for (const p of presented) {
    const d = digest(p);
    for (const a of accepted) ok = timingSafeEqual(d, a) || ok;
  }
  return ok;
}

/**
 * The accepted keys, held as SHA-256 digests: comparing fixed-length digests with timingSafeEqual leaks
 * neither the key's content nor its length, and every key is compared (no early exit) so the time does not
 * tell which one matched.
 */
export class KeyStore {
  private readonly staticDigests: Buffer[];
  /** The key in SSM (apiKeyParam), read again every SSM_TTL_MS without holding requests up (./refreshing.ts). */
  private readonly ssm?: Refreshing<Buffer[]>;

  constructor(private readonly config: ResolvedConfig) {
    this.staticDigests = config.apiKeys.map(digest);
    if (config.apiKeyParam) {
      const read = async () => {
        const key = await this.readParam();
        config.secrets.add(key);
        return [digest(key)];
      };
      this.ssm = new Refreshing(read, SSM_TTL_MS, RETRY_AFTER_FAILURE_MS, (err, kept) =>
        config.log(`auth: cannot read the API key parameter (${(err as Error).name})${kept ? "; keeping the key read before" : ""}`),
      );
    }
  }

  /** No key configured at all: the gateway is open (the CLI says so when it starts). */
  get open(): boolean {
    return this.staticDigests.length === 0 && !this.config.apiKeyParam;
  }

  /**
   * Once the SSM key has been read, a request whose key matches is not held up when the copy expires: the copy
   * answers and one re-read runs in the background. A key that does not match an expired copy may be the newly
   * rotated one, so that request waits for the re-read before it is refused.
   */
  async matches(presented: readonly string[]): Promise<boolean> {
    if (!this.ssm) return anyMatches(presented, this.staticDigests);
    const seen = this.ssm.peek();
    if (seen) {
      if (anyMatches(presented, [...this.staticDigests, ...seen.value])) return true;
      if (seen.fresh || !this.ssm.refreshing) return false;
    }
    let digests: Buffer[];
    try {
      digests = await this.ssm.refresh();
    } catch {
      throw new GatewayError(503, "The gateway cannot read its API key from SSM Parameter Store; check the parameter name and the role's ssm:GetParameter permission.", "server_error", "api_key_unavailable");
    }
    return anyMatches(presented, [...this.staticDigests, ...digests]);
  }

  private async readParam(): Promise<string> {
    const { SSMClient, GetParameterCommand } = await import("@aws-sdk/client-ssm");
    const client = new SSMClient({ region: this.config.region, ...(this.config.credentials ? { credentials: this.config.credentials } : {}) });
    try {
      const out = await client.send(new GetParameterCommand({ Name: this.config.apiKeyParam, WithDecryption: true }));
      const value = out.Parameter?.Value;
      if (!value) throw Object.assign(new Error("empty parameter"), { name: "EmptyParameter" });
      return value;
    } finally {
      client.destroy();
    }
  }
}

/** The keys a request presents: `Authorization: Bearer …` and/or `x-api-key` (Cherry Studio sends both). */
export function presentedKeys(authorization: string | undefined, xApiKey: string | undefined): string[] {
  const out: string[] = [];
  const m = authorization ? /^Bearer\s+(.+)$/i.exec(authorization.trim()) : null;
  if (m?.[1]) out.push(m[1].trim());
  if (xApiKey) out.push(xApiKey.trim());
  return out;
}
