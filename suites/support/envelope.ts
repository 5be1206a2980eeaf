import type { HttpResponse } from "../../src/harness/index.js";
import { contentType, sample } from "./outcome.js";

/** OpenAI's error envelope: `{"error":{"message": string, "type": …, "param": …, "code": …}}`. */
export function isOpenAiErrorEnvelope(json: unknown): boolean {
  if (!isRecord(json)) return false;
  const error = json.error;
  return isRecord(error) && typeof error.message === "string" && error.message.length > 0;
}

export function errorMessage(res: HttpResponse): string {
  if (isRecord(res.json) && isRecord(res.json.error) && typeof res.json.error.message === "string") {
    return res.json.error.message;
  }
  return res.text;
}

export function isHtml(res: HttpResponse): boolean {
  return contentType(res).includes("text/html") || /^\s*<(!doctype|html)/i.test(res.text);
}

export function isJson(res: HttpResponse): boolean {
  return contentType(res).includes("json") && res.json !== undefined;
}

/** Args for `error-envelope-not-openai`: what came back instead, so the catalog text can quote it. */
export function envelopeArgs(res: HttpResponse, request: string): Record<string, string | number> {
  return {
    request,
    status: res.status ?? 0,
    contentType: contentType(res) || "none",
    body: sample(res.text, 100),
  };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
