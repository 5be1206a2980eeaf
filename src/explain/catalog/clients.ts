import type { CatalogEntry } from "../types.js";

export const clients: CatalogEntry[] = [];
