import type { CheckContext, HttpResponse } from "../../src/harness/index.js";

/** What openai-node sends from a browser; NextChat sends the first two. Preflight must allow them all. */
export const BROWSER_REQUEST_HEADERS = [
  "authorization",
  "content-type",
  "x-stainless-arch",
  "x-stainless-lang",
  "x-stainless-os",
  "x-stainless-package-version",
  "x-stainless-retry-count",
  "x-stainless-runtime",
  "x-stainless-runtime-version",
  "x-stainless-timeout",
];

/** A preflight exactly as a browser sends it before a POST with a bearer key: no key, no body. */
export function preflight(ctx: CheckContext, path = "/chat/completions"): Promise<HttpResponse> {
  return ctx.http.request({
    method: "OPTIONS",
    path,
    auth: "none",
    headers: {
      origin: ctx.options.origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": BROWSER_REQUEST_HEADERS.join(","),
    },
  });
}

export function allowOrigin(res: HttpResponse): string | undefined {
  return res.headers["access-control-allow-origin"];
}

/** ACAO that lets this origin read the answer: the origin itself, or `*`. */
export function originAllowed(res: HttpResponse, origin: string): boolean {
  const v = allowOrigin(res)?.trim();
  return v === "*" || v === origin;
}

export function listHeader(res: HttpResponse, name: string): string[] {
  return (res.headers[name] ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}
