import type { CatalogEntry } from "../types.js";

export const transport: CatalogEntry[] = [];
