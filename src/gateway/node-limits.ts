import { STATUS_CODES, type ServerOptions } from "node:http";
import type { Duplex } from "node:stream";

/** Socket-level limits of the Node adapter (a Lambda behind its front never sees these). */
export interface SocketLimits {
  /** Longest time a client may take to send its request headers (slowloris). Default 10 s. */
  headersTimeoutMs?: number;
  /** Longest time a client may take to send its whole request, body included. Default 60 s. */
  requestTimeoutMs?: number;
}

export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/**
 * node:http options for those limits. Node checks them on an interval (30 s by default), so a slow client
 * could hold a socket up to 30 s past its deadline; the check runs every second here (or sooner).
 */
export function socketServerOptions(limits: SocketLimits): ServerOptions {
  const headersTimeout = limits.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const requestTimeout = Math.max(headersTimeout, limits.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  return { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 2))) };
}

const CLIENT_ERRORS: Record<string, { status: number; message: string; code: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, message: "The request headers are larger than this gateway accepts.", code: "headers_too_large" },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: "The request was not received in time.", code: "request_timeout" },
};

/**
 * Requests Node's HTTP parser rejects before any route runs (oversized headers, malformed HTTP, too slow)
 * get the OpenAI error envelope too, instead of Node's bare status line, so clients show a real message.
 */
export function answerClientErrors(server: { on(event: "clientError", listener: (err: Error & { code?: string }, socket: Duplex) => void): unknown }): void {
  server.on("clientError", (err, socket) => {
    if (err.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const known = CLIENT_ERRORS[err.code ?? ""] ?? { status: 400, message: "The request is not valid HTTP.", code: "bad_http_request" };
    const body = JSON.stringify({ error: { message: known.message, type: "invalid_request_error", param: null, code: known.code } });
    socket.end(
      `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status] ?? ""}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
