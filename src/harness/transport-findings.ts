import type { Finding } from "../explain/index.js";
import type { Exchange, TransportErrorKind } from "./types.js";

/**
 * Transport failure kind → catalog id (src/explain/catalog/transport.ts). The ids are the contract the
 * hostile fixture gateways (fixtures/gateways/hostile-*) are tested against.
 */
export const TRANSPORT_FINDING: Record<TransportErrorKind, string> = {
  dns: "target-dns-not-found",
  "connect-refused": "target-connection-refused",
  "connect-timeout": "target-connect-timeout",
  tls: "target-tls-failed",
  "headers-timeout": "target-headers-timeout",
  "body-timeout": "target-body-timeout",
  "too-large": "response-too-large",
  reset: "target-connection-reset",
  "redirect-blocked": "target-redirects",
  aborted: "check-timed-out",
  "invalid-url": "target-invalid-url",
  "decompression-bomb": "response-decompression-bomb",
  other: "target-protocol-error",
};

export const ANOMALY_FINDING = {
  "html-body": "response-html-not-json",
  "invalid-utf8": "response-invalid-utf8",
} as const;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The finding one exchange's transport error stands for, with the facts its catalog text uses. */
export function findingForExchange(e: Exchange): Finding | undefined {
  if (!e.error) return undefined;
  const id = TRANSPORT_FINDING[e.error.kind];
  const args: Record<string, string | number> = { url: e.url, host: hostOf(e.url), method: e.method, detail: e.error.message };
  if (e.error.kind === "redirect-blocked") {
    const location = e.responseHeaders?.location ?? "";
    args.status = e.status ?? 0;
    args.location = location;
    let cross = false;
    try {
      cross = new URL(location, e.url).origin !== new URL(e.url).origin;
    } catch {
      // unparseable Location: treat as same host
    }
    return { id: cross ? "redirect-to-other-host" : "target-redirects", args };
  }
  if (e.responseBytes !== undefined) args.bytes = e.responseBytes;
  return { id, args };
}

/**
 * Findings the harness adds to a failing check from what its exchanges show: every transport error, and —
 * when the check named no cause itself — an HTML page where JSON was expected. (Invalid UTF-8 is added
 * to every check whatever its status: see `invalidUtf8Finding`.)
 */
export function transportFindings(exchanges: readonly Exchange[], own: readonly Finding[]): Finding[] {
  const have = new Set(own.map((f) => f.id));
  const out: Finding[] = [];
  const add = (f: Finding | undefined) => {
    if (f && !have.has(f.id)) {
      have.add(f.id);
      out.push(f);
    }
  };
  for (const e of exchanges) add(findingForExchange(e));
  if (own.length === 0) {
    for (const e of exchanges) {
      for (const a of e.anomalies ?? []) {
        if (a === "invalid-utf8") continue;
        add({ id: ANOMALY_FINDING[a], args: { url: e.url, host: hostOf(e.url), status: e.status ?? 0, contentType: e.responseHeaders?.["content-type"] ?? "" } });
      }
    }
  }
  return out;
}

/**
 * Invalid UTF-8 is never the check's own subject, so a check would pass over U+FFFD replacement characters
 * without noticing: the runner adds this finding to any check that saw it (and makes a pass a warn).
 */
export function invalidUtf8Finding(exchanges: readonly Exchange[]): Finding | undefined {
  const e = exchanges.find((x) => x.anomalies?.includes("invalid-utf8"));
  if (!e) return undefined;
  return { id: ANOMALY_FINDING["invalid-utf8"], args: { url: e.url, host: hostOf(e.url), status: e.status ?? 0, contentType: e.responseHeaders?.["content-type"] ?? "" } };
}
