import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import type { SignatureV4 } from "@smithy/signature-v4";
import http from "node:http";
import https from "node:https";
import type { ConverseOutputLike } from "./chat/response.js";
import type { ConverseInput } from "./chat/types.js";

/**
 * Converse (non-streaming) without the AWS SDK's per-call middleware stack and schema serde, which were the
 * largest share of the gateway's CPU per request (@smithy/core ≈ 20 % of samples). The SDK client is still
 * the source of truth for what matters: its resolved credentials (the default chain, or the configured
 * ones), its SHA-256 implementation and its region. The request is the one the SDK sends (restJson1:
 * POST /model/{modelId}/converse, JSON body), signed with SigV4 by @smithy/signature-v4, over the same kind of
 * keep-alive agent. Failures become errors named like the SDK's exceptions (from `x-amzn-errortype` or the
 * body's `__type`/`code`), with the message and `$metadata.httpStatusCode`, so `mapBedrockError` treats
 * them the same.
 */
export class LeanConverse {
  private constructor(
    private readonly signer: SignatureV4,
    private readonly target: URL,
    private readonly agent: http.Agent,
    private readonly connectionTimeoutMs: number,
  ) {}

  static async create(client: BedrockRuntimeClient, endpoint: string | undefined, agents: { http: http.Agent; https: https.Agent }, connectionTimeoutMs: number): Promise<LeanConverse> {
    const { SignatureV4 } = await import("@smithy/signature-v4");
    const cfg = client.config;
    const region = await cfg.region();
    const signer = new SignatureV4({ credentials: cfg.credentials, region, service: "bedrock", sha256: cfg.sha256, uriEscapePath: true, applyChecksum: true });
    // The SDK's own precedence: the configured endpoint, then AWS_ENDPOINT_URL_BEDROCK_RUNTIME & co. (the
    // Lambda's way to point at an emulator), then the endpoint rules (FIPS / dual-stack settings included).
    const fromEnv = await (cfg as { serviceConfiguredEndpoint?: () => Promise<string | undefined> }).serviceConfiguredEndpoint?.();
    const custom = endpoint ?? fromEnv;
    const target = custom
      ? new URL(custom)
      : new URL(cfg.endpointProvider({ Region: region, UseFIPS: await cfg.useFipsEndpoint(), UseDualStack: await cfg.useDualstackEndpoint() }).url.href);
    return new LeanConverse(signer, target, target.protocol === "https:" ? agents.https : agents.http, connectionTimeoutMs);
  }

  async converse(input: ConverseInput, signal: AbortSignal): Promise<ConverseOutputLike> {
    const { modelId, ...rest } = input as unknown as { modelId: string } & Record<string, unknown>;
    const body = JSON.stringify(rest, bytesAsBase64);
    const t = this.target;
    const basePath = t.pathname === "/" ? "" : t.pathname.replace(/\/$/, "");
    const path = `${basePath}/model/${encodeURIComponent(modelId)}/converse`;
    const signed = await this.signer.sign({
      method: "POST",
      protocol: t.protocol,
      hostname: t.hostname,
      port: t.port ? Number(t.port) : undefined,
      path,
      query: {},
      headers: { host: t.host, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
      body,
    } as Parameters<SignatureV4["sign"]>[0]);
    signal.throwIfAborted();
    const res = await this.send(path, signed.headers as Record<string, string>, body, signal);
    const text = res.body.toString("utf8");
    if (res.status >= 200 && res.status < 300) return JSON.parse(text) as ConverseOutputLike;
    throw awsError(res.status, res.headers, text);
  }

  private send(path: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    const t = this.target;
    const mod = t.protocol === "https:" ? https : http;
    return new Promise((resolve, reject) => {
      let connectTimer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => req.destroy(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
      const done = () => {
        if (connectTimer !== undefined) clearTimeout(connectTimer);
        signal.removeEventListener("abort", onAbort);
      };
      const req = mod.request(
        { method: "POST", hostname: t.hostname, port: t.port || undefined, path, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            done();
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) });
          });
          res.on("error", (err) => {
            done();
            reject(err);
          });
        },
      );
      req.on("error", (err) => {
        done();
        reject(err);
      });
      req.on("socket", (socket) => {
        if (!socket.connecting) return;
        connectTimer = setTimeout(() => req.destroy(Object.assign(new Error("connection timed out"), { name: "TimeoutError" })), this.connectionTimeoutMs);
        socket.once("connect", () => clearTimeout(connectTimer));
      });
      signal.addEventListener("abort", onAbort, { once: true });
      req.end(body);
    });
  }
}

/** JSON.stringify replacer: Blob members (image bytes) are base64 on the wire, as the SDK sends them. */
function bytesAsBase64(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key]; // before toJSON (a Buffer would already be {type,data})
  return raw instanceof Uint8Array ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("base64") : value;
}

/** An error shaped like the SDK's service exceptions: `name`, `message`, `$metadata.httpStatusCode`. */
function awsError(status: number, headers: http.IncomingHttpHeaders, text: string): Error {
  let parsed: Record<string, unknown> = {};
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v === "object" && v !== null) parsed = v as Record<string, unknown>;
  } catch {
    // not JSON: name from the header or the status alone
  }
  const header = headers["x-amzn-errortype"];
  const raw = (typeof header === "string" ? header : undefined) ?? str(parsed.__type) ?? str(parsed.code) ?? str(parsed.Code) ?? "";
  const name = sanitizeErrorCode(raw) || (status >= 500 ? "InternalServerException" : "UnknownError");
  const message = str(parsed.message) ?? str(parsed.Message) ?? "";
  return Object.assign(new Error(message), { name, $fault: status >= 500 ? "server" : "client", $metadata: { httpStatusCode: status } });
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** As the SDK's restJson1 protocol: `Type:http://…` → `Type`, `ns#Type` → `Type`. */
function sanitizeErrorCode(raw: string): string {
  let s = raw;
  const colon = s.indexOf(":");
  if (colon >= 0) s = s.slice(0, colon);
  const hash = s.indexOf("#");
  if (hash >= 0) s = s.slice(hash + 1);
  return s.trim();
}
