import type { AddressInfo } from "node:net";
import { buildGateway } from "./app.js";
import type { GatewayConfig } from "./config.js";
import { answerClientErrors, socketServerOptions, type SocketLimits } from "./node-limits.js";

export interface RunningGateway {
  /** The base URL to give clients: http://127.0.0.1:PORT/api/v1 (the first prefix). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The Node adapter: the app on @hono/node-server, on 127.0.0.1 and an ephemeral port unless told otherwise. */
export async function startGateway(config: GatewayConfig & SocketLimits & { host?: string; port?: number }): Promise<RunningGateway> {
  const { serve } = await import("@hono/node-server");
  const gateway = buildGateway(config);
  const host = config.host ?? "127.0.0.1";
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: gateway.app.fetch, hostname: host, port: config.port ?? 0, serverOptions: socketServerOptions(config) }, () => resolve(s));
    s.once("error", reject);
    answerClientErrors(s);
  });
  // Clients (and load balancers) reuse connections: keep idle ones longer than the usual 60 s proxy idle timeout.
  if ("keepAliveTimeout" in server) server.keepAliveTimeout = 65_000;
  const port = (server.address() as AddressInfo).port;
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  if (gateway.open) gateway.config.log("warning: no API key configured; the gateway accepts every request");
  // The SDK is loaded lazily (cheap app creation, fast CLI start); a server about to take traffic loads it now,
  // so the first request does not pay for it.
  void gateway.warm().catch(() => undefined);
  return {
    url: `http://${shown}:${port}${gateway.config.prefixes[0] ?? ""}`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      await gateway.dispose();
    },
  };
}
