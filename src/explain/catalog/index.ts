import type { CatalogEntry } from "../types.js";
import { aws } from "./aws.js";
import { clients } from "./clients.js";
import { http } from "./http.js";
import { streaming } from "./streaming.js";
import { transport } from "./transport.js";

/** Every entry, by area; each area file owns its ids. */
export const catalogEntries: readonly CatalogEntry[] = [...transport, ...http, ...streaming, ...clients, ...aws];
