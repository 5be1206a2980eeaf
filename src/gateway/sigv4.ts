import { createHash, createHmac } from "node:crypto";

/**
 * AWS Signature Version 4 in header form, for the requests the lean Converse path sends (no query string,
 * a string body). @smithy/signature-v4 computes the same thing, but per request it clones the request,
 * re-derives a cache key with an extra HMAC and converts every digest through Uint8Array and hex helpers: the
 * largest share of the gateway's allocations per chat call after the request itself (≈ 15 %). This does it
 * with one hash, one HMAC chain (the signing key is kept for the day) and one HMAC.
 * test/gateway/sigv4.test.ts checks its output is byte-for-byte @smithy/signature-v4's for random requests.
 */

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignableRequest {
  method: string;
  /** The path as sent on the wire (already percent-encoded once). */
  path: string;
  headers: Record<string, string>;
  body: string;
}

const ALGORITHM = "AWS4-HMAC-SHA256";

export class RequestSigner {
  private key: { scope: string; secret: string; value: Buffer } | undefined;

  constructor(private readonly region: string, private readonly service: string) {}

  /** The request's headers plus x-amz-date, x-amz-content-sha256, x-amz-security-token and authorization. */
  sign(request: SignableRequest, credentials: SigningCredentials, now: Date = new Date()): Record<string, string> {
    const iso = now.toISOString(); // 2026-12-07T22:20:09.123Z → 20261207T222009Z
    const longDate = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
    const shortDate = longDate.slice(0, 8);
    const scope = `${shortDate}/${this.region}/${this.service}/aws4_request`;
    const payloadHash = createHash("sha256").update(request.body, "utf8").digest("hex");
    const headers: Record<string, string> = { ...request.headers, "x-amz-date": longDate, "x-amz-content-sha256": payloadHash };
    if (credentials.sessionToken) headers["x-amz-security-token"] = credentials.sessionToken;

    const lower: Record<string, string> = {};
    for (const [n, v] of Object.entries(headers)) lower[n.toLowerCase()] = canonicalValue(v);
    const names = Object.keys(lower).sort();
    const signedHeaders = names.join(";");
    let canonicalHeaders = "";
    for (const n of names) canonicalHeaders += `${n}:${lower[n]}\n`;
    const canonicalRequest = `${request.method}\n${canonicalPath(request.path)}\n\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`;
    const stringToSign = `${ALGORITHM}\n${longDate}\n${scope}\n${createHash("sha256").update(canonicalRequest, "utf8").digest("hex")}`;
    const signature = createHmac("sha256", this.signingKey(scope, shortDate, credentials.secretAccessKey)).update(stringToSign, "utf8").digest("hex");
    headers.authorization = `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    return headers;
  }

  private signingKey(scope: string, shortDate: string, secret: string): Buffer {
    if (this.key?.scope === scope && this.key.secret === secret) return this.key.value;
    let key: Buffer | string = `AWS4${secret}`;
    for (const part of [shortDate, this.region, this.service, "aws4_request"]) key = createHmac("sha256", key).update(part, "utf8").digest();
    this.key = { scope, secret, value: key as Buffer };
    return this.key.value;
  }
}

const NEEDS_TRIM = /[\r\n\t]| {2}|^ | $/;

function canonicalValue(v: string): string {
  if (!NEEDS_TRIM.test(v)) return v;
  return v.replace(/[\r\n]/g, " ").replace(/[ \t]+/g, " ").replace(/^ | $/g, "");
}

/** As the signer for every service but S3: dot segments resolved, then each byte escaped again. */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const s of path.split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") segments.pop();
    else segments.push(s);
  }
  const normalized = `${path.startsWith("/") ? "/" : ""}${segments.join("/")}${segments.length > 0 && path.endsWith("/") ? "/" : ""}`;
  return encodeURIComponent(normalized)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2F/g, "/");
}
