import { Agent, request as undiciRequest, type Dispatcher } from "undici";
import { decodeUtf8, readBody } from "./body-reader.js";
import { createRedactor } from "./redact.js";
import { classifyError } from "./transport-error.js";
import type { Exchange, ExchangeAnomaly, HttpClient, HttpRequest, HttpResponse, SseEvent, SseResponse, Target, TransportError } from "./types.js";

/** The key sent with `auth: "wrong"`: public on purpose, so it may appear in reports. */
export const WRONG_KEY = "sk-bagcheck-wrong-key-0000000000";
export const DEFAULT_MAX_BYTES = 1024 * 1024;
/** Evidence keeps the first bytes of each body: enough to read an error, not a transcript. */
export const EVIDENCE_BODY_CHARS = 4096;
export const EVIDENCE_MAX_EVENTS = 500;

export interface HttpClientOptions {
  /** Where relative paths go: `${target.baseUrl}${path}`. */
  target: Pick<Target, "baseUrl">;
  /** The API key; sent only to the target's origin, redacted everywhere it is recorded. */
  key?: string;
  /** Default per-request deadline (headers and whole body), ms. */
  timeoutMs: number;
  /** TCP/TLS connect deadline (default: min(timeoutMs, 10 s)). */
  connectTimeoutMs?: number;
  /** Default cap on response bytes (1 MiB). */
  maxBytes?: number;
  /** Every exchange, redacted, as soon as it completes (the runner turns these into evidence). */
  onExchange?: (exchange: Exchange) => void;
  /** Called for every successful model call (POST …/chat/completions or …/embeddings answered 2xx). */
  onModelCall?: (call: { model?: string; promptTokens?: number; completionTokens?: number }) => void;
  /** Aborts every in-flight request (the runner's per-check timeout). */
  signal?: AbortSignal;
  /** Share one connection pool between clients; when absent the client owns an Agent (close() ends it). */
  dispatcher?: Dispatcher;
  /** Extra headers on every request (e.g. a User-Agent). */
  headers?: Record<string, string>;
}

export interface ClosableHttpClient extends HttpClient {
  close(): Promise<void>;
}

