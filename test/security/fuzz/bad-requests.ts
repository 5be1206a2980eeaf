import fc from "fast-check";

/**
 * Generated requests for the gateway fuzz: a valid chat request with at least one corruption that a
 * correct gateway must refuse with a 4xx (`mustFail`), plus noise that must not turn a refusal into a
 * crash (prototype keys, odd content types, huge headers, invalid UTF-8, unknown fields).
 */
export interface FuzzRequest {
  method: string;
  /** Path under the gateway's prefix, e.g. `/chat/completions`. */
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** Every correct gateway answers this with a 4xx. When false, 2xx is allowed too (never 5xx). */
  mustFail: boolean;
  /** What was broken, for the failure message. */
  why: string;
}

export interface FuzzContext {
  key: string;
  model: string;
  /** The gateway's body limit in bytes (the fuzz configures a small one so 413s are cheap). */
  bodyLimitBytes: number;
}

type Json = unknown;

interface Corruption {
  why: string;
  /** Rewrites the valid body; a string result is sent as-is (broken JSON). */
  body?: (valid: Record<string, Json>) => Json | { raw: string | Uint8Array };
  method?: string;
  path?: string;
  auth?: "none" | "wrong" | "basic" | "empty";
}

const enc = new TextEncoder();

/** Nested arrays `depth` deep, built as text so no stringifier recurses. */
function deepArray(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

const hugeString = fc.integer({ min: 70_000, max: 120_000 }).map((n) => "x".repeat(n));

function corruptions(ctx: FuzzContext): fc.Arbitrary<Corruption> {
  const replace = (field: string, values: fc.Arbitrary<Json>, why: string) =>
    values.map((v): Corruption => ({ why: `${why}: ${field}=${preview(v)}`, body: (b) => (v === undefined ? omit(b, field) : { ...b, [field]: v }) }));
  const message = (m: fc.Arbitrary<Json>, why: string) => m.map((v): Corruption => ({ why: `${why}: ${preview(v)}`, body: (b) => ({ ...b, messages: [v] }) }));
  const badPart = fc.oneof(
    fc.constant(null),
    fc.constant(42),
    fc.constant("text"),
    fc.record({ type: fc.constantFrom("video", "audio", "file", "input_audio", "", "TEXT") }),
    fc.record({ type: fc.constant("text"), text: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 })) }),
    fc.record({ type: fc.constant("image_url"), image_url: fc.oneof(fc.constant(null), fc.integer(), fc.record({ url: fc.oneof(fc.integer(), fc.constant(null)) })) }),
    // Not base64, or base64 of something that is not an image, or a format Bedrock does not take.
    fc.constantFrom("data:image/png;base64,%%%not-base64%%%", "data:image/png;base64,", "data:image/svg+xml;base64,PHN2Zz4=", "data:text/plain;base64,aGk=", "data:image/png,rawbytes", "javascript:alert(1)", "file:///etc/passwd").map((url) => ({ type: "image_url", image_url: { url } })),
    // Remote URLs are refused by default (SSRF), whatever they point at.
    fc.constantFrom("http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:1/x.png", "http://[::1]/x.png", "https://example.com/cat.png", "http://10.0.0.1/x.png", "http://[fd00:ec2::254]/").map((url) => ({ type: "image_url", image_url: { url } })),
  );
  return fc.oneof(
    // Not JSON at all, or JSON cut short.
    fc.oneof(fc.string({ minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 60 })).map((s): Corruption => ({
      why: "broken JSON",
      body: (b) => {
        const text = JSON.stringify(b);
        const raw = typeof s === "number" ? text.slice(0, Math.max(1, text.length - s)) : `{${s}`;
        return { raw };
      },
    })),
    // Invalid UTF-8 where JSON structure is expected.
    fc.constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xfe]).map((bytes): Corruption => ({
      why: `invalid UTF-8 bytes ${bytes.join(",")} in JSON structure`,
      body: (b) => {
        const text = enc.encode(JSON.stringify(b));
        const out = new Uint8Array(text.length + bytes.length);
        out.set(bytes, 0);
        out.set(text, bytes.length);
        return { raw: out };
      },
    })),
    fc.oneof(fc.array(fc.anything(), { maxLength: 3 }), fc.integer(), fc.string(), fc.constant(null), fc.boolean()).map((v): Corruption => ({ why: `body is not an object: ${preview(v)}`, body: () => v })),
    replace("model", fc.oneof(fc.constant(undefined), fc.integer(), fc.constant(null), fc.constant(""), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }), hugeString, fc.string({ minLength: 1, maxLength: 40 }).map((s) => `no-such-model-${s}`)), "bad model"),
    replace("messages", fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant([]), fc.object({ maxDepth: 1 }), fc.string(), fc.integer()), "bad messages"),
    message(fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.integer(), { maxLength: 2 })), "message not an object"),
    message(fc.record({ role: fc.oneof(fc.constantFrom("robot", "", "USER", "function"), fc.integer(), fc.constant(null)), content: fc.constant("hi") }), "bad role"),
    message(fc.record({ role: fc.constant("user"), content: fc.oneof(fc.integer(), fc.object({ maxDepth: 1 }), fc.boolean()) }), "content of the wrong type"),
    message(fc.array(badPart, { minLength: 1, maxLength: 3 }).map((parts) => ({ role: "user", content: parts })), "bad content part"),
    message(fc.record({ role: fc.constant("tool"), content: fc.constant("42") }), "tool message without tool_call_id"),
    message(
      fc.record({ role: fc.constant("assistant"), content: fc.constant(""), tool_calls: fc.oneof(fc.constant([null]), fc.constant([{ id: "c1" }]), fc.constant([{ id: "c1", type: "function", function: { name: "f", arguments: "{not json" } }])) }),
      "bad tool_calls",
    ),
    fc.integer({ min: 2_000, max: 50_000 }).map((depth): Corruption => ({ why: `messages nested ${depth} deep`, body: (b) => ({ raw: JSON.stringify({ ...b, messages: "__DEEP__" }).replace('"__DEEP__"', deepArray(depth)) }) })),
    replace("max_tokens", fc.oneof(fc.integer({ min: -1_000_000, max: 0 }), fc.constantFrom(1.5, "16", true, -0.5, 1e12, 2 ** 53, Number.MAX_SAFE_INTEGER * 4)), "bad max_tokens"),
    replace("n", fc.integer({ min: 2, max: 1_000 }), "n > 1"),
    replace("tools", fc.constantFrom([null], [{ type: "retrieval" }], [{ type: "function" }], [{ type: "function", function: { name: 42 } }]), "bad tools"),
    replace("response_format", fc.constantFrom({ type: "yaml" }, { type: 42 }), "bad response_format"),
    fc.constant<Corruption>({ why: "body over the limit", body: (b) => ({ raw: JSON.stringify({ ...b, padding: "p".repeat(ctx.bodyLimitBytes + 1) }) }) }),
    fc.constantFrom<Corruption["auth"]>("none", "wrong", "basic", "empty").map((auth): Corruption => ({ why: `auth ${auth}`, auth })),
    fc.constantFrom("/chat/completion", "/chat/completions/extra", "/models/../../etc/passwd", "/%00", "/v1/chat/completions", "/completions2", "/embeddings/x").map((path): Corruption => ({ why: `unknown path ${path}`, path })),
    fc.constantFrom("PUT", "DELETE", "PATCH").map((method): Corruption => ({ why: `method ${method}`, method })),
  );
}

