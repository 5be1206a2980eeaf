import type { MiddlewareHandler } from "hono";

/** One line per request: method, path, status, time to response headers. Headers (and so keys) are never logged. */
export function accessLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    log(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - start).toFixed(1)}ms`);
  };
}
