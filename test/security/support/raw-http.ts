import { type Agent, request } from "node:http";
import type { Answer } from "./envelope.js";

/**
 * Sends exactly these bytes and headers over node:http (no client-side validation or normalisation
 * beyond what HTTP/1.1 needs) and reads the whole answer. A dropped connection is reported as status 0.
 */
export function sendRaw(url: string, opts: { method: string; headers: Record<string, string>; body?: Uint8Array; agent?: Agent; timeoutMs?: number }): Promise<Answer> {
  return new Promise((resolve) => {
    const req = request(url, { method: opts.method, headers: opts.headers, agent: opts.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers["content-type"] ?? ""),
          text: Buffer.concat(chunks).toString("utf8"),
          retryAfter: (res.headers["retry-after"] as string | undefined) ?? null,
        }),
      );
      res.on("error", (err) => resolve({ status: 0, contentType: "", text: `response error: ${err.message}` }));
    });
    req.setTimeout(opts.timeoutMs ?? 10_000, () => req.destroy(new Error("timeout")));
    req.on("error", (err) => resolve({ status: 0, contentType: "", text: `request error: ${err.message}` }));
    req.end(opts.body);
  });
}
