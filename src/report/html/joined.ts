/**
 * `models` and `inspect` results joined into the report. Their shapes belong to src/aws (ModelTable,
 * DeploymentSnapshot / InspectResult) and may change, so they are read by duck typing: a known shape
 * gets a readable layout, anything else falls back to the generic tables.
 */
import type { Report } from "../../harness/types.js";
import { anchorId, html, type SafeHtml } from "./escape.js";
import { humanKey, isRecord, renderData, scalar } from "./tables.js";

type Rec = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function isModelRow(v: unknown): v is Rec & { modelId: string } {
  return isRecord(v) && typeof v.modelId === "string";
}

function yesNo(v: unknown): SafeHtml {
  return typeof v === "boolean" ? scalar(v) : html`<span class="muted">unknown</span>`;
}

/** The columns a person choosing a model needs; the rest of each row stays in the generic form below. */
function modelRowsTable(rows: (Rec & { modelId: string })[]): SafeHtml {
  return html`<div class="table-scroll"><table class="data models-table">
<caption>Models (${rows.length})</caption>
<thead><tr><th scope="col">Model</th><th scope="col">Provider</th><th scope="col">Streaming</th><th scope="col">On demand</th><th scope="col">Inference profiles</th><th scope="col">Access</th><th scope="col">Call with</th><th scope="col">Callable</th></tr></thead>
<tbody>${rows.map((m) => {
    const access = isRecord(m.access) ? str(m.access.authorization) ?? str(m.access.entitlement) : undefined;
    const profiles = Array.isArray(m.profiles) ? m.profiles.map(String) : [];
    return html`<tr><th scope="row"><code>${m.modelId}</code>${str(m.name) ? html`<br><span class="muted">${str(m.name)}</span>` : ""}</th>
<td>${scalar(m.provider)}</td><td>${yesNo(m.streaming)}</td><td>${yesNo(m.onDemand)}</td>
<td>${profiles.length ? profiles.map((p, i) => html`${i ? html`<br>` : ""}<code>${p}</code>`) : html`<span class="muted">—</span>`}</td>
<td>${access ?? html`<span class="muted">unknown</span>`}</td>
<td>${str(m.callWith) ? html`<code>${str(m.callWith)}</code>` : html`<span class="muted">—</span>`}</td>
<td>${yesNo(m.callable)}</td></tr>`;
  })}</tbody>
</table></div>`;
}

/**
 * A record as a page section: its plain fields in one key/value table, each list or nested record under
 * its own sub-heading, so a DeploymentSnapshot reads as load balancers, listeners, functions… in turn.
 */
function recordSections(value: Rec, level: 3 | 4): SafeHtml {
  const plain: [string, unknown][] = [];
  const nested: [string, unknown][] = [];
  for (const [k, v] of Object.entries(value)) {
    if (k === "schemaVersion") continue;
    if (Array.isArray(v) && v.length === 0) plain.push([k, "none"]);
    else if (isRecord(v) || (Array.isArray(v) && v.some((x) => isRecord(x)))) nested.push([k, v]);
    else plain.push([k, v]);
  }
  const heading = (text: string) => (level === 3 ? html`<h3>${text}</h3>` : html`<h4>${text}</h4>`);
  return html`${plain.length ? renderData(Object.fromEntries(plain), "") : ""}${nested.map(([k, v]) => {
    if (k === "models" && Array.isArray(v) && v.length > 0 && v.every(isModelRow)) return modelRowsTable(v);
    // A list names itself in its table caption; a record gets a heading over its key/value table.
    return Array.isArray(v)
      ? html`<div class="sub">${renderData(v, humanKey(k))}</div>`
      : html`<div class="sub">${heading(humanKey(k))}${renderData(v, "")}</div>`;
  })}`;
}

/** InspectResult: `{ snapshot, findings, notes }`; the findings link to the report's own findings when there. */
function inspectResult(value: Rec, report: Report): SafeHtml {
  const known = new Set(report.findings.map((f) => f.id));
  const findings = Array.isArray(value.findings) ? value.findings.filter(isRecord) : [];
  const notes = Array.isArray(value.notes) ? value.notes.map(String) : [];
  const rest = Object.fromEntries(Object.entries(value).filter(([k]) => !["snapshot", "findings", "notes"].includes(k)));
  return html`${findings.length ? html`<p>Found in the deployment: ${findings.map((f, i) => {
    const id = String(f.id);
    return html`${i ? ", " : ""}${known.has(id) ? html`<a href="#${anchorId("finding", id)}"><code>${id}</code></a>` : html`<code>${id}</code>`}`;
  })}</p>` : ""}${notes.length ? html`<ul class="notes">${notes.map((n) => html`<li>${n}</li>`)}</ul>` : ""}${
    Object.keys(rest).length ? renderData(rest, "") : ""
  }${isRecord(value.snapshot) ? recordSections(value.snapshot, 3) : ""}`;
}

function renderModels(models: unknown): SafeHtml {
  if (Array.isArray(models) && models.length > 0 && models.every(isModelRow)) return modelRowsTable(models);
  return isRecord(models) ? recordSections(models, 3) : renderData(models, "Models");
}

function renderDeployment(deployment: unknown, report: Report): SafeHtml {
  if (isRecord(deployment) && isRecord(deployment.snapshot)) return inspectResult(deployment, report);
  return isRecord(deployment) ? recordSections(deployment, 3) : renderData(deployment, "Deployment");
}

export function renderJoinedResults(report: Report): SafeHtml | string {
  const parts: SafeHtml[] = [];
  if (report.models !== undefined) {
    parts.push(html`<section class="joined" aria-labelledby="models-h"><h2 id="models-h">Models</h2>
${renderModels(report.models)}</section>`);
  }
  if (report.deployment !== undefined) {
    parts.push(html`<section class="joined" aria-labelledby="deployment-h"><h2 id="deployment-h">Deployment (inspect)</h2>
${renderDeployment(report.deployment, report)}</section>`);
  }
  return parts.length ? html`${parts}` : "";
}
