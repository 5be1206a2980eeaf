import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../src/cli/main.js";
import type { Report } from "../../../src/harness/index.js";
import { watchRss } from "./memory.js";

export interface CliRun {
  code: number;
  report: Report;
  /** Peak RSS growth of this process while the run lasted, MB (sampled every 25 ms). */
  rssGrowthMb: number;
  findingIds: string[];
}

/** `bagcheck run` in-process (main(argv)) with a JSON report in a temp dir; returns the parsed report. */
export async function runCli(args: string[]): Promise<CliRun> {
  const dir = mkdtempSync(join(tmpdir(), "bagcheck-sec-"));
  const rss = watchRss();
  try {
    const code = await main(["run", ...args, "--format", "json", "--report-dir", dir, "--quiet", "--no-color"]);
    const rssGrowthMb = rss.stop();
    const report = JSON.parse(readFileSync(join(dir, "latest", "report.json"), "utf8")) as Report;
    const findingIds = [...new Set(report.checks.flatMap((c) => c.findings.map((f) => f.id)))];
    return { code, report, rssGrowthMb, findingIds };
  } finally {
    rss.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
