import type { Context } from "hono";
import { badRequest } from "../errors.js";

/** The body as JSON, or the OpenAI envelope's 400 (BAG answered these as text/plain). */
export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw badRequest("The request body is not valid JSON.", null, "invalid_json");
  }
}
