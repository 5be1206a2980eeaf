import type { CatalogEntry } from "../types.js";

export const aws: CatalogEntry[] = [];
