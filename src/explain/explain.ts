import { catalogEntries } from "./catalog/index.js";
import type { CatalogEntry, ExplainedFinding, Finding, FindingArgs } from "./types.js";

const byId = new Map<string, CatalogEntry>(catalogEntries.map((e) => [e.id, e]));

export function getEntry(id: string): CatalogEntry | undefined {
  return byId.get(id);
}

export function listCatalog(): readonly CatalogEntry[] {
  return catalogEntries;
}

/** Fill `{name}` placeholders; an arg that is missing stays visible as `{name}` so a test can catch it. */
export function fillTemplate(template: string, args: FindingArgs): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** Turn a finding into its words. An id missing from the catalog is a bug, but never a crash for the user. */
export function explainFinding(finding: Finding): ExplainedFinding {
  const args = finding.args ?? {};
  const entry = byId.get(finding.id);
  if (!entry) {
    return {
      id: finding.id,
      severity: "warning",
      title: finding.id,
      why: "This finding has no catalog entry (a bagcheck bug: please report it).",
      fix: { general: "" },
      clients: [],
      references: [],
      args,
    };
  }
  const fix: ExplainedFinding["fix"] = { general: fillTemplate(entry.fix.general, args) };
  if (entry.fix.bag) fix.bag = fillTemplate(entry.fix.bag, args);
  if (entry.fix.client) fix.client = fillTemplate(entry.fix.client, args);
  return {
    id: entry.id,
    severity: entry.severity,
    title: fillTemplate(entry.title, args),
    why: fillTemplate(entry.why, args),
    fix,
    clients: entry.clients,
    references: entry.references,
    args,
  };
}
