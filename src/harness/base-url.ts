import type { Finding } from "../explain/index.js";
import { stripUrlCredentials } from "./redact.js";
import { findingForExchange } from "./transport-findings.js";
import type { HttpClient, HttpResponse, TransportError } from "./types.js";

/** OpenAI endpoint paths people paste by accident; the base is what comes before them. */
const ENDPOINT_SUFFIX = /\/(chat\/completions|completions|embeddings|models(\/[^/]*)?)$/i;

export interface NormalizedBaseUrl {
  /** What was typed, without credentials. */
  entered: string;
  /** Scheme + host + path, no trailing slash, no query, no endpoint path. */
  baseUrl: string;
  /** The endpoint path that was cut off (`/chat/completions`), when one was. */
  strippedEndpoint?: string;
  /** Things we changed, in words, for the report. */
  notes: string[];
}

/**
 * Turn what a person pasted into a base URL: `http://alb/api/v1`, `…/api/v1/`, `…/api`,
 * `…/v1/chat/completions`, `alb.example.com/api/v1`. Throws on something that is not a URL at all
 * (the CLI turns that into a usage error).
 */
export function normalizeBaseUrl(entered: string): NormalizedBaseUrl {
  const notes: string[] = [];
  const raw = entered.trim();
  const clean = stripUrlCredentials(raw);
  if (clean !== raw) notes.push("removed user:password@ from the URL (credentials never leave the key flag)");
  let withScheme = clean;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(clean)) {
    // Like curl: no scheme means http. (NextChat would prefix https://, which is why the report says which.)
    withScheme = `http://${clean}`;
    notes.push(`no scheme given: assumed ${withScheme}`);
  }
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`not a URL: ${JSON.stringify(stripUrlCredentials(entered))}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`not an http(s) URL: ${url.protocol}//…`);
  if (url.search || url.hash) notes.push("ignored the query string / fragment");
  let path = url.pathname.replace(/\/{2,}/g, "/").replace(/\/+$/, "");
  let strippedEndpoint: string | undefined;
  const m = ENDPOINT_SUFFIX.exec(path);
  if (m) {
    strippedEndpoint = m[0];
    path = path.slice(0, m.index);
    notes.push(`cut the endpoint path ${strippedEndpoint}: a client wants the base, it appends the path itself`);
  }
  const result: NormalizedBaseUrl = { entered: clean, baseUrl: `${url.protocol}//${url.host}${path}`, notes };
  if (strippedEndpoint) result.strippedEndpoint = strippedEndpoint;
  return result;
}

/** The bases worth trying when the given one does not answer: one `/v1` more, or one less. */
export function neighbourBases(baseUrl: string): { url: string; relation: "plus-v1" | "minus-v1" }[] {
  if (/\/v1$/i.test(baseUrl)) return [{ url: baseUrl.replace(/\/v1$/i, ""), relation: "minus-v1" }];
  return [{ url: `${baseUrl}/v1`, relation: "plus-v1" }];
}

export interface BaseUrlProbe {
  /** The base the run should use (the given one, or the neighbour that answered). */
  baseUrl: string;
  /** The probe's answer on the chosen base (undefined status: nothing answered). */
  status?: number;
  /** A transport failure on the given base (the CLI exits 3 when it is a connect-level one). */
  error?: TransportError;
  findings: Finding[];
  notes: string[];
  /** The `/models` JSON on the chosen base, when it answered 2xx (used to pick the cheapest model). */
  modelsJson?: unknown;
}

/** A base "answers" when `/models` there is anything but a 404 (401 from the right base still counts). */
function answers(res: HttpResponse): boolean {
  return !res.error && res.status !== undefined && res.status !== 404 && res.status !== 405;
}

function okJson(res: HttpResponse): unknown {
  return res.status !== undefined && res.status >= 200 && res.status < 300 ? res.json : undefined;
}

/**
 * Find the base that serves the OpenAI paths. `client` must send requests relative to absolute URLs
 * (pass the full URL as `path`); use the same client the run uses so the probe lands in the evidence.
 */
export async function probeBaseUrl(client: HttpClient, normalized: NormalizedBaseUrl): Promise<BaseUrlProbe> {
  const notes = [...normalized.notes];
  const findings: Finding[] = [];
  const given = await client.request({ method: "GET", path: `${normalized.baseUrl}/models` });
  if (given.error && given.error.kind !== "redirect-blocked") {
    return { baseUrl: normalized.baseUrl, error: given.error, findings, notes };
  }
  if (given.error?.kind === "redirect-blocked") {
    // A redirect is the answer: neighbours would redirect too, and the finding says where to point clients.
    const f = findingForExchange(given.exchange);
    if (f) findings.push(f);
    return { baseUrl: normalized.baseUrl, status: given.status, findings, notes };
  }
  if (answers(given)) return { baseUrl: normalized.baseUrl, status: given.status, findings, notes, modelsJson: okJson(given) };

  for (const n of neighbourBases(normalized.baseUrl)) {
    const res = await client.request({ method: "GET", path: `${n.url}/models` });
    if (!answers(res)) continue;
    const id = n.relation === "plus-v1" ? "base-url-missing-v1" : "base-url-extra-v1";
    findings.push({ id, args: { entered: normalized.entered, given: normalized.baseUrl, working: n.url, status: given.status ?? 0 } });
    notes.push(`${normalized.baseUrl}/models answered ${given.status}; ${n.url}/models answered ${res.status}: testing ${n.url}`);
    return { baseUrl: n.url, status: res.status, findings, notes, modelsJson: okJson(res) };
  }
  findings.push({ id: "base-url-not-found", args: { entered: normalized.entered, given: normalized.baseUrl, status: given.status ?? 0 } });
  return { baseUrl: normalized.baseUrl, status: given.status, findings, notes };
}
