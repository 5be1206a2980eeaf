/** What a client sees of one answer: enough to judge it. */
export interface Answer {
  status: number;
  contentType: string;
  text: string;
  retryAfter?: string | null;
}

/** Why `a` is not an OpenAI error envelope, or undefined when it is one. */
export function envelopeProblem(a: Answer): string | undefined {
  if (!a.contentType.includes("application/json")) return `content-type '${a.contentType}', not JSON`;
  let body: unknown;
  try {
    body = JSON.parse(a.text);
  } catch {
    return `body is not JSON: ${a.text.slice(0, 200)}`;
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (!error || typeof error !== "object") return `no 'error' object: ${a.text.slice(0, 200)}`;
  if (typeof error.message !== "string" || error.message === "") return "error.message is not a non-empty string";
  if (typeof error.type !== "string") return "error.type is not a string";
  for (const k of ["param", "code"]) {
    if (!(k in error) || (error[k] !== null && typeof error[k] !== "string")) return `error.${k} is not string-or-null`;
  }
  return undefined;
}

/** Reads a fetch Response fully into an Answer. */
export async function toAnswer(res: Response): Promise<Answer> {
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", text: await res.text(), retryAfter: res.headers.get("retry-after") };
}
