import type { ModelRow, ModelTable } from "../types.js";
import { notCallableReason } from "./collect.js";

function invokeKind(r: ModelRow): string {
  if (r.onDemand) return "on-demand";
  if (r.profiles.length) return "profile-only";
  return r.inferenceTypes.includes("PROVISIONED") ? "provisioned" : "-";
}

function accessText(r: ModelRow): string {
  if (!r.access) return r.onDemand || r.profiles.length ? "unknown" : "-";
  if (r.callable) return "authorized";
  return notCallableReason(r);
}

const HEADERS = ["MODEL", "PROVIDER", "IN → OUT", "INVOKE", "PROFILES", "ACCESS", "STREAM", "CALL WITH"];

export function modelTableRows(table: ModelTable): string[][] {
  return table.models.map((r) => [
    r.modelId,
    r.provider,
    `${r.input.join("+").toLowerCase()} → ${r.output.join("+").toLowerCase()}`,
    invokeKind(r),
    r.profiles.join(", ") || "-",
    accessText(r),
    r.streaming ? "yes" : "no",
    r.callable === false ? "-" : (r.callWith ?? "-"),
  ]);
}

/** A plain-text table: fixed-width columns, one model per line, callable models first. */
export function formatModelTable(table: ModelTable): string {
  const sorted: ModelTable = {
    ...table,
    models: [...table.models].sort((a, b) => Number(b.callable === true) - Number(a.callable === true) || a.modelId.localeCompare(b.modelId)),
  };
  const rows = [HEADERS, ...modelTableRows(sorted)];
  const widths = HEADERS.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  const lines = rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join("  ").trimEnd());
  const callable = table.models.filter((r) => r.callable).length;
  lines.push("", `${table.models.length} models in ${table.region}, ${callable} callable by this account, ${table.profiles.length} inference profiles.`);
  return lines.join("\n");
}
