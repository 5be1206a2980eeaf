import type { MiddlewareHandler } from "hono";
import { GatewayError } from "../errors.js";
import { presentedKeys, type KeyStore } from "../keys.js";
import { requestHeader } from "../request-io.js";

/**
 * API-key check. Missing and wrong keys are both 401 (openai SDKs: AuthenticationError); the message never
 * echoes what was sent, so a key can't leak through an error body or a log.
 */
export function auth(keys: KeyStore): MiddlewareHandler {
  return async (c, next) => {
    if (keys.open) return next();
    const presented = presentedKeys(requestHeader(c, "authorization"), requestHeader(c, "x-api-key"));
    if (presented.length === 0) {
      throw new GatewayError(401, "Missing API key: send it as 'Authorization: Bearer <key>' (or 'x-api-key: <key>').", "authentication_error", "missing_api_key");
    }
    if (!(await keys.matches(presented))) {
      throw new GatewayError(401, "Incorrect API key provided.", "authentication_error", "invalid_api_key");
    }
    return next();
  };
}
