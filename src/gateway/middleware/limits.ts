import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { GatewayError, errorResponse } from "../errors.js";

/**
 * Request body cap: checked on Content-Length up front, and counted while reading a chunked body, so an
 * oversized request is refused before it is buffered. Answered in the OpenAI envelope (413), not as text.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const mib = (maxBytes / (1024 * 1024)).toFixed(maxBytes % (1024 * 1024) === 0 ? 0 : 1);
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => errorResponse(new GatewayError(413, `The request body is larger than this gateway's limit of ${mib} MiB.`, "invalid_request_error", "request_too_large")),
  });
}
