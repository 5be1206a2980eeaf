import http from "node:http";
import http2 from "node:http2";
import net from "node:net";
import type { Req, Res } from "./http.js";

/** The HTTP/2 connection preface starts with these bytes; no HTTP/1.1 method does. */
const H2_PREFACE = Buffer.from("PRI * HTTP/2.0\r\n");
const SNIFF_TIMEOUT_MS = 30_000;

export interface DualListener {
  port: number;
  close(): Promise<void>;
}

/**
 * One TCP port for HTTP/1.1 (boto3, curl, the control-plane SDK client) and h2c with prior knowledge (the JS
 * runtime SDK's default): the first bytes of each connection decide which server gets the socket.
 */
export async function listenDual(
  host: string,
  port: number,
  handler: (req: Req, res: Res) => void,
  onConnection: (protocol: "http1" | "h2") => void = () => undefined,
): Promise<DualListener> {
  const h1 = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => handler(req, res));
  // Generous session memory: one SDK session carries every concurrent stream of a load test.
  const h2 = http2.createServer({ maxSessionMemory: 64 }, (req, res) => handler(req as unknown as Req, res as unknown as Res));
  // A misbehaving client must never take the emulator down.
  h1.on("clientError", (_err, socket) => socket.destroy());
  h2.on("sessionError", () => undefined);
  const sockets = new Set<net.Socket>();

  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    // A connection that never says which protocol it speaks is dropped; the servers own idle handling after.
    const silent = (): void => {
      socket.destroy();
    };
    socket.setTimeout(SNIFF_TIMEOUT_MS, silent);
    let seen: Buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      seen = seen.length === 0 ? chunk : Buffer.concat([seen, chunk]);
      const n = Math.min(seen.length, H2_PREFACE.length);
      const prefixMatches = seen.subarray(0, n).equals(H2_PREFACE.subarray(0, n));
      // Wait for more bytes only while the data could still be the start of the preface.
      if (prefixMatches && n < H2_PREFACE.length) return;
      socket.off("data", onData);
      socket.setTimeout(0);
      socket.off("timeout", silent);
      socket.pause();
      socket.unshift(seen);
      onConnection(prefixMatches ? "h2" : "http1");
      if (prefixMatches) {
        // http2 reads what is already buffered on the socket itself (node core, setupHandle).
        h2.emit("connection", socket);
        // An h2 peer that half-closes is gone (h2 has no half-close of the connection); don't keep the socket.
        socket.once("end", () => socket.destroy());
      } else {
        h1.emit("connection", socket);
        socket.resume();
      }
    };
    socket.on("data", onData);
  });

  await new Promise<void>((resolve, reject) => {
    tcp.once("error", reject);
    tcp.listen(port, host, () => {
      tcp.off("error", reject);
      resolve();
    });
  });
  const address = tcp.address() as net.AddressInfo;
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        tcp.close(() => resolve());
        for (const s of sockets) s.destroy();
        h1.closeAllConnections();
      }),
  };
}