function omit(b: Record<string, Json>, field: string): Record<string, Json> {
  const { [field]: _dropped, ...rest } = b;
  return rest;
}

function preview(v: unknown): string {
  let s: string;
  try {
    s = typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > 80 ? `${s.slice(0, 80)}…(${s.length})` : s;
}

/** Noise that must never change a refusal into a crash. */
const noise = fc.record({
  contentType: fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=latin1", "", "*/*"),
  protoKeys: fc.boolean(),
  unknownFields: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !["model", "messages", "stream", "max_tokens"].includes(k)), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  hugeHeader: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 64 * 1024 })),
  stream: fc.boolean(),
  badUtf8InContent: fc.boolean(),
});

export function badRequests(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc.tuple(corruptions(ctx), noise).map(([c, n]) => {
    const valid: Record<string, Json> = { model: ctx.model, messages: [{ role: "user", content: "Say hi." }], max_tokens: 16, stream: n.stream, ...n.unknownFields };
    const produced = c.body ? c.body(valid) : valid;
    let body: Uint8Array;
    if (produced && typeof produced === "object" && "raw" in produced) {
      const raw = (produced as { raw: string | Uint8Array }).raw;
      body = typeof raw === "string" ? enc.encode(raw) : raw;
    } else {
      let text = JSON.stringify(produced) ?? "null";
      // Own __proto__ / constructor keys, as JSON.parse creates them; a merge into a plain object would pollute.
      if (n.protoKeys && text.startsWith("{") && text !== "{}") text = `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},${text.slice(1)}`;
      body = enc.encode(text);
      if (n.badUtf8InContent) body = replaceFirst(body, enc.encode("Say hi."), new Uint8Array([0x53, 0xff, 0xfe, 0x21]));
    }
    const headers: Record<string, string> = {};
    if (n.contentType) headers["content-type"] = n.contentType;
    if (c.auth === undefined) headers.authorization = `Bearer ${ctx.key}`;
    else if (c.auth === "wrong") headers.authorization = "Bearer sk-fuzz-wrong-key";
    else if (c.auth === "basic") headers.authorization = `Basic ${Buffer.from(`user:${ctx.key}x`).toString("base64")}`;
    else if (c.auth === "empty") headers.authorization = "Bearer ";
    if (n.hugeHeader > 0) headers["x-fuzz-padding"] = "h".repeat(n.hugeHeader);
    const method = c.method ?? "POST";
    const out: FuzzRequest = { method, path: c.path ?? "/chat/completions", headers, body, mustFail: true, why: c.why };
    // A counterexample with a 64 KiB header would flood the report: fast-check prints this instead.
    Object.defineProperty(out, fc.toStringMethod, { value: () => describeRequest(out), enumerable: false });
    return out;
  });
}

function replaceFirst(hay: Uint8Array, needle: Uint8Array, by: Uint8Array): Uint8Array {
  outer: for (let i = 0; i + needle.length <= hay.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (hay[i + j] !== needle[j]) continue outer;
    const out = new Uint8Array(hay.length - needle.length + by.length);
    out.set(hay.subarray(0, i), 0);
    out.set(by, i);
    out.set(hay.subarray(i + needle.length), i + by.length);
    return out;
  }
  return hay;
}

/** One line for a failing case: what was sent, without the bulk. */
export function describeRequest(r: FuzzRequest): string {
  const headers = Object.entries(r.headers).map(([k, v]) => `${k}: ${v.length > 60 ? `${v.slice(0, 20)}…(${v.length} chars)` : v}`);
  const body = r.body ? new TextDecoder().decode(r.body.subarray(0, 300)) : "";
  return `${r.method} ${r.path} [${headers.join("; ")}] body(${r.body?.length ?? 0} bytes): ${body}${(r.body?.length ?? 0) > 300 ? "…" : ""} — ${r.why}`;
}
