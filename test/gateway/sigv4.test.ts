import { SignatureV4 } from "@smithy/signature-v4";
import type { Hash as SmithyHash, SourceData } from "@smithy/types";
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RequestSigner, type SignableRequest, type SigningCredentials } from "../../src/gateway/sigv4.js";

/** The SDK's Node SHA-256 (as @smithy/hash-node): a hash, or an HMAC when given a secret. */
class Sha256 implements SmithyHash {
  private readonly h: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.h = secret === undefined ? createHash("sha256") : createHmac("sha256", toBuffer(secret));
  }
  update(data: Uint8Array): void {
    this.h.update(data);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.h.digest());
  }
}

function toBuffer(s: SourceData): Buffer {
  return typeof s === "string" ? Buffer.from(s, "utf8") : ArrayBuffer.isView(s) ? Buffer.from(s.buffer, s.byteOffset, s.byteLength) : Buffer.from(s);
}

async function smithySigned(region: string, req: SignableRequest, credentials: SigningCredentials, date: Date): Promise<Record<string, string>> {
  const signer = new SignatureV4({ credentials, region, service: "bedrock", sha256: Sha256, uriEscapePath: true, applyChecksum: true });
  const [host, port] = req.headers.host!.split(":");
  const signed = await signer.sign(
    { method: req.method, protocol: "https:", hostname: host!, port: port ? Number(port) : undefined, path: req.path, query: {}, headers: req.headers, body: req.body },
    { signingDate: date },
  );
  return signed.headers as Record<string, string>;
}

const modelId = fc.oneof(
  fc.constantFrom("anthropic.claude-3-haiku-20240307-v1:0", "us.anthropic.claude-3-5-sonnet-20241022-v2:0", "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-2-1b-instruct-v1:0"),
  fc.string({ minLength: 1, maxLength: 40 }),
);
const request = fc.record({
  basePath: fc.constantFrom("", "/bedrock", "/a/./b/../c"),
  modelId,
  action: fc.constantFrom("converse", "converse-stream"),
  body: fc.string({ maxLength: 200, unit: "grapheme" }),
  host: fc.constantFrom("bedrock-runtime.us-east-1.amazonaws.com", "127.0.0.1:4010", "localhost:8080"),
  contentType: fc.constantFrom("application/json", "  application/json ", "application/json;\tcharset=utf-8"),
});
const credentials = fc.record(
  { accessKeyId: fc.stringMatching(/^[A-Z0-9]{16,20}$/), secretAccessKey: fc.string({ minLength: 1, maxLength: 40 }), sessionToken: fc.string({ minLength: 1, maxLength: 60 }) },
  { requiredKeys: ["accessKeyId", "secretAccessKey"] },
);
const region = fc.constantFrom("us-east-1", "ap-northeast-1", "eu-central-1");
const date = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-12-31T23:59:59Z"), noInvalidDate: true });

describe("the lean path's SigV4 signer", () => {
  it("produces exactly the headers @smithy/signature-v4 produces, for random requests, keys and dates", async () => {
    await fc.assert(
      fc.asyncProperty(request, credentials, region, date, async (r, creds, reg, when) => {
        const req: SignableRequest = {
          method: "POST",
          path: `${r.basePath}/model/${encodeURIComponent(r.modelId)}/${r.action}`,
          headers: { host: r.host, "content-type": r.contentType, "content-length": String(Buffer.byteLength(r.body)) },
          body: r.body,
        };
        expect(new RequestSigner(reg, "bedrock").sign(req, creds, when)).toEqual(await smithySigned(reg, req, creds, when));
      }),
      { numRuns: 300 },
    );
  });

  it("derives a new signing key when the day changes, not only on first use", async () => {
    const signer = new RequestSigner("us-east-1", "bedrock");
    const creds = { accessKeyId: "AKIAEXAMPLEEXAMPLE00", secretAccessKey: "secret" };
    const req: SignableRequest = { method: "POST", path: "/model/m/converse", headers: { host: "h", "content-type": "application/json", "content-length": "2" }, body: "{}" };
    const day1 = new Date("2026-12-07T23:59:59Z");
    const day2 = new Date("2026-12-08T00:00:01Z");
    signer.sign(req, creds, day1);
    expect(signer.sign(req, creds, day2)).toEqual(await smithySigned("us-east-1", req, creds, day2));
  });

  it("derives a new signing key when the credentials rotate", async () => {
    const signer = new RequestSigner("us-east-1", "bedrock");
    const req: SignableRequest = { method: "POST", path: "/model/m/converse", headers: { host: "h", "content-type": "application/json", "content-length": "2" }, body: "{}" };
    const when = new Date("2026-12-07T12:00:00Z");
    signer.sign(req, { accessKeyId: "AKIAOLDOLDOLDOLDOLD0", secretAccessKey: "old" }, when);
    const rotated = { accessKeyId: "AKIANEWNEWNEWNEWNEW0", secretAccessKey: "new", sessionToken: "token" };
    expect(signer.sign(req, rotated, when)).toEqual(await smithySigned("us-east-1", req, rotated, when));
  });
});
