import http from "node:http";
import type { AddressInfo } from "node:net";

/** Hop-by-hop headers a proxy must not forward (RFC 9110 §7.6.1), plus host, which the proxy sets. */
const hopByHop = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer", "host"]);

export function forwardableHeaders(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    if (!hopByHop.has(name.toLowerCase())) out.push([name, raw[i + 1]!]);
  }
  return out;
}

/** Read a request body up to `limit` bytes; `tooLarge` once it passes (the rest is drained, not kept). */
export function readBody(req: http.IncomingMessage, limit: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on("end", () => resolve({ body: Buffer.concat(chunks), tooLarge: size > limit }));
    req.on("error", reject);
  });
}

/** Open a request to the upstream origin with the same method, path and (forwardable) headers. */
export function upstreamRequest(
  upstream: URL,
  req: http.IncomingMessage,
  headers: [string, string][],
  body: Buffer,
): http.ClientRequest {
  // The body is re-sent whole, so its length is ours to state.
  const flat: string[] = headers.filter(([k]) => k.toLowerCase() !== "content-length").flat();
  const out = http.request({
    host: upstream.hostname,
    port: upstream.port,
    method: req.method,
    path: req.url,
    headers: [...flat, "host", upstream.host, "content-length", String(body.length)],
  });
  out.end(body);
  return out;
}

export interface RunningFront {
  url: string;
  close(): Promise<void>;
}

/** Listen on an ephemeral 127.0.0.1 port; `url` keeps the upstream's path prefix. */
export async function listen(server: http.Server, upstream: URL): Promise<RunningFront> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const prefix = upstream.pathname.replace(/\/+$/, "");
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
