import type { CatalogEntry } from "../types.js";

export const streaming: CatalogEntry[] = [];
