/**
 * The HTML report: one self-contained file a person reads at a glance (verdicts, what is wrong and
 * how to fix it, stream timelines), with every check's evidence one click away.
 * Each section lives in ./html/; this file only orders them.
 */
import type { Report } from "../harness/types.js";
import { renderChecks } from "./html/checks.js";
import { renderFindings } from "./html/findings.js";
import { page } from "./html/page.js";
import { renderStreams } from "./html/streams.js";
import { renderJoinedResults } from "./html/joined.js";
import { renderVerdicts } from "./html/verdicts.js";
import type { RenderOptions, ReportWriter } from "./types.js";

/** `opts` is accepted for the writer contract; HTML always carries every check, collapsed, so verbose changes nothing. */
export function renderHtmlReport(report: Report, _opts?: RenderOptions): string {
  return page(report, [
    renderVerdicts(report),
    renderFindings(report),
    renderStreams(report),
    renderChecks(report),
    renderJoinedResults(report),
  ]);
}

export const htmlWriter: ReportWriter = {
  format: "html",
  fileName: "report.html",
  render: renderHtmlReport,
};
