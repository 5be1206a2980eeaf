import type { Context } from "hono";
import { GatewayError, badRequest } from "../errors.js";
import { readBody } from "../request-io.js";

/** The body as JSON, or the OpenAI envelope's 400 (BAG answered these as text/plain); 413 past `maxBytes`. */
export async function readJson(c: Context, maxBytes: number): Promise<unknown> {
  try {
    return JSON.parse(await readBody(c, maxBytes)) as unknown;
  } catch (err) {
    if (err instanceof GatewayError) throw err;
    throw badRequest("The request body is not valid JSON.", null, "invalid_json");
  }
}
