export type { CatalogEntry, ClientId, ExplainedFinding, Finding, FindingArgs, Reference, Severity } from "./types.js";
export { explainFinding, fillTemplate, getEntry, listCatalog } from "./explain.js";
export { markdownHighlighter, plainHighlighter, renderMarkup, type Highlighter } from "./markup.js";
