import type { Hono } from "hono";
import { buildGateway } from "./app.js";
import type { GatewayConfig } from "./config.js";

export type { GatewayConfig } from "./config.js";
export { startGateway, type RunningGateway } from "./node.js";

/** The gateway as a runtime-agnostic Hono app: `app.fetch(request)`. */
export function createGatewayApp(config: GatewayConfig): Hono {
  return buildGateway(config).app;
}
