/** The OpenAI error envelope: what openai-node / openai-python parse into their error classes. */
export interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export type ErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "rate_limit_error"
  | "server_error"
  | "timeout_error";

/** Any failure the gateway answers with; thrown anywhere, rendered once by the error middleware. */
export class GatewayError extends Error {
  override name = "GatewayError";
  constructor(
    readonly status: number,
    message: string,
    readonly type: ErrorType,
    readonly code: string | null = null,
    readonly param: string | null = null,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export function badRequest(message: string, param: string | null = null, code: string | null = null): GatewayError {
  return new GatewayError(400, message, "invalid_request_error", code, param);
}

export function errorResponse(err: GatewayError): Response {
  return new Response(JSON.stringify(err.toBody()), {
    status: err.status,
    headers: { "content-type": "application/json", ...err.headers },
  });
}
