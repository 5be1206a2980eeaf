import type { CatalogEntry } from "../types.js";

export const http: CatalogEntry[] = [];
