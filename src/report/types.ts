import type { Report } from "../harness/types.js";

export type ReportFormat = "console" | "json" | "junit" | "md" | "html";

export interface RenderOptions {
  /** Terminal colours (console only); false with NO_COLOR or --no-color. */
  color: boolean;
  /** Show passing checks and evidence too. */
  verbose: boolean;
}

/** vitest's reporter pattern: every format is an interchangeable consumer of one Report. */
export interface ReportWriter {
  format: ReportFormat;
  /** File written inside the report dir (console writes to stdout and has none). */
  fileName?: string;
  render(report: Report, opts: RenderOptions): string;
}
