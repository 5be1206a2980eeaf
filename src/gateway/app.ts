import { Hono, type Handler } from "hono";
import { ModelCatalog } from "./catalog.js";
import { resolveConfig, type GatewayConfig, type ResolvedConfig } from "./config.js";
import type { GatewayContext } from "./context.js";
import { KeyStore } from "./keys.js";
import { accessLog } from "./middleware/access-log.js";
import { auth } from "./middleware/auth.js";
import { cors } from "./middleware/cors.js";
import { notFound, onError } from "./middleware/errors.js";
import { limitBody } from "./middleware/limits.js";
import { chatCompletions } from "./routes/chat.js";
import { embeddings } from "./routes/embeddings.js";
import { getModel, listModels } from "./routes/models.js";
import { Upstream } from "./upstream.js";

export interface Gateway {
  app: Hono;
  config: ResolvedConfig;
  /** True when no key is configured: every request is accepted. */
  open: boolean;
  /** Loads the AWS SDK now rather than on the first request (the Node adapter calls it once listening). */
  warm(): Promise<void>;
  /** Closes the pooled connections to Bedrock. */
  dispose(): Promise<void>;
}

const health: Handler = (c) => c.json({ status: "ok" });

/** The app and what it holds; createGatewayApp hands out only the app, the Node and Lambda adapters use the rest. */
export function buildGateway(input: GatewayConfig): Gateway {
  const config = resolveConfig(input);
  const upstream = new Upstream(config);
  const g: GatewayContext = { config, upstream, catalog: new ModelCatalog(config, upstream), keys: new KeyStore(config) };

  const app = new Hono();
  app.onError(onError(config.log));
  app.notFound(notFound);
  if (input.logger) app.use("*", accessLog(config.log));
  app.use("*", cors(config.corsOrigins));
  app.get("/health", health);

  const authed = auth(g.keys);
  const limited = limitBody(config.bodyLimitBytes);
  const models = listModels(g);
  const model = getModel(g);
  const chat = chatCompletions(g);
  const embed = embeddings(g);
  for (const prefix of config.prefixes) {
    app.get(`${prefix}/health`, health);
    app.get(`${prefix}/models`, authed, models);
    // Model ids contain ':' and ARNs contain '/': the id is the whole rest of the path.
    app.get(`${prefix}/models/:id{.+}`, authed, model);
    app.post(`${prefix}/chat/completions`, authed, limited, chat);
    app.post(`${prefix}/embeddings`, authed, limited, embed);
  }
  return {
    app,
    config,
    open: g.keys.open,
    warm: () => upstream.runtimeClient().then(() => undefined),
    dispose: () => upstream.dispose(),
  };
}
