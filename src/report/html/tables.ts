/**
 * Any JSON-like value as HTML tables: arrays of records become tables, records key/value tables,
 * anything deeper compact JSON. Used for data whose shape another module owns (models, inspect):
 * unknown data is shown, never dropped, never trusted.
 */
import { html, type SafeHtml } from "./escape.js";

const maxRows = 300;
const maxColumns = 16;
const maxDepth = 3;

type Rec = Record<string, unknown>;

export function isRecord(v: unknown): v is Rec {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `modelId` → `model id`; names like `DEFAULT_MODEL` are left alone (they are what people grep for). */
export function humanKey(key: string): string {
  if (/^[A-Z0-9_]+$/.test(key)) return key;
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
}

function compactJson(v: unknown): SafeHtml {
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = String(v);
  }
  return html`<code class="json">${text.length > 400 ? `${text.slice(0, 400)}…` : text}</code>`;
}

export function scalar(v: unknown): SafeHtml {
  if (v === null || v === undefined || v === "") return html`<span class="muted">—</span>`;
  if (typeof v === "boolean") return html`<span class="${v ? "bool-yes" : "bool-no"}">${v ? "yes" : "no"}</span>`;
  return html`${String(v)}`;
}

function columnsOf(rows: Rec[]): string[] {
  const cols: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  return cols.slice(0, maxColumns);
}

function recordsTable(rows: Rec[], caption: string, depth: number): SafeHtml {
  const cols = columnsOf(rows);
  const shown = rows.slice(0, maxRows);
  return html`<div class="table-scroll"><table class="data">
<caption>${caption} (${rows.length})</caption>
<thead><tr>${cols.map((c) => html`<th scope="col">${humanKey(c)}</th>`)}</tr></thead>
<tbody>${shown.map((r) => html`<tr>${cols.map((c) => html`<td>${cell(r[c], depth + 1, humanKey(c))}</td>`)}</tr>`)}</tbody>
</table></div>${rows.length > shown.length ? html`<p class="muted">… and ${rows.length - shown.length} more rows.</p>` : ""}`;
}

function cell(v: unknown, depth: number, caption = ""): SafeHtml {
  if (Array.isArray(v) && v.every((x) => !isRecord(x) && !Array.isArray(x))) {
    return v.length ? html`${v.map((x) => String(x)).join(", ")}` : html`<span class="muted">—</span>`;
  }
  if (isRecord(v) || Array.isArray(v)) return depth >= maxDepth ? compactJson(v) : renderData(v, Array.isArray(v) ? caption : "", depth);
  return scalar(v);
}

/** Any JSON-like value to HTML. `caption` names the table when the value is one. */
export function renderData(value: unknown, caption: string, depth = 0): SafeHtml {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isRecord)) return recordsTable(value, caption || "items", depth);
    return cell(value, depth);
  }
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return html`<span class="muted">—</span>`;
    return html`<table class="kv data">${caption ? html`<caption>${caption}</caption>` : ""}
<tbody>${entries.map(([k, v]) => html`<tr><th scope="row">${humanKey(k)}</th><td>${cell(v, depth + 1, humanKey(k))}</td></tr>`)}</tbody>
</table>`;
  }
  return scalar(value);
}
