import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Report } from "../harness/types.js";
import { reportSchema } from "./schema.js";
import type { RenderOptions, ReportFormat, ReportWriter } from "./types.js";

export interface WriteReportsOptions {
  /** Parent folder (`--report-dir`, default `reports`). */
  dir: string;
  writers: ReportWriter[];
  render: RenderOptions;
  /** Folder name for this run; default from report.startedAt (`2026-11-28T20-31-05-123Z`). */
  stamp?: string;
}

export interface WrittenReports {
  /** `reports/<timestamp>` */
  runDir: string;
  /** `reports/latest` */
  latestDir: string;
  /** Files written in runDir, by format. */
  files: Partial<Record<ReportFormat, string>>;
}

/** A folder name that sorts by time and is valid on every file system. */
export function runStamp(startedAt: string): string {
  return startedAt.replace(/:/g, "-").replace(/\./g, "-");
}

/**
 * Write every file-producing writer's output to `<dir>/<timestamp>/`, plus `report.schema.json` when the
 * JSON is written, then replace `<dir>/latest/` with a copy (a copy, not a symlink: CI artifact uploads and
 * Windows both handle it).
 */
export async function writeReports(report: Report, opts: WriteReportsOptions): Promise<WrittenReports> {
  const runDir = join(opts.dir, opts.stamp ?? runStamp(report.startedAt));
  const latestDir = join(opts.dir, "latest");
  await mkdir(runDir, { recursive: true });
  const files: WrittenReports["files"] = {};
  for (const w of opts.writers) {
    if (!w.fileName) continue;
    const path = join(runDir, w.fileName);
    await writeFile(path, w.render(report, opts.render), "utf8");
    files[w.format] = path;
    if (w.format === "json") await writeFile(join(runDir, "report.schema.json"), JSON.stringify(reportSchema, null, 2) + "\n", "utf8");
  }
  await rm(latestDir, { recursive: true, force: true });
  await cp(runDir, latestDir, { recursive: true });
  return { runDir, latestDir, files };
}
