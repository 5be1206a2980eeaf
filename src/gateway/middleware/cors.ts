import type { MiddlewareHandler } from "hono";
import { GatewayError, errorResponse } from "../errors.js";
import { requestHeader } from "../request-io.js";

const ALLOW_METHODS = "GET, POST, OPTIONS";
/** When a preflight names no headers: what NextChat, LobeChat and openai-node in a browser send. */
const DEFAULT_ALLOW_HEADERS = "authorization, content-type, x-api-key, x-stainless-arch, x-stainless-lang, x-stainless-os, x-stainless-package-version, x-stainless-retry-count, x-stainless-runtime, x-stainless-runtime-version, x-stainless-timeout";
/** Headers a browser script may read from a response: the throttling hints. */
const EXPOSE_HEADERS = "retry-after, retry-after-ms";
// Firefox honours a day; Chromium caps at two hours. Either way one preflight per client per while.
const MAX_AGE = "86400";
const HEADER_TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;

/**
 * CORS that works in browsers. The preflight is answered here, before auth (a browser never sends the key
 * on a preflight), with 204 and the requested headers reflected: there are no cookies or credentials to
 * protect (the key travels in a header the page already holds), so any header the page wants is fine.
 * Every other response, errors included, gets the CORS headers too: a CORS-less error reads as
 * "Failed to fetch" in the browser and hides the real cause (BAG's Mangum 500s).
 */
export function cors(origins: ReadonlySet<string> | "*"): MiddlewareHandler {
  const anyOrigin = origins === "*";
  return async (c, next) => {
    const origin = requestHeader(c, "origin");
    if (!origin) return next();
    const allowed = anyOrigin || origins.has(origin);
    const allowOrigin = anyOrigin ? "*" : origin;
    if (c.req.method === "OPTIONS" && requestHeader(c, "access-control-request-method")) {
      if (!allowed) return errorResponse(new GatewayError(403, `Origin ${origin} is not allowed by this gateway's CORS settings.`, "permission_error", "origin_not_allowed"));
      const requested = (requestHeader(c, "access-control-request-headers") ?? "")
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter((h) => HEADER_TOKEN.test(h));
      return new Response(null, {
        status: 204,
        headers: {
          "access-control-allow-origin": allowOrigin,
          "access-control-allow-methods": ALLOW_METHODS,
          "access-control-allow-headers": requested.length > 0 ? requested.join(", ") : DEFAULT_ALLOW_HEADERS,
          "access-control-max-age": MAX_AGE,
          vary: "Origin, Access-Control-Request-Headers",
        },
      });
    }
    await next();
    if (!allowed) return;
    const h = c.res.headers;
    h.set("access-control-allow-origin", allowOrigin);
    h.set("access-control-expose-headers", EXPOSE_HEADERS);
    if (!anyOrigin) h.append("vary", "Origin");
  };
}
