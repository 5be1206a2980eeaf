// The harness itself: a full embedded `bagcheck run` (wall time, peak RSS) and `bagcheck --help` start-up.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { percentile, round } from "./stats.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = `${root}bin/bagcheck.js`;
const peakPreload = fileURLToPath(new URL("./peak-rss.mjs", import.meta.url));

function runNode(args, env, timeoutMs) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (c) => {
      if (stderr.length < 4_000) stderr += c;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, wallMs: performance.now() - t0, stderr });
    });
  });
}

/** Embedded `bagcheck run` (no --url: emulator + reference gateway in-process), all report formats. */
export async function harnessRun() {
  const dir = mkdtempSync(join(tmpdir(), "bagcheck-bench-"));
  const peakFile = join(dir, "peak-rss");
  try {
    const r = await runNode(
      ["--import", peakPreload, bin, "run", "--format", "json,md,junit,html", "--report-dir", dir, "--quiet", "--no-color"],
      { PEAK_RSS_FILE: peakFile, OPENAI_BASE_URL: "", OPENAI_API_KEY: "" },
      120_000,
    );
    let peakKb = NaN;
    try {
      peakKb = Number(readFileSync(peakFile, "utf8"));
    } catch {
      // the process died before its exit hook
    }
    return { exitCode: r.code, runWallMs: round(r.wallMs, 0), runPeakRssMb: round(peakKb / 1024, 1), stderr: r.code === 0 || r.code === 1 ? undefined : r.stderr.slice(0, 500) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median wall time of `bagcheck --help` in a fresh process. */
export async function helpStartup(runs = 5) {
  const walls = [];
  for (let i = 0; i < runs; i += 1) walls.push((await runNode([bin, "--help"], {}, 30_000)).wallMs);
  return { helpMs: round(percentile(walls, 50), 1) };
}
