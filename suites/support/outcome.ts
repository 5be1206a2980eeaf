import type { CheckOutcome, HttpResponse } from "../../src/harness/index.js";
import type { Finding, FindingArgs } from "../../src/explain/index.js";
import { classifyAccessMessage } from "./bedrock-messages.js";

/** Small constructors so every check reads as "what was expected, what was seen". */
export function pass(message?: string): CheckOutcome {
  return message === undefined ? { status: "pass" } : { status: "pass", message };
}

export function skip(reason: string): CheckOutcome {
  return { status: "skip", message: reason };
}

export function fail(message: string, ...findings: Finding[]): CheckOutcome {
  return { status: "fail", message, findings };
}

/** For faults that degrade clients rather than break them (buffered stream, missing usage, cleartext key). */
export function warn(message: string, ...findings: Finding[]): CheckOutcome {
  return { status: "warn", message, findings };
}

export function finding(id: string, args?: FindingArgs): Finding {
  return args === undefined ? { id } : { id, args };
}

/** A short, single-line description of a response for messages and finding args. */
export function describe(res: HttpResponse): string {
  if (res.error) return `${res.error.kind}: ${res.error.message}`;
  const type = contentType(res) || "no content-type";
  return `${res.status ?? "no status"} ${type} ${sample(res.text)}`.trim();
}

export function sample(text: string, max = 120): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

export function contentType(res: HttpResponse): string {
  return (res.headers["content-type"] ?? "").toLowerCase();
}

/**
 * When the happy-path request of a check did not get an answer it can judge (transport failure, or the key
 * itself was refused), the check says so without a finding of its own: the transport and auth checks own those
 * causes, and one root cause should not be reported by forty checks.
 */
export function unusable(res: HttpResponse): CheckOutcome | undefined {
  if (res.error || res.status === undefined) {
    return fail(`no usable answer: ${describe(res)}`);
  }
  const cause = res.status === 400 || res.status === 403 || res.status === 404 ? classifyAccessMessage(res.text) : undefined;
  if (cause && cause !== "model-id-invalid") {
    // The model itself cannot be called here: models.listed-callable and model-access name that cause once.
    return skip(`the model cannot be called on this account (${res.status}, ${cause}): ${sample(res.text, 100)}`);
  }
  if (res.status === 401 || res.status === 403) return skip(`the gateway refused the key (${res.status}); see auth.valid-key-accepted`);
  return undefined;
}
