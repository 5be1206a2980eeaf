/**
 * A finding is data, never prose: a catalog id plus the facts that fill its text (publint's pattern).
 * Writers turn it into words through the catalog, each with its own highlighter.
 */
export type FindingArgs = Record<string, string | number | boolean>;

export interface Finding {
  /** Catalog id naming a root cause, not a symptom: `sse-buffered-by-front`, `base-url-double-v1`. */
  id: string;
  args?: FindingArgs;
}

export type Severity = "error" | "warning" | "info";

/** Client ids are the `id`s of profiles in src/clients (kept as strings here so explain depends on nothing). */
export type ClientId = string;

export interface Reference {
  title: string;
  url: string;
}

/**
 * One catalog entry (ESLint rule `meta` pattern: the docs travel with the id).
 * Text fields are templates: `{name}` is replaced by `Finding.args.name`; `**x**` marks emphasis,
 * `` `x` `` marks code. Writers render these markers with their own highlighter.
 */
export interface CatalogEntry {
  id: string;
  severity: Severity;
  title: string;
  /** Why it happens: the mechanism, in two to five sentences. */
  why: string;
  fix: {
    /** What to change, for any gateway. */
    general: string;
    /** For aws-samples/bedrock-access-gateway specifically (setting, template change, IAM JSON). */
    bag?: string;
    /** For the person using the client: the URL to enter, the setting to change. */
    client?: string;
  };
  /** Clients this breaks (profile ids). */
  clients: ClientId[];
  references: Reference[];
}

/** A catalog entry with its templates filled in from one finding's args. */
export interface ExplainedFinding {
  id: string;
  severity: Severity;
  title: string;
  why: string;
  fix: { general: string; bag?: string; client?: string };
  clients: ClientId[];
  references: Reference[];
  args: FindingArgs;
}
