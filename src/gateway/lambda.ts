import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { buildGateway, type Gateway } from "./app.js";
import { configFromEnv } from "./lambda-config.js";

/** A Lambda Function URL / API Gateway HTTP API (payload v2) or API Gateway REST (v1) event: the fields read. */
export interface LambdaHttpEvent {
  rawPath?: string;
  rawQueryString?: string;
  path?: string;
  httpMethod?: string;
  requestContext?: { http?: { method?: string }; domainName?: string };
  headers?: Record<string, string | undefined>;
  multiValueHeaders?: Record<string, string[] | undefined>;
  queryStringParameters?: Record<string, string | undefined> | null;
  cookies?: string[];
  body?: string | null;
  isBase64Encoded?: boolean;
}

interface ResponseMetadata {
  statusCode: number;
  headers: Record<string, string>;
  cookies?: string[];
}

/** The globals the Lambda Node.js runtime provides to response-streaming functions. */
interface LambdaStreamingGlobals {
  streamifyResponse(fn: (event: LambdaHttpEvent, stream: Writable, context: unknown) => Promise<void>): unknown;
  HttpResponseStream: { from(stream: Writable, metadata: ResponseMetadata): Writable };
}

declare const globalThis: { awslambda?: LambdaStreamingGlobals };

// Built on the first invocation and kept for the container's life: the SDK clients, their connection pools
// and the model catalog cache are reused by every warm invocation.
let gateway: Gateway | undefined;

/** Event → Request. The body arrives whole (Lambda buffers requests); the signal fires if the client leaves. */
export function toRequest(event: LambdaHttpEvent, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [k, values] of Object.entries(event.multiValueHeaders ?? {})) for (const v of values ?? []) headers.append(k, v);
  for (const [k, v] of Object.entries(event.headers ?? {})) if (v !== undefined && !headers.has(k)) headers.set(k, v);
  if (event.cookies?.length) headers.set("cookie", event.cookies.join("; "));
  const method = event.requestContext?.http?.method ?? event.httpMethod ?? "GET";
  const path = event.rawPath ?? event.path ?? "/";
  const query = event.rawQueryString ?? new URLSearchParams(Object.entries(event.queryStringParameters ?? {}).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  const host = headers.get("host") ?? event.requestContext?.domainName ?? "lambda.local";
  const hasBody = event.body !== undefined && event.body !== null && method !== "GET" && method !== "HEAD";
  const body = hasBody ? Buffer.from(event.body as string, event.isBase64Encoded ? "base64" : "utf8") : undefined;
  return new Request(`https://${host}${path}${query ? `?${query}` : ""}`, { method, headers, body, signal });
}

/** One invocation: the app's Response is streamed into Lambda's response stream as it is produced. */
export async function streamingHandler(event: LambdaHttpEvent, responseStream: Writable, _context?: unknown): Promise<void> {
  gateway ??= buildGateway(configFromEnv(process.env));
  const clientGone = new AbortController();
  let finished = false;
  responseStream.once("close", () => {
    if (!finished) clientGone.abort(new Error("client disconnected"));
  });
  const res = await gateway.app.fetch(toRequest(event, clientGone.signal));
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = res.headers.getSetCookie();
  const awslambda = globalThis.awslambda;
  const out = awslambda ? awslambda.HttpResponseStream.from(responseStream, { statusCode: res.status, headers, ...(cookies.length ? { cookies } : {}) }) : responseStream;
  try {
    // pipeline ends the Lambda stream when the body ends, and cancels the body (so the Bedrock call) if the
    // Lambda stream closes early.
    if (res.body) await pipeline(Readable.fromWeb(res.body as unknown as NodeReadableStream<Uint8Array>), out);
    else out.end();
  } catch {
    // The client went away mid-answer; the body's cancel already aborted the upstream call.
  } finally {
    finished = true;
  }
}

/**
 * The Lambda entry point (response streaming: Function URL with InvokeMode RESPONSE_STREAM, or API Gateway
 * REST with streaming). Outside Lambda (tests, bundle checks) `awslambda` is absent and the plain function
 * is exported, callable with any Writable.
 */
export const handler: unknown = globalThis.awslambda ? globalThis.awslambda.streamifyResponse(streamingHandler) : streamingHandler;

/** Tests: forget the warm gateway so the next invocation reads the environment again. */
export async function resetLambdaGateway(): Promise<void> {
  await gateway?.dispose();
  gateway = undefined;
}
