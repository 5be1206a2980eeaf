import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "vitest";
import { hostileGateways } from "../../fixtures/gateways/hostile.js";
import { main } from "../../src/cli/main.js";

function findJson(dir: string): string | undefined {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { const f = findJson(p); if (f) return f; }
    else if (e.name.endsWith(".json")) return p;
  }
  return undefined;
}

it("explore", async () => {
  const suites = process.env.SUITES ?? "models,chat-stream";
  for (const [name, start] of Object.entries(hostileGateways)) {
    const gw = await start();
    const dir = mkdtempSync(join(tmpdir(), "hostile-"));
    const t0 = Date.now();
    const rss0 = process.memoryUsage.rss();
    let peak = rss0;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
    const code = await main(["run", "--url", gw.url, "--key", gw.key, "--timeout", "1000", "--format", "json", "--report-dir", dir, "--quiet", ...(suites === "all" ? [] : ["--suite", suites])]);
    clearInterval(timer);
    const f = findJson(dir);
    const report = f ? JSON.parse(readFileSync(f, "utf8")) : undefined;
    const ids = report ? [...new Set(report.checks.flatMap((c: { findings: { id: string }[] }) => c.findings.map((x) => x.id)))] : [];
    console.log(`${name}: exit ${code} in ${Date.now() - t0} ms, rss +${((peak - rss0) / 1048576).toFixed(0)} MB, checks ${report?.checks.length}, findings ${ids.join(",")} sink=${gw.sink ? `${gw.sink.requests()}/${gw.sink.keySeen()}` : "-"}`);
    rmSync(dir, { recursive: true, force: true });
    await gw.close();
  }
}, 300000);
