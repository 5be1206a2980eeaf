import http from "node:http";
import { forwardableHeaders, listen, readBody, upstreamRequest, type RunningFront } from "./proxy.js";

export interface AlbLambdaOptions {
  upstream: string;
  /** ALB idle timeout (default 60 s). Nothing reaches the client until Lambda returns, so a longer generation is cut. */
  idleTimeoutMs?: number;
  /** ALB → Lambda request and response body limit (1 MB). */
  maxBodyBytes?: number;
}

const MB = 1_000_000;

/** ALB's own error pages: HTML, `Server: awselb/2.0`, whatever the client asked for. */
function albErrorPage(res: http.ServerResponse, status: 413 | 502 | 504, reason: string): void {
  const body = `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n</body>\r\n</html>\r\n`;
  res.writeHead(status, { Server: "awselb/2.0", "Content-Type": "text/html", "Content-Length": Buffer.byteLength(body), Connection: "close" });
  res.end(body);
}

/**
 * Without `lambda.multi_value_headers.enabled` the Lambda event carries one value per header name (the last one
 * sent), and the Lambda's `headers` map can return only one value per name: repeated headers collapse to the last.
 */
export function collapseRepeated(headers: [string, string][]): [string, string][] {
  const last = new Map<string, [string, string]>();
  for (const [k, v] of headers) last.set(k.toLowerCase(), [k, v]);
  return [...last.values()];
}

/**
 * An ALB with a Lambda target group, as BAG deployed it in 2024: http only, the whole Lambda response buffered
 * (an SSE stream arrives in one piece at the end, with a Content-Length), 1 MB body caps answered with ALB's
 * HTML pages, and an idle timeout that cuts a long generation with an HTML 504.
 */
export async function startAlbLambda(opts: AlbLambdaOptions): Promise<RunningFront> {
  const upstream = new URL(opts.upstream);
  const idleTimeoutMs = opts.idleTimeoutMs ?? 60_000;
  const limit = opts.maxBodyBytes ?? MB;

  const server = http.createServer(async (req, res) => {
    const { body, tooLarge } = await readBody(req, limit);
    if (tooLarge) return albErrorPage(res, 413, "Request Entity Too Large");
    const headers = collapseRepeated(forwardableHeaders(req.rawHeaders));
    headers.push(["x-forwarded-proto", "http"], ["x-forwarded-for", req.socket.remoteAddress ?? "127.0.0.1"]);
    const out = upstreamRequest(upstream, req, headers, body);
    const idle = setTimeout(() => {
      out.destroy();
      albErrorPage(res, 504, "Gateway Time-out");
    }, idleTimeoutMs);
    out.on("error", () => {
      clearTimeout(idle);
      if (!res.headersSent) albErrorPage(res, 502, "Bad Gateway");
    });
    out.on("response", (up) => {
      const chunks: Buffer[] = [];
      let size = 0;
      up.on("data", (c: Buffer) => {
        size += c.length;
        if (size <= limit) chunks.push(c);
      });
      up.on("error", () => undefined);
      up.on("end", () => {
        clearTimeout(idle);
        if (res.headersSent) return;
        if (size > limit) return albErrorPage(res, 502, "Bad Gateway");
        const whole = Buffer.concat(chunks);
        const kept = collapseRepeated(forwardableHeaders(up.rawHeaders)).filter(([k]) => k.toLowerCase() !== "content-length");
        res.writeHead(up.statusCode ?? 502, [...kept.flat(), "Content-Length", String(whole.length)]);
        res.end(whole);
      });
    });
  });
  return listen(server, upstream);
}
