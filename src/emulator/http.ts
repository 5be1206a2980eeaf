import type { IncomingHttpHeaders } from "node:http";
import { AwsError, MESSAGES } from "./errors.js";

/** The part of node:http's and node:http2's compat request both servers share. */
export interface Req {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  on(event: "data", cb: (chunk: Buffer) => void): unknown;
  on(event: "end" | "close", cb: () => void): unknown;
  on(event: "error", cb: (err: Error) => void): unknown;
  resume(): unknown;
}

/** The part of node:http's and node:http2's compat response both servers share. */
export interface Res {
  writeHead(status: number, headers: Record<string, string | number>): unknown;
  write(chunk: Uint8Array | string): boolean;
  end(chunk?: Uint8Array | string): unknown;
  once(event: "close" | "drain", cb: () => void): unknown;
  readonly headersSent: boolean;
  readonly writableEnded: boolean;
  readonly destroyed?: boolean;
}

/** Reads the whole body; past the limit it stops reading and raises an AWS-shaped error. */
export function readBody(req: Req, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(new AwsError("ValidationException", MESSAGES.bodyTooLarge(limit)));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on("data", (chunk) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new AwsError("ValidationException", MESSAGES.bodyTooLarge(limit)));
        return;
      }
      chunks.push(chunk);
    });
    let ended = false;
    req.on("end", () => {
      ended = true;
      if (!failed) resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    });
    // A caller that goes away mid-upload: nothing to answer, but the handler must not wait forever.
    const gone = (): void => {
      if (ended || failed) return;
      failed = true;
      reject(new AwsError("ValidationException", MESSAGES.incompleteBody));
    };
    req.on("error", gone);
    req.on("close", gone);
  });
}

/** Parses a JSON object body; anything else is the SerializationException the AWS front answers. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch {
    throw new AwsError("SerializationException", MESSAGES.malformedJson);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AwsError("SerializationException", MESSAGES.malformedJson);
  }
  return value as Record<string, unknown>;
}

export function sendJson(res: Res, status: number, requestId: string, body: string, extra: Record<string, string | number> = {}): void {
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "x-amzn-requestid": requestId,
    ...extra,
  });
  res.end(body);
}

export function sendError(res: Res, requestId: string, err: AwsError): void {
  if (res.writableEnded || res.destroyed) return;
  if (res.headersSent) {
    // Too late for a status: end what was sent so the caller is not left waiting.
    res.end();
    return;
  }
  sendJson(res, err.status, requestId, err.body(), {
    "x-amzn-errortype": `${err.type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
  });
}

/** Set when the caller goes away; wakes a pending sleep so a cancelled stream stops promptly. */
export interface CancelToken {
  cancelled: boolean;
  wake?: () => void;
}

export function watchClose(res: Res): CancelToken {
  const token: CancelToken = { cancelled: false };
  res.once("close", () => {
    if (res.writableEnded) return;
    token.cancelled = true;
    token.wake?.();
  });
  return token;
}

export function sleep(ms: number, token?: CancelToken): Promise<void> {
  if (ms <= 0 || token?.cancelled) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      if (token) token.wake = undefined;
      resolve();
    }
    if (token) token.wake = done;
  });
}
