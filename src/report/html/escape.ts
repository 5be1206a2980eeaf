/**
 * Everything in a report came from a gateway we do not trust (bodies, headers, model text, even URLs),
 * so escaping is the default: `html` escapes every interpolated value unless it is already `SafeHtml`.
 * A writer can only emit raw markup by building it with `html` or by naming it `trusted(...)`.
 */
// This does go through explain's index.ts; the lint pattern only recognises index imports one folder deep.
import { renderMarkup, type Highlighter } from "../../explain/index.js";

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Control characters and bidi overrides are made visible (`\u202e`) so a body cannot reorder or hide text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const invisible = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => entities[c] ?? c)
    .replace(invisible, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function stringify(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((v: HtmlValue) => stringify(v)).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/** Tagged template: literal parts are markup, interpolations are text (escaped) unless SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    out += stringify(v) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** For markup the writer itself produced (CSS, the inline script, SVG built from numbers). */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

export const htmlHighlighter: Highlighter = {
  strong: (t) => `<strong>${t}</strong>`,
  code: (t) => `<code>${t}</code>`,
  text: escapeHtml,
};

/** Catalog text (`**strong**`, `` `code` ``) to HTML; the text between markers is escaped. */
export function markup(text: string): SafeHtml {
  return new SafeHtml(renderMarkup(text, htmlHighlighter));
}

/** Element ids from check / finding ids; the prefix keeps the namespaces apart. */
export function anchorId(kind: "check" | "finding" | "client", id: string): string {
  return `${kind}-${id.replace(/[^A-Za-z0-9._-]/g, "_")}`;
}

/** Only http(s) links become hrefs: a `javascript:` URL in a report must stay text. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}
