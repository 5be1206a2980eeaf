import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import http from "node:http";
import https from "node:https";
import type { ConverseOutputLike } from "./chat/response.js";
import type { StreamEvent } from "./chat/stream.js";
import type { ConverseInput } from "./chat/types.js";
import type { EventStreamCodec } from "@smithy/eventstream-codec";
import type { Message } from "@smithy/types";
import { readMessage } from "./read-message.js";
import { RequestSigner, type SigningCredentials } from "./sigv4.js";

/**
 * Converse (non-streaming) without the AWS SDK's per-call middleware stack and schema serde, which were the
 * largest share of the gateway's CPU per request (@smithy/core ≈ 20 % of samples). The SDK client is still
 * the source of truth for what matters: its resolved credentials (the default chain, or the configured
 * ones), its region and its endpoint. The request is the one the SDK sends (restJson1:
 * POST /model/{modelId}/converse, JSON body), signed with SigV4 (./sigv4.ts, checked against
 * @smithy/signature-v4), over the same kind of keep-alive agent. Failures become errors named like the SDK's exceptions (from `x-amzn-errortype` or the
 * body's `__type`/`code`), with the message and `$metadata.httpStatusCode`, so `mapBedrockError` treats
 * them the same.
 */
let sharedCodec: Promise<EventStreamCodec> | undefined;

export class LeanConverse {
  private constructor(
    private readonly signer: RequestSigner,
    private readonly credentials: () => Promise<SigningCredentials>,
    private readonly target: URL,
    private readonly agent: http.Agent,
    private readonly connectionTimeoutMs: number,
  ) {}

  static async create(client: BedrockRuntimeClient, endpoint: string | undefined, agents: { http: http.Agent; https: https.Agent }, connectionTimeoutMs: number): Promise<LeanConverse> {
    const cfg = client.config;
    const region = await cfg.region();
    const signer = new RequestSigner(region, "bedrock");
    // The SDK's resolved provider: the default chain or the configured keys, refreshed before they expire.
    const credentials = () => cfg.credentials();
    // The SDK's own precedence: the configured endpoint, then AWS_ENDPOINT_URL_BEDROCK_RUNTIME & co. (the
    // Lambda's way to point at an emulator), then the endpoint rules (FIPS / dual-stack settings included).
    const fromEnv = await (cfg as { serviceConfiguredEndpoint?: () => Promise<string | undefined> }).serviceConfiguredEndpoint?.();
    const custom = endpoint ?? fromEnv;
    const target = custom
      ? new URL(custom)
      : new URL(cfg.endpointProvider({ Region: region, UseFIPS: await cfg.useFipsEndpoint(), UseDualStack: await cfg.useDualstackEndpoint() }).url.href);
    return new LeanConverse(signer, credentials, target, target.protocol === "https:" ? agents.https : agents.http, connectionTimeoutMs);
  }

