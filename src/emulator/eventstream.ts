import { EventStreamCodec, type MessageHeaders } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";

/** One codec and one header set per event type for the whole process: encoding a frame does no set-up work. */
const codec = new EventStreamCodec(toUtf8, fromUtf8);
const eventHeaders = new Map<string, MessageHeaders>();
const exceptionHeaders = new Map<string, MessageHeaders>();

function str(value: string): { type: "string"; value: string } {
  return { type: "string", value };
}

export function eventFrame(eventType: string, payload: unknown): Uint8Array {
  let headers = eventHeaders.get(eventType);
  if (!headers) {
    headers = { ":event-type": str(eventType), ":content-type": str("application/json"), ":message-type": str("event") };
    eventHeaders.set(eventType, headers);
  }
  return codec.encode({ headers, body: fromUtf8(JSON.stringify(payload)) });
}

/** A failure after the 200 was sent: `:message-type` exception, lowerCamel `:exception-type`. */
export function exceptionFrame(exceptionType: string, message: string): Uint8Array {
  let headers = exceptionHeaders.get(exceptionType);
  if (!headers) {
    headers = { ":exception-type": str(exceptionType), ":content-type": str("application/json"), ":message-type": str("exception") };
    exceptionHeaders.set(exceptionType, headers);
  }
  return codec.encode({ headers, body: fromUtf8(JSON.stringify({ message })) });
}

/** For tests and tools: decode one frame (verifies both CRCs). */
export function decodeFrame(frame: Uint8Array): { headers: Record<string, string>; payload: string } {
  const message = codec.decode(frame);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers)) headers[k] = String(v.value);
  return { headers, payload: toUtf8(message.body) };
}
