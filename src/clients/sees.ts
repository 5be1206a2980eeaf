import type { ClientProfile } from "./types.js";

export interface ErrorResponse {
  status: number;
  contentType?: string;
  body: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** openai-node ≤ 7.4 `APIError.generate` + `makeMessage`: only `body.error` is read (node_modules/openai/core/error.js). */
const nodeClasses: Record<number, string> = {
  400: "BadRequestError",
  401: "AuthenticationError",
  403: "PermissionDeniedError",
  404: "NotFoundError",
  409: "ConflictError",
  422: "UnprocessableEntityError",
  429: "RateLimitError",
};

export function openaiNodeErrorClass(status: number): string {
  return nodeClasses[status] ?? (status >= 500 ? "InternalServerError" : "APIError");
}

export function openaiNodeErrorMessage(res: ErrorResponse): string {
  const json = parseJson(res.body);
  const raw = json === undefined ? res.body : undefined;
  const error = json && typeof json === "object" ? (json as Record<string, unknown>)["error"] : undefined;
  let msg: string | undefined;
  if (error && typeof error === "object" && (error as Record<string, unknown>)["message"]) {
    const m = (error as Record<string, unknown>)["message"];
    msg = typeof m === "string" ? m : JSON.stringify(m);
  } else if (error) {
    msg = JSON.stringify(error);
  } else {
    msg = raw || undefined;
  }
  return msg ? `${res.status} ${msg}` : `${res.status} status code (no body)`;
}

/**
 * What a client shows for an HTTP error response (status ≥ 400), read from its source (clients.md §1c, §2).
 * This is the text a replay puts in front of the person, so "what NextChat shows" is data, not a guess.
 */
export function describeHttpError(profile: ClientProfile, res: ErrorResponse): string {
  const json = parseJson(res.body);
  switch (profile.errorStyle) {
    case "nextchat": {
      // onopen: text/plain bodies become the reply as-is; others are pretty-printed JSON, "Unauthorized" first on 401.
      if ((res.contentType ?? "").startsWith("text/plain")) return res.body;
      const shown = json === undefined ? res.body : "```json\n" + JSON.stringify(json, null, 4) + "\n```";
      // The exact words of Locale.Error.Unauthorized change between versions; name it rather than misquote it.
      return res.status === 401 ? `[NextChat's "Unauthorized" notice: enter an access code or API key]\n${shown}` : shown;
    }
    case "openai-node":
      return `${openaiNodeErrorClass(res.status)}: ${openaiNodeErrorMessage(res)}`;
    case "openai-python": {
      // _make_status_error: `Error code: <status> - <parsed body>`, or the raw text when it is not JSON.
      return `Error code: ${res.status} - ${json === undefined ? res.body : JSON.stringify(json)}`;
    }
    case "open-webui": {
      const error = json && typeof json === "object" ? (json as Record<string, unknown>)["error"] : undefined;
      if (error && typeof error === "object") {
        return `External: ${String((error as Record<string, unknown>)["message"] ?? JSON.stringify(error))}`;
      }
      return "Open WebUI: Server Connection Error";
    }
    case "raw":
      return res.body;
  }
}