  async converse(input: ConverseInput, signal: AbortSignal): Promise<ConverseOutputLike> {
    const res = await this.call("converse", input, signal);
    const text = (await readMessage(res)).toString("utf8");
    if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) return JSON.parse(text) as ConverseOutputLike;
    throw awsError(res.statusCode ?? 0, res.headers, text);
  }

  /**
   * ConverseStream: resolves once Bedrock answered the request (an error status rejects, as the SDK's send
   * does), with the events as the SDK yields them (`{ contentBlockDelta: {…} }`, …). An exception message in
   * the stream is thrown by the iterator with the exception's name; ending the iteration (or the signal)
   * destroys the connection, which is how Bedrock learns the caller went away.
   */
  async converseStream(input: ConverseInput, signal: AbortSignal): Promise<AsyncIterable<StreamEvent>> {
    const res = await this.call("converse-stream", input, signal);
    if (res.statusCode === undefined || res.statusCode < 200 || res.statusCode >= 300) throw awsError(res.statusCode ?? 0, res.headers, (await readMessage(res)).toString("utf8"));
    return this.events(res);
  }

  private async *events(res: http.IncomingMessage): AsyncGenerator<StreamEvent> {
    const codec = await this.codec();
    let pending: Buffer | undefined; // bytes of a message split across reads
    try {
      for await (const chunk of res as AsyncIterable<Buffer>) {
        let buf = pending ? Buffer.concat([pending, chunk]) : chunk;
        pending = undefined;
        // Each message starts with its total length (4 bytes, big-endian); the codec decodes whole messages.
        while (buf.length >= 4) {
          const total = buf.readUInt32BE(0);
          if (total < 16) throw Object.assign(new Error("malformed event stream message"), { name: "EventStreamError" });
          if (buf.length < total) break;
          const msg = codec.decode(buf.subarray(0, total));
          buf = buf.subarray(total);
          yield toEvent(msg);
        }
        if (buf.length > 0) pending = Buffer.from(buf);
      }
      if (pending) throw Object.assign(new Error("the event stream ended inside a message"), { name: "EventStreamError" });
    } finally {
      if (!res.complete) res.destroy();
    }
  }

  private codec(): Promise<EventStreamCodec> {
    // The codec is stateless: load and build it once, on the first stream, not on every stream.
    sharedCodec ??= Promise.all([import("@smithy/eventstream-codec"), import("@smithy/util-utf8")]).then(
      ([{ EventStreamCodec }, { toUtf8, fromUtf8 }]) => new EventStreamCodec(toUtf8, fromUtf8),
    );
    return sharedCodec;
  }

  private async call(action: "converse" | "converse-stream", input: ConverseInput, signal: AbortSignal): Promise<http.IncomingMessage> {
    const { modelId, ...rest } = input as unknown as { modelId: string } & Record<string, unknown>;
    const body = JSON.stringify(rest, bytesAsBase64);
    const t = this.target;
    const basePath = t.pathname === "/" ? "" : t.pathname.replace(/\/$/, "");
    const path = `${basePath}/model/${encodeURIComponent(modelId)}/${action}`;
    const headers = this.signer.sign(
      { method: "POST", path, headers: { host: t.host, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) }, body },
      await this.credentials(),
    );
    signal.throwIfAborted();
    return this.send(path, headers, body, signal);
  }

  /** Resolves with the response (body unread); the signal destroys the request, before or after that. */
  private send(path: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<http.IncomingMessage> {
    const t = this.target;
    const mod = t.protocol === "https:" ? https : http;
    return new Promise((resolve, reject) => {
      let connectTimer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => req.destroy(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
      const req = mod.request({ method: "POST", hostname: t.hostname, port: t.port || undefined, path, headers, agent: this.agent }, (res) => {
        if (connectTimer !== undefined) clearTimeout(connectTimer);
        res.once("close", () => signal.removeEventListener("abort", onAbort));
        resolve(res);
      });
      req.on("error", (err) => {
        if (connectTimer !== undefined) clearTimeout(connectTimer);
        signal.removeEventListener("abort", onAbort);
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

const utf8 = new TextDecoder();

/** One event-stream message → the SDK's event shape, or the exception it carries, thrown with its name. */
function toEvent(msg: Message): StreamEvent {
  const h = msg.headers;
  const type = h[":message-type"]?.value;
  const payload = utf8.decode(msg.body);
  if (type === "event") {
    const name = String(h[":event-type"]?.value ?? "");
    return { [name]: payload === "" ? {} : (JSON.parse(payload) as unknown) } as StreamEvent;
  }
  if (type === "exception") {
    // The wire names the event member (`modelStreamErrorException`); the SDK's error class is capitalised.
    const member = String(h[":exception-type"]?.value ?? "unknownError");
    const name = member.charAt(0).toUpperCase() + member.slice(1);
    let message = "";
    try {
      const v = JSON.parse(payload) as { message?: unknown; Message?: unknown };
      message = typeof v.message === "string" ? v.message : typeof v.Message === "string" ? v.Message : "";
    } catch {
      message = payload;
    }
    throw Object.assign(new Error(message), { name });
  }
  throw Object.assign(new Error(String(h[":error-message"]?.value ?? "event stream error")), { name: String(h[":error-code"]?.value ?? "UnknownError") });
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
