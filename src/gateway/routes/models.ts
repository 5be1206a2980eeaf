import type { Handler } from "hono";
import { mapBedrockError, modelNotFound } from "../bedrock-errors.js";
import type { GatewayContext } from "../context.js";

/** GET /models: the region's callable text and embedding models and inference profiles, in OpenAI's shape. */
export function listModels(g: GatewayContext): Handler {
  return async (c) => {
    const snapshot = await g.catalog.get().catch((err: unknown) => {
      throw mapBedrockError(err, { region: g.config.region });
    });
    return c.json({ object: "list", data: snapshot.models });
  };
}

/** GET /models/{id}: one of the above, or 404 model_not_found (BAG answered 500). */
export function getModel(g: GatewayContext): Handler {
  return async (c) => {
    const id = decodeURIComponent(c.req.param("id") ?? "");
    const snapshot = await g.catalog.get().catch((err: unknown) => {
      throw mapBedrockError(err, { region: g.config.region });
    });
    const model = snapshot.models.find((m) => m.id === id);
    if (!model) throw modelNotFound(id);
    return c.json(model);
  };
}
