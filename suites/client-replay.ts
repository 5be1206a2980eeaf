import {
  describeHttpError,
  getProfile,
  joinClientUrl,
  pageFindings,
  pageOrigin,
  urlFindings,
  type ClientProfile,
} from "../src/clients/index.js";
import type { Finding } from "../src/explain/index.js";
import type { Check, CheckContext, CheckOutcome, HttpResponse, Suite } from "../src/harness/index.js";
import { listHeader, originAllowed } from "./support/cors.js";

/**
 * Replays each client exactly as it calls a gateway: the URL it builds from what the person typed, its headers,
 * its Origin and preflight when a browser calls, its default body. A blocked or misrouted call does not end the
 * replay: later checks call the working URL, so every cause behind the first one is found too.
 */
export interface ClientReplayOptions {
  /**
   * What the person typed into the client; may name a host (an ALB) that only stands for the target's socket.
   * Default: the run's `target.enteredUrl`.
   */
  enteredUrl?: string;
  /** The model the person selected; absent: the client's default (NextChat v2.13: gpt-3.5-turbo). */
  model?: string;
}

const suite = "client-replay";
/** The CORS-safelisted request headers (Fetch standard): a preflight never asks for these. */
const safelisted = new Set(["accept", "accept-language", "content-language"]);

const pass = (message?: string): CheckOutcome => ({ status: "pass", ...(message ? { message } : {}) });
const outcome = (status: "fail" | "warn", message: string, findings: Finding[]): CheckOutcome => ({ status, message, findings });

/** The client's headers as the harness sends them (lower-case names override its defaults). */
function wireHeaders(profile: ClientProfile, origin: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(profile.headers)) if (k.toLowerCase() !== "authorization") out[k.toLowerCase()] = v;
  if (origin) out.origin = origin;
  return out;
}

/** The bytes go to the target's socket; the URL keeps the path the client built. */
function onSocket(ctx: CheckContext, clientUrl: string): string {
  const u = new URL(clientUrl);
  return `${new URL(ctx.target.baseUrl).origin}${u.pathname}${u.search}`;
}

function workingChatUrl(ctx: CheckContext, profile: ClientProfile): string {
  return `${ctx.target.baseUrl.replace(/\/+$/, "")}/${profile.paths.chat}`;
}

function enteredOf(ctx: CheckContext, opts: ClientReplayOptions): string {
  return opts.enteredUrl ?? ctx.target.enteredUrl;
}

function body(profile: ClientProfile, opts: ClientReplayOptions, messages: unknown[]): Record<string, unknown> {
  return { ...profile.chatBody, ...(opts.model ? { model: opts.model } : {}), messages };
}

function shown(profile: ClientProfile, res: HttpResponse): string {
  return describeHttpError(profile, { status: res.status ?? 0, contentType: res.headers["content-type"], body: res.text });
}

/** Send the client's chat call: streamed when the client streams by default. */
function send(ctx: CheckContext, profile: ClientProfile, url: string, payload: Record<string, unknown>, origin: string | undefined): Promise<HttpResponse> {
  const req = { method: "POST", path: url, headers: wireHeaders(profile, origin), body: payload };
  return payload.stream === true ? ctx.http.stream(req) : ctx.http.request(req);
}

function servedModel(res: HttpResponse): string | undefined {
  const fromJson = (v: unknown): string | undefined =>
    v && typeof v === "object" && typeof (v as { model?: unknown }).model === "string" ? (v as { model: string }).model : undefined;
  const direct = fromJson(res.json);
  if (direct) return direct;
  for (const e of (res as { events?: { data: string }[] }).events ?? []) {
    try {
      const m = fromJson(JSON.parse(e.data));
      if (m) return m;
    } catch {
      // [DONE] and keep-alives are not JSON.
    }
  }
  return undefined;
}

function urlCheck(profile: ClientProfile, opts: ClientReplayOptions): Check {
  return {
    id: `${suite}.${profile.id}.url`,
    suite,
    title: `${profile.name}: the URL it builds from ${opts.enteredUrl ?? "the entered URL"} reaches the chat route`,
    finds: ["base-url-double-v1", "base-url-wrong-path", "base-url-https-prefixed"],
    run: async (ctx) => {
      const entered = enteredOf(ctx, opts);
      const called = joinClientUrl(profile, entered, "chat");
      const findings = urlFindings(profile, entered, ctx.target.baseUrl);
      if (findings.length === 0) return pass(`calls ${called}`);
      const f = findings[0]!;
      if (f.id === "base-url-https-prefixed") return outcome("fail", `would call ${called}`, findings);
      const origin = profile.caller === "browser" ? pageOrigin(profile, ctx.options) : undefined;
      const res = await send(ctx, profile, onSocket(ctx, called), body(profile, opts, [{ role: "user", content: "Say OK." }]), origin);
      const args = { ...f.args, status: res.status ?? 0, shown: res.status !== undefined && res.status >= 400 ? shown(profile, res) : res.text.slice(0, 200) };
      return outcome("fail", `calls ${called}: ${res.status ?? res.error?.kind}`, [{ id: f.id, args }]);
    },
  };
}

