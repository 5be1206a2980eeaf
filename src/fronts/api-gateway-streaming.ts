import http from "node:http";
import { randomUUID } from "node:crypto";
import { forwardableHeaders, listen, readBody, upstreamRequest, type RunningFront } from "./proxy.js";

export interface ApiGatewayStreamingOptions {
  upstream: string;
  /** Integration timeout for a response that does not stream (REST API default 29 s). */
  integrationTimeoutMs?: number;
  /** Longest a streamed response may run (Lambda response streaming via API Gateway: 15 min). */
  streamTimeoutMs?: number;
  /** API Gateway payload limit (10 MB). */
  maxBodyBytes?: number;
}

/** API Gateway's own errors: JSON `{"message": …}` with its request-id headers. */
function apiGatewayError(res: http.ServerResponse, status: number, message: string, errorType: string): void {
  const body = JSON.stringify({ message });
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "x-amzn-RequestId": randomUUID(),
    "x-amzn-ErrorType": errorType,
  });
  res.end(body);
}

/**
 * API Gateway (REST) with Lambda response streaming, BAG's deployment since Dec 2025: chunks pass through as
 * they come; a response that has not started within the integration timeout is a 504 JSON error.
 */
export async function startApiGatewayStreaming(opts: ApiGatewayStreamingOptions): Promise<RunningFront> {
  const upstream = new URL(opts.upstream);
  const integrationTimeoutMs = opts.integrationTimeoutMs ?? 29_000;
  const streamTimeoutMs = opts.streamTimeoutMs ?? 15 * 60_000;
  const limit = opts.maxBodyBytes ?? 10 * 1024 * 1024;

  const server = http.createServer(async (req, res) => {
    const { body, tooLarge } = await readBody(req, limit);
    if (tooLarge) return apiGatewayError(res, 413, "Request Too Long", "RequestTooLongException");
    const out = upstreamRequest(upstream, req, forwardableHeaders(req.rawHeaders), body);
    let timer = setTimeout(() => {
      out.destroy();
      if (!res.headersSent) apiGatewayError(res, 504, "Endpoint request timed out", "IntegrationTimeout");
    }, integrationTimeoutMs);
    out.on("error", () => {
      clearTimeout(timer);
      if (!res.headersSent) apiGatewayError(res, 502, "Internal server error", "InternalServerErrorException");
      else res.destroy();
    });
    out.on("response", (up) => {
      const streaming = String(up.headers["content-type"] ?? "").includes("text/event-stream");
      if (streaming) {
        clearTimeout(timer);
        timer = setTimeout(() => out.destroy(), streamTimeoutMs);
        res.writeHead(up.statusCode ?? 502, [...forwardableHeaders(up.rawHeaders).flat(), "x-amzn-RequestId", randomUUID()]);
        res.flushHeaders();
        up.on("data", (c: Buffer) => res.write(c));
        up.on("end", () => {
          clearTimeout(timer);
          res.end();
        });
        up.on("error", () => res.destroy());
        return;
      }
      // Not a stream: the integration answers as a whole, within the integration timeout.
      const chunks: Buffer[] = [];
      up.on("data", (c: Buffer) => chunks.push(c));
      up.on("error", () => undefined);
      up.on("end", () => {
        clearTimeout(timer);
        if (res.headersSent) return;
        const whole = Buffer.concat(chunks);
        const kept = forwardableHeaders(up.rawHeaders).filter(([k]) => k.toLowerCase() !== "content-length");
        res.writeHead(up.statusCode ?? 502, [...kept.flat(), "Content-Length", String(whole.length), "x-amzn-RequestId", randomUUID()]);
        res.end(whole);
      });
    });
  });
  return listen(server, upstream);
}
