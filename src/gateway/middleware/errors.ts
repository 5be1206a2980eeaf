import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { GatewayError, errorResponse } from "../errors.js";

/** Every thrown error becomes the OpenAI envelope; unexpected ones are logged by name only, never returned. */
export function onError(log: (line: string) => void): ErrorHandler {
  return (err) => {
    if (err instanceof GatewayError) return errorResponse(err);
    log(`error: unexpected ${err.name}: ${err.message}`);
    return errorResponse(new GatewayError(500, "The gateway failed unexpectedly; the cause is in its log.", "server_error", "internal_error"));
  };
}

/** Unknown URL: 404 envelope, with the diagnosis for the classic mistake of a base URL that already ends in /v1. */
export const notFound: NotFoundHandler = (c: Context) => {
  const path = c.req.path;
  const doubled = /\/v1\/v1(\/|$)/.test(path);
  const hint = doubled
    ? ` The client appended /v1 to a base URL that already ends in /v1: set the base URL to ${path.slice(0, path.indexOf("/v1/v1"))} (without /v1) for this client.`
    : "";
  return errorResponse(new GatewayError(404, `Unknown request URL: ${c.req.method} ${path}.${hint}`, "invalid_request_error", "unknown_url"));
};