function pageCheck(profile: ClientProfile, opts: ClientReplayOptions): Check {
  return {
    id: `${suite}.${profile.id}.page`,
    suite,
    title: `${profile.name}: the page is allowed to call the gateway (mixed content)`,
    finds: ["mixed-content-http-gateway", "desktop-needs-https"],
    run: async (ctx) => {
      const called = joinClientUrl(profile, enteredOf(ctx, opts), "chat");
      const findings = pageFindings(profile, ctx.options.origin, called);
      const page = pageOrigin(profile, ctx.options);
      if (findings.length === 0) return pass(`${page} may call ${new URL(called).origin}`);
      ctx.note("blocked before sending; the replay goes on as if it were allowed, to find what lies behind");
      return outcome("fail", `${page} → ${called}: blocked as mixed content, no request is sent`, findings);
    },
  };
}

function preflightCheck(profile: ClientProfile): Check {
  return {
    id: `${suite}.${profile.id}.preflight`,
    suite,
    title: `${profile.name}: the browser's preflight for its chat call is allowed`,
    finds: ["cors-preflight-requires-auth", "cors-not-enabled", "cors-allow-headers-missing-authorization", "cors-allow-headers-incomplete"],
    run: async (ctx) => {
      const origin = pageOrigin(profile, ctx.options);
      const asked = [...Object.keys(wireHeaders(profile, undefined)).filter((h) => !safelisted.has(h)), "authorization"].sort();
      const res = await ctx.http.request({
        method: "OPTIONS",
        path: workingChatUrl(ctx, profile),
        auth: "none",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": asked.join(", ") },
      });
      if (res.status === undefined) return outcome("fail", `no answer: ${res.error?.kind}`, []);
      if (res.status === 401 || res.status === 403) {
        return outcome("fail", `preflight got ${res.status}`, [{ id: "cors-preflight-requires-auth", args: { status: res.status, origin } }]);
      }
      if (res.status >= 300 || !originAllowed(res, origin)) {
        return outcome("fail", `preflight got ${res.status} without Access-Control-Allow-Origin for ${origin}`, [{ id: "cors-not-enabled", args: { status: res.status, origin } }]);
      }
      const allowed = listHeader(res, "access-control-allow-headers");
      if (!allowed.includes("authorization")) {
        return outcome("fail", "authorization is not allowed", [{ id: "cors-allow-headers-missing-authorization", args: { allowHeaders: res.headers["access-control-allow-headers"] ?? "none" } }]);
      }
      const missing = asked.filter((h) => !allowed.includes(h) && !allowed.includes("*"));
      if (missing.length > 0) {
        return outcome("fail", `not allowed: ${missing.join(", ")}`, [{ id: "cors-allow-headers-incomplete", args: { missing: missing.join(", "), allowHeaders: res.headers["access-control-allow-headers"] ?? "none" } }]);
      }
      return pass(`${res.status}, allows ${origin} and ${asked.join(", ")}`);
    },
  };
}

