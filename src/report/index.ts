/**
 * Report writers: every format is an interchangeable consumer of one Report (vitest's reporter pattern).
 * Adding a format never touches the runner.
 */
import { consoleWriter } from "./console.js";
import { htmlWriter } from "./html.js";
import { jsonWriter } from "./json.js";
import { junitWriter } from "./junit.js";
import { markdownWriter } from "./markdown.js";
import type { ReportFormat, ReportWriter } from "./types.js";

export type { RenderOptions, ReportFormat, ReportWriter } from "./types.js";
export { consoleWriter, colorEnabled, renderConsole } from "./console.js";
export { jsonWriter, renderJson } from "./json.js";
export { junitWriter, renderJunit, xmlEscape } from "./junit.js";
export { markdownWriter, renderMarkdown } from "./markdown.js";
export { htmlWriter } from "./html.js";
export { reportSchema } from "./schema.js";
export { writeReports, runStamp, type WriteReportsOptions, type WrittenReports } from "./write.js";

export const writers: Record<ReportFormat, ReportWriter> = {
  console: consoleWriter,
  json: jsonWriter,
  junit: junitWriter,
  md: markdownWriter,
  html: htmlWriter,
};

