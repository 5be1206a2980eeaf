import type { Context } from "hono";
import type { EventEmitter } from "node:events";
import type { IncomingMessage } from "node:http";
import { GatewayError } from "./errors.js";
import { readMessage } from "./read-message.js";

/**
 * Reading a request's body and learning that its client left, without building a WHATWG Request when the
 * runtime can do without one. On Node, @hono/node-server hands the app a lightweight request and builds the
 * real one (undici Request, web ReadableStream over the socket, AbortController, finalization registry) the
 * first time `body`, `json()` or `signal` is touched. That was about a quarter of the gateway's allocations
 * per chat request, and kept alive across awaits it made the minor GCs behind the sequential p99 tail longer. On Node the app reads the IncomingMessage
 * and watches the ServerResponse instead; elsewhere (the Lambda adapter) it uses the Request it was given.
 */

/** The bindings @hono/node-server passes as `c.env`. */
interface NodeBindings {
  incoming: IncomingMessage;
  outgoing: EventEmitter & { writableFinished: boolean; destroyed: boolean };
}

function nodeBindings(c: Context): NodeBindings | undefined {
  const env = c.env as Partial<NodeBindings> | undefined;
  return env?.incoming !== undefined && env.outgoing !== undefined ? (env as NodeBindings) : undefined;
}

export function bodyTooLarge(maxBytes: number): GatewayError {
  const mib = (maxBytes / (1024 * 1024)).toFixed(maxBytes % (1024 * 1024) === 0 ? 0 : 1);
  return new GatewayError(413, `The request body is larger than this gateway's limit of ${mib} MiB.`, "invalid_request_error", "request_too_large");
}

/**
 * A request header, as `c.req.header(name)` gives it (repeated headers joined with ", "), read from the raw
 * header list on Node rather than from a Headers object built for the purpose. `name` is lower case.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const node = nodeBindings(c);
  if (!node) return c.req.header(name);
  const raw = node.incoming.rawHeaders;
  let value: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]!.length === name.length && raw[i]!.toLowerCase() === name) value = value === undefined ? raw[i + 1]! : `${value}, ${raw[i + 1]!}`;
  }
  return value;
}

/** True when the body is read by `readBody` (which counts it), so a limit middleware need not wrap it. */
export function bodyCountedOnRead(c: Context): boolean {
  return nodeBindings(c) !== undefined;
}

/**
 * The whole body as text. On Node it is counted while it arrives and refused with 413 as soon as it passes
 * `maxBytes` (a chunked body has no Content-Length to check up front).
 */
export async function readBody(c: Context, maxBytes: number): Promise<string> {
  const node = nodeBindings(c);
  if (!node) return c.req.text();
  // The rest of an oversized body is drained by the Node adapter once the 413 is written.
  const bytes = await readMessage(node.incoming, { maxBytes, error: () => bodyTooLarge(maxBytes) });
  // As the Fetch API's text(): a leading byte-order mark is not part of the text.
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Subscribes to "the client went away before the answer was complete"; returns the unsubscribe. */
export type ClientGone = (onGone: () => void) => () => void;

export function clientGone(c: Context): ClientGone {
  const node = nodeBindings(c);
  if (node) {
    const { outgoing } = node;
    return (onGone) => {
      // As @hono/node-server aborts its request signal: the response closed before it was finished.
      const onClose = () => {
        if (!outgoing.writableFinished) onGone();
      };
      // Gone already (while the body was read, say): that close event has passed.
      if (outgoing.destroyed) {
        onClose();
        return () => undefined;
      }
      outgoing.once("close", onClose);
      return () => outgoing.off("close", onClose);
    };
  }
  const signal = c.req.raw.signal;
  return (onGone) => {
    if (signal.aborted) {
      onGone();
      return () => undefined;
    }
    signal.addEventListener("abort", onGone, { once: true });
    return () => signal.removeEventListener("abort", onGone);
  };
}

/** The same as an AbortSignal, for APIs that take one (fetching remote images); costs a controller. */
export function clientGoneSignal(gone: ClientGone): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const release = gone(() => controller.abort(new Error("client disconnected")));
  return { signal: controller.signal, release };
}
