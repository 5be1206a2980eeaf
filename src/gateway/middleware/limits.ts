import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errorResponse } from "../errors.js";
import { bodyCountedOnRead, bodyTooLarge, requestHeader } from "../request-io.js";

/**
 * Request body cap: checked on Content-Length up front, and counted while reading a chunked body, so an
 * oversized request is refused before it is buffered. Answered in the OpenAI envelope (413), not as text.
 * On Node the route's body reader does the counting (hono's bodyLimit would build a WHATWG Request to wrap).
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const wrapping = bodyLimit({ maxSize: maxBytes, onError: () => errorResponse(bodyTooLarge(maxBytes)) });
  return async (c, next) => {
    if (!bodyCountedOnRead(c)) return wrapping(c, next);
    const declared = requestHeader(c, "content-length");
    if (declared !== undefined && Number(declared) > maxBytes) return errorResponse(bodyTooLarge(maxBytes));
    return next();
  };
}
