import type { CheckContext, HttpResponse, SseResponse } from "../../src/harness/index.js";
import { isRecord } from "./envelope.js";

/**
 * A probe, not a workload: every model call is capped well below what any answer here needs.
 * (The harness counts calls and tokens itself from each 2xx model response.)
 */
export const PROBE_MAX_TOKENS = 16;

export interface ChatBody {
  model: string;
  messages: unknown[];
  max_tokens?: number;
  [field: string]: unknown;
}

export function userSays(text: string): { role: "user"; content: string } {
  return { role: "user", content: text };
}

export async function chat(ctx: CheckContext, body: ChatBody, extra: { headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<HttpResponse> {
  const res = await ctx.http.request({
    method: "POST",
    path: "/chat/completions",
    body: { max_tokens: PROBE_MAX_TOKENS, ...body, stream: false },
    ...(extra.headers ? { headers: extra.headers } : {}),
    ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}),
  });
  return res;
}

export async function chatStream(ctx: CheckContext, body: ChatBody, extra: { headers?: Record<string, string> } = {}): Promise<SseResponse> {
  const res = await ctx.http.stream({
    method: "POST",
    path: "/chat/completions",
    body: { max_tokens: PROBE_MAX_TOKENS, ...body, stream: true },
    ...(extra.headers ? { headers: extra.headers } : {}),
  });
  return res;
}

export function parseData(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** `choices[0]` of a completion or chunk, if the shape has one. */
export function firstChoice(json: unknown): Record<string, unknown> | undefined {
  if (!isRecord(json) || !Array.isArray(json.choices)) return undefined;
  const c = json.choices[0];
  return isRecord(c) ? c : undefined;
}

export function messageContent(json: unknown): string | undefined {
  const message = firstChoice(json)?.message;
  return isRecord(message) && typeof message.content === "string" ? message.content : undefined;
}

/** The JSON payloads of an SSE stream, without the `[DONE]` sentinel. */
export function chunksOf(res: SseResponse): { atMs: number; data: unknown; raw: string }[] {
  return res.events
    .filter((e) => e.data.trim() !== "[DONE]")
    .map((e) => ({ atMs: e.atMs, data: parseData(e.data), raw: e.data }));
}

export function deltaOf(chunk: unknown): Record<string, unknown> | undefined {
  const d = firstChoice(chunk)?.delta;
  return isRecord(d) ? d : undefined;
}

export function streamedText(res: SseResponse): string {
  return chunksOf(res)
    .map((c) => deltaOf(c.data)?.content)
    .filter((t): t is string => typeof t === "string")
    .join("");
}

/** An error event as the openai SDKs see one: `data: {"error": …}` or `event: error`. */
export function streamErrorEvent(res: SseResponse): string | undefined {
  for (const e of res.events) {
    if (e.event === "error") return e.data;
    const d = parseData(e.data);
    if (isRecord(d) && d.error !== undefined) return e.data;
  }
  return undefined;
}
