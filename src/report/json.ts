import type { Report } from "../harness/types.js";
import type { ReportWriter } from "./types.js";

/** The contract itself (src/harness/types.ts `Report`, schema in ./schema.ts), pretty-printed. */
export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + "\n";
}

export const jsonWriter: ReportWriter = { format: "json", fileName: "report.json", render: (report) => renderJson(report) };
