/**
 * Catalog text uses two markers: **strong** and `code`. Each writer supplies a highlighter
 * (chalk for the console, <strong>/<code> for HTML, kept as-is for Markdown, stripped for JUnit).
 */
export interface Highlighter {
  strong(text: string): string;
  code(text: string): string;
  /** Applied to the plain text between markers (e.g. HTML escaping). */
  text(text: string): string;
}

export const plainHighlighter: Highlighter = { strong: (t) => t, code: (t) => t, text: (t) => t };
export const markdownHighlighter: Highlighter = { strong: (t) => `**${t}**`, code: (t) => `\`${t}\``, text: (t) => t };

export function renderMarkup(text: string, h: Highlighter): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(/\*\*(.+?)\*\*|`([^`]+)`/g)) {
    out += h.text(text.slice(last, m.index));
    out += m[1] !== undefined ? h.strong(h.text(m[1])) : h.code(h.text(m[2] ?? ""));
    last = m.index + m[0].length;
  }
  return out + h.text(text.slice(last));
}
