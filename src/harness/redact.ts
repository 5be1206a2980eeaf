/**
 * The API key must never reach a report, a console line or a log. Everything the harness records goes
 * through a redactor built from the key: the plain string, its URL-encoded forms and its base64 forms
 * (a gateway may echo `Authorization: Basic …`, or a URL with `?api-key=`).
 */
export const REDACTED = "[REDACTED]";

/** Header names whose values are credentials whatever they contain. */
const CREDENTIAL_HEADERS = new Set(["authorization", "x-api-key", "api-key", "proxy-authorization", "cookie", "set-cookie"]);

function base64Forms(key: string): string[] {
  const b64 = Buffer.from(key, "utf8").toString("base64");
  const b64url = Buffer.from(key, "utf8").toString("base64url");
  // A base64 string without its padding still leaks the key when it is a substring of a longer blob.
  return [b64, b64.replace(/=+$/, ""), b64url];
}

/** Every spelling of the key we look for, longest first so a longer form is replaced before its prefix. */
export function keyForms(key: string): string[] {
  if (!key) return [];
  const forms = new Set<string>([
    key,
    encodeURIComponent(key),
    encodeURIComponent(encodeURIComponent(key)),
    encodeURI(key),
    JSON.stringify(key).slice(1, -1),
    ...base64Forms(key),
  ]);
  // Forms shorter than 4 characters would shred unrelated text (a base64 of a 1-char key is 2 chars).
  return [...forms].filter((f) => f.length >= Math.min(4, key.length)).sort((a, b) => b.length - a.length);
}

export interface Redactor {
  /** Replace every form of the key in a string. */
  text(value: string): string;
  /** True when some form of the key occurs in the value. */
  contains(value: string): boolean;
  /** Credential headers lose their value (scheme kept); other headers are text-redacted. */
  headers(headers: Record<string, string>): Record<string, string>;
  /** Deep-redact any JSON-like value (strings inside objects and arrays). */
  value<T>(value: T): T;
}

/** Redact `key` (and its encodings) from `text`. With no key, returns the text unchanged. */
export function redact(text: string, key: string | undefined): string {
  return createRedactor(key).text(text);
}

export function createRedactor(key: string | undefined): Redactor {
  const forms = key ? keyForms(key) : [];
  const lowerForms = forms.map((f) => f.toLowerCase());
  // URL-encoding is case-insensitive in its hex digits (%2f vs %2F), so the encoded forms match any case.
  const pattern = forms.length
    ? new RegExp(forms.map((f) => escapeRegExp(f)).join("|"), forms.some((f) => f.includes("%")) ? "gi" : "g")
    : undefined;

  const text = (value: string): string => (pattern ? value.replace(pattern, REDACTED) : value);
  const contains = (value: string): boolean => {
    if (!forms.length) return false;
    const lower = value.toLowerCase();
    return forms.some((f, i) => value.includes(f) || (f.includes("%") && lower.includes(lowerForms[i] ?? f)));
  };
  const headers = (h: Record<string, string>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, v] of Object.entries(h)) {
      if (CREDENTIAL_HEADERS.has(name.toLowerCase())) {
        const scheme = /^(Bearer|Basic|Token)\s+/i.exec(v)?.[1];
        out[name] = scheme ? `${scheme} ${REDACTED}` : REDACTED;
      } else {
        out[name] = text(v);
      }
    }
    return out;
  };
  const deep = <T>(v: T): T => {
    if (typeof v === "string") return text(v) as T;
    if (Array.isArray(v)) return v.map((x: unknown) => deep(x)) as T;
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[text(k)] = deep(x);
      return out as T;
    }
    return v;
  };
  return { text, contains, headers, value: deep };
}

/** Strip `user:password@` from a URL a person typed; the rest is kept as typed. */
export function stripUrlCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, "$1");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
