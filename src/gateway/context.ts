import type { ResolvedConfig } from "./config.js";
import type { ModelCatalog } from "./catalog.js";
import type { KeyStore } from "./keys.js";
import type { Upstream } from "./upstream.js";

/** What every route handler gets: built once per app, shared by all requests. */
export interface GatewayContext {
  config: ResolvedConfig;
  upstream: Upstream;
  catalog: ModelCatalog;
  keys: KeyStore;
}