/** An Agent with bagcheck's timeouts; reuse it across clients of one run. */
export function createAgent(timeoutMs: number, connectTimeoutMs = Math.min(timeoutMs, 10_000)): Agent {
  return new Agent({ connect: { timeout: connectTimeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, keepAliveTimeout: 4_000 });
}

/** Join a base and a path without doubling or dropping the slash; absolute URLs pass through. */
export function resolveUrl(baseUrl: string, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
  return `${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

function encodeBody(body: unknown, headers: Record<string, string>): string | Buffer | undefined {
  if (body === undefined) return undefined;
  if (typeof body === "string" || Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (!Object.keys(headers).some((k) => k.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
  return JSON.stringify(body);
}

function looksLikeHtml(contentType: string | undefined, text: string): boolean {
  if (contentType?.toLowerCase().includes("text/html")) return true;
  return /^\s*<(!doctype|html|head|body|title|center|h1)\b/i.test(text);
}

/** Usage from a JSON body or from the last SSE chunk that carries it. */
function usageOf(json: unknown, events: SseEvent[]): { promptTokens?: number; completionTokens?: number } {
  const read = (v: unknown) => {
    const u = (v as { usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } } | undefined)?.usage;
    if (!u || typeof u !== "object") return undefined;
    return {
      promptTokens: typeof u.prompt_tokens === "number" ? u.prompt_tokens : undefined,
      completionTokens: typeof u.completion_tokens === "number" ? u.completion_tokens : undefined,
    };
  };
  for (let i = events.length - 1; i >= 0; i--) {
    try {
      const u = read(JSON.parse(events[i]?.data ?? ""));
      if (u) return u;
    } catch {
      // not JSON ([DONE]); keep looking
    }
  }
  return read(json) ?? {};
}

/**
 * The HTTP client checks use. Never follows redirects (a 3xx is recorded with a `redirect-blocked` error,
 * so the key never travels to another host), never sends the key to an origin other than the target's,
 * bounds every phase with a deadline, caps and decompresses bodies defensively, and records each exchange
 * with the key redacted.
 */
export function createHttpClient(opts: HttpClientOptions): ClosableHttpClient {
  const redactor = createRedactor(opts.key);
  const ownAgent = opts.dispatcher ? undefined : createAgent(opts.timeoutMs, opts.connectTimeoutMs);
  const dispatcher = opts.dispatcher ?? (ownAgent as Dispatcher);

  async function perform(req: HttpRequest, sse: boolean): Promise<SseResponse> {
    const method = (req.method ?? (sse || req.body !== undefined ? "POST" : "GET")).toUpperCase();
    const url = resolveUrl(opts.target.baseUrl, req.path);
    const auth = req.auth ?? "valid";
    const timeoutMs = req.timeoutMs ?? opts.timeoutMs;
    const maxBytes = req.maxBytes ?? opts.maxBytes ?? DEFAULT_MAX_BYTES;

    const headers: Record<string, string> = {
      "user-agent": "bagcheck",
      accept: sse ? "text/event-stream" : "application/json",
      ...opts.headers,
      ...req.headers,
    };
    // The key goes only to the target's own origin, even when a check passes an absolute URL.
    if (auth === "valid" && opts.key && sameOrigin(url, opts.target.baseUrl)) headers.authorization = `Bearer ${opts.key}`;
    if (auth === "wrong") headers.authorization = `Bearer ${WRONG_KEY}`;
    const body = encodeBody(req.body, headers);

    const start = performance.now();
    const clock = () => Math.round((performance.now() - start) * 10) / 10;
    const controller = new AbortController();
    let deadlineHit = false;
    const deadline = setTimeout(() => {
      deadlineHit = true;
      controller.abort(new Error(`no complete response within ${timeoutMs} ms`));
    }, timeoutMs);
    const onOuterAbort = () => controller.abort(opts.signal?.reason);
    if (opts.signal?.aborted) onOuterAbort();
    else opts.signal?.addEventListener("abort", onOuterAbort, { once: true });

    let status: number | undefined;
    let responseHeaders: Record<string, string> = {};
    let headersMs: number | undefined;
    let firstByteMs: number | undefined;
    let bytes: Buffer = Buffer.alloc(0);
    let total: number | undefined;
    let truncated = false;
    let events: SseEvent[] = [];
    let error: TransportError | undefined;

    try {
      const res = await undiciRequest(url, {
        method: method as Dispatcher.HttpMethod,
        headers,
        body,
        dispatcher,
        signal: controller.signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      headersMs = clock();
      status = res.statusCode;
      responseHeaders = flattenHeaders(res.headers);
      const read = await readBody(res.body, {
        maxBytes,
        contentEncoding: responseHeaders["content-encoding"],
        sse: sse && (responseHeaders["content-type"] ?? "").includes("text/event-stream"),
        clock,
      });
      ({ bytes, total, firstByteMs, events, truncated } = read);
      error = read.error;
      if (read.thrown) throw read.thrown;
    } catch (err) {
      error = deadlineHit
        ? headersMs === undefined
          ? { kind: "headers-timeout", message: `no response headers within ${timeoutMs} ms` }
          : { kind: "body-timeout", message: `response body did not finish within ${timeoutMs} ms` }
        : opts.signal?.aborted
          ? { kind: "aborted", message: "aborted: the check ran out of time" }
          : classifyError(err);
    } finally {
      clearTimeout(deadline);
      opts.signal?.removeEventListener("abort", onOuterAbort);
    }

    if (!error && status !== undefined && status >= 300 && status < 400 && responseHeaders.location) {
      const location = responseHeaders.location;
      let to = location;
      try {
        to = new URL(location, url).toString();
      } catch {
        // keep it as sent
      }
      const cross = !sameOrigin(to, url);
      error = {
        kind: "redirect-blocked",
        message: `${status} redirect to ${to} not followed${cross ? " (another origin: the key would not be sent there)" : ""}`,
      };
    }

    const decoded = decodeUtf8(bytes, truncated);
    const keyEchoed = redactor.contains(decoded.text) || redactor.contains(JSON.stringify(responseHeaders));
    const text = redactor.text(decoded.text);
    let json: unknown;
    if (text.trim() && !(sse && events.length)) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    const anomalies: ExchangeAnomaly[] = [];
    if (status !== undefined && looksLikeHtml(responseHeaders["content-type"], text)) anomalies.push("html-body");
    if (!decoded.valid) anomalies.push("invalid-utf8");
    const redactedEvents = events.map((e) => ({ ...e, data: redactor.text(e.data) }));

    const exchange: Exchange = {
      method,
      url: redactor.text(url),
      requestHeaders: redactor.headers(headers),
      timings: { headersMs, firstByteMs, totalMs: clock() },
      auth,
    };
    if (typeof body === "string") exchange.requestBody = redactor.text(body.slice(0, EVIDENCE_BODY_CHARS));
    else if (body) exchange.requestBody = `<${body.length} bytes>`;
    if (status !== undefined) {
      exchange.status = status;
      exchange.responseHeaders = redactor.headers(responseHeaders);
      exchange.responseBody = text.slice(0, EVIDENCE_BODY_CHARS);
      exchange.responseBytes = total;
    }
    if (sse || redactedEvents.length) exchange.events = redactedEvents.slice(0, EVIDENCE_MAX_EVENTS);
    if (error) exchange.error = { kind: error.kind, message: redactor.text(error.message) };
    if (anomalies.length) exchange.anomalies = anomalies;
    if (keyEchoed) exchange.keyEchoed = true;
    opts.onExchange?.(exchange);

    if (method === "POST" && status !== undefined && status >= 200 && status < 300 && /\/(chat\/completions|embeddings)\/?$/.test(new URL(url).pathname)) {
      const model = (req.body as { model?: unknown } | undefined)?.model;
      opts.onModelCall?.({ model: typeof model === "string" ? model : undefined, ...usageOf(json, events) });
    }

    return {
      exchange,
      status,
      headers: Object.fromEntries(Object.entries(responseHeaders).map(([k, v]) => [k, redactor.text(v)])),
      text,
      json,
      error: exchange.error,
      keyEchoed,
      events: redactedEvents,
      sawDone: redactedEvents.some((e) => e.data.trim() === "[DONE]"),
    };
  }

  return {
    request: (req) => perform(req, false) as Promise<HttpResponse>,
    stream: (req) => perform(req, true),
    close: async () => {
      await ownAgent?.close();
    },
  };
}
