import type { TransportError, TransportErrorKind } from "./types.js";

interface ErrorLike {
  name?: string;
  code?: string;
  message?: string;
  cause?: unknown;
  errors?: unknown[];
}

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT)/;

const BY_CODE: Record<string, TransportErrorKind> = {
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  EAI_NONAME: "dns",
  ECONNREFUSED: "connect-refused",
  EHOSTUNREACH: "connect-refused",
  ENETUNREACH: "connect-refused",
  UND_ERR_CONNECT_TIMEOUT: "connect-timeout",
  ETIMEDOUT: "connect-timeout",
  UND_ERR_HEADERS_TIMEOUT: "headers-timeout",
  UND_ERR_HEADERS_OVERFLOW: "too-large",
  UND_ERR_BODY_TIMEOUT: "body-timeout",
  ECONNRESET: "reset",
  EPIPE: "reset",
  UND_ERR_SOCKET: "reset",
  UND_ERR_CLOSED: "reset",
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: "reset",
  ERR_INVALID_URL: "invalid-url",
  UND_ERR_INVALID_ARG: "invalid-url",
  UND_ERR_ABORTED: "aborted",
  ABORT_ERR: "aborted",
};

/** Errors nest (undici wraps, happy-eyeballs aggregates): look at the error and everything under it. */
function* chain(err: unknown, depth = 0): Generator<ErrorLike> {
  if (!err || typeof err !== "object" || depth > 5) return;
  const e = err as ErrorLike;
  yield e;
  if (e.cause) yield* chain(e.cause, depth + 1);
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* chain(inner, depth + 1);
}

/** Name a thrown network error; the message is kept for evidence (the caller redacts it). */
export function classifyError(err: unknown): TransportError {
  let fallback: TransportError | undefined;
  for (const e of chain(err)) {
    const code = e.code ?? "";
    const kind = BY_CODE[code] ?? (TLS_CODE.test(code) ? "tls" : undefined);
    if (kind) return { kind, message: describe(e) };
    if (e.name === "AbortError") fallback ??= { kind: "aborted", message: describe(e) };
    if (code.startsWith("HPE_")) fallback ??= { kind: "other", message: `malformed HTTP response: ${describe(e)}` };
  }
  return fallback ?? { kind: "other", message: err instanceof Error ? describe(err) : String(err) };
}

function describe(e: ErrorLike): string {
  const msg = e.message || e.name || "error";
  return e.code && !msg.includes(e.code) ? `${e.code}: ${msg}` : msg;
}

/** Kinds that mean nothing answered at all: the run cannot test this target (exit 3). */
export const UNREACHABLE_KINDS: readonly TransportErrorKind[] = ["dns", "connect-refused", "connect-timeout", "tls", "invalid-url"];

export function isUnreachable(error: TransportError | undefined): boolean {
  return !!error && UNREACHABLE_KINDS.includes(error.kind);
}