function chatCheck(profile: ClientProfile, opts: ClientReplayOptions): Check {
  const stream = profile.stream.default;
  return {
    id: `${suite}.${profile.id}.chat`,
    suite,
    title: `${profile.name}: its default chat request (${stream ? "streamed" : "not streamed"}) gets a usable answer`,
    finds: [
      "client-default-request-rejected",
      "default-model-silently-replaced",
      "sse-wrong-content-type",
      "sse-buffered-by-front",
      "first-byte-timeout-buffered",
      "cors-missing-on-response",
      "stream-error-cors-less-500",
    ],
    run: async (ctx) => {
      const origin = profile.caller === "browser" ? pageOrigin(profile, ctx.options) : undefined;
      const payload = body(profile, opts, [{ role: "user", content: "Say OK." }]);
      const res = await send(ctx, profile, workingChatUrl(ctx, profile), payload, origin);
      if (res.status === undefined) return outcome("fail", `no answer: ${res.error?.kind ?? "unknown"}`, []);
      const broken: Finding[] = [];
      const degraded: Finding[] = [];
      const readable = !origin || originAllowed(res, origin);
      if (res.status >= 400) {
        if (!readable && stream && res.status >= 500) {
          broken.push({ id: "stream-error-cors-less-500", args: { status: res.status, contentType: res.headers["content-type"] ?? "none" } });
        } else if (!readable) {
          broken.push({ id: "cors-missing-on-response", args: { status: res.status, origin: origin ?? "" } });
        }
        broken.push({ id: "client-default-request-rejected", args: { client: profile.name, model: String(payload.model), status: res.status, shown: readable ? shown(profile, res) : "Failed to fetch" } });
        return outcome("fail", `${res.status}: ${res.text.slice(0, 160)}`, broken);
      }
      if (!readable) broken.push({ id: "cors-missing-on-response", args: { status: res.status, origin: origin ?? "" } });
      const served = servedModel(res);
      if (served && served !== payload.model) degraded.push({ id: "default-model-silently-replaced", args: { requested: String(payload.model), served } });
      if (stream) {
        const type = res.headers["content-type"] ?? "none";
        if (profile.stream.requiresEventStreamContentType && !type.includes("text/event-stream")) {
          broken.push({ id: "sse-wrong-content-type", args: { contentType: type } });
        }
        // A Content-Length on a stream means the whole body existed before the first byte was sent.
        if (res.headers["content-length"] !== undefined && type.includes("text/event-stream")) {
          degraded.push({ id: "sse-buffered-by-front", args: { model: String(payload.model), contentLength: res.headers["content-length"] } });
          if (profile.stream.firstByteTimeoutMs !== undefined) {
            degraded.push({ id: "first-byte-timeout-buffered", args: { client: profile.name, timeoutS: Math.round(profile.stream.firstByteTimeoutMs / 1000) } });
          }
        }
      }
      const all = [...broken, ...degraded];
      if (all.length === 0) return pass(`${res.status}${served ? `, model ${served}` : ""}`);
      return outcome(broken.length > 0 ? "fail" : "warn", all.map((f) => f.id).join(", "), all);
    },
  };
}

/** Any Bedrock error raised after the stream began (here: a conversation that starts with the assistant). */
function streamErrorCheck(profile: ClientProfile, opts: ClientReplayOptions): Check {
  return {
    id: `${suite}.${profile.id}.stream-error`,
    suite,
    title: `${profile.name}: a Bedrock error during its stream reaches the page readable`,
    finds: ["stream-error-cors-less-500", "cors-missing-on-errors"],
    run: async (ctx) => {
      const origin = pageOrigin(profile, ctx.options);
      const messages = [{ role: "assistant", content: "Hello." }, { role: "user", content: "Say OK." }];
      const res = await send(ctx, profile, workingChatUrl(ctx, profile), body(profile, opts, messages), origin);
      if (res.status === undefined) return outcome("fail", `no answer: ${res.error?.kind ?? "unknown"}`, []);
      if (res.status < 400) return pass(`${res.status}: the gateway answered in the stream`);
      if (originAllowed(res, origin)) return pass(`${res.status} with CORS headers: the page can read it`);
      const what = `${res.status} ${res.headers["content-type"] ?? ""} without Access-Control-Allow-Origin`;
      // A 4xx refused before streaming is a plain CORS gap; a 5xx is the error raised once the stream began.
      if (res.status < 500) return outcome("fail", what, [{ id: "cors-missing-on-errors", args: { request: "streamed chat, assistant first", status: res.status, origin } }]);
      return outcome("fail", what, [{ id: "stream-error-cors-less-500", args: { status: res.status, contentType: res.headers["content-type"] ?? "none" } }]);
    },
  };
}

function checksFor(profile: ClientProfile, opts: ClientReplayOptions): Check[] {
  const browser = profile.caller === "browser";
  return [
    urlCheck(profile, opts),
    ...(browser ? [pageCheck(profile, opts), preflightCheck(profile)] : []),
    chatCheck(profile, opts),
    ...(browser && profile.stream.default ? [streamErrorCheck(profile, opts)] : []),
  ];
}

/** One group of checks per client profile; unknown ids are an error the CLI reports as a usage error. */
export function clientReplaySuite(profileIds: string[], opts: ClientReplayOptions = {}): Suite {
  const chosen = profileIds.map((id) => {
    const p = getProfile(id);
    if (!p) throw new Error(`unknown client "${id}"`);
    return p;
  });
  return { id: suite, title: "Client replays", checks: chosen.flatMap((p) => checksFor(p, opts)) };
}
