import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { Agent } from "undici";
import { runChecks, type Check, type CheckResult, type RunOptions } from "../../../src/harness/index.js";
import type { StartedVariant } from "../../../fixtures/gateways/index.js";

export const OPTIONS: RunOptions = { origin: "https://app.nextchat.dev", timeoutMs: 15_000, slow: false };

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A connection pool that sends one host name to a 127.0.0.1 address, so a fixture can be addressed as an ALB
 * would be (http on a real host name) while every byte stays on loopback.
 */
export function aliasingAgent(resolve: { host: string; address: string }): Agent {
  const lookup = (host: string, opts: { all?: boolean }, cb: LookupCallback) => {
    if (host !== resolve.host) return dnsLookup(host, opts as never, cb as never);
    if (opts.all) return cb(null, [{ address: resolve.address, family: 4 }]);
    return cb(null, resolve.address, 4);
  };
  return new Agent({ connect: { lookup: lookup as never } });
}

/** Run checks against a started gateway the way `bagcheck run --url … --key …` does. */
export async function runAgainst(gateway: StartedVariant, checks: readonly Check[], options: Partial<RunOptions> = {}): Promise<CheckResult[]> {
  const agent = gateway.resolve ? aliasingAgent(gateway.resolve) : undefined;
  try {
    return await runChecks(checks, {
      target: { enteredUrl: gateway.url, baseUrl: gateway.url, mode: "remote", urlTyped: true },
      key: gateway.key,
      options: { ...OPTIONS, ...options },
      ...(agent ? { dispatcher: agent } : {}),
    });
  } finally {
    await agent?.close();
  }
}

export function findingIds(results: readonly CheckResult[]): string[] {
  return [...new Set(results.flatMap((r) => r.findings.map((f) => f.id)))].sort();
}
