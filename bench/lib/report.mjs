// The bench report: stable JSON fields (CI and the README read them) and one Markdown table.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

const fmt = (x, unit = "") => (x === null || x === undefined || Number.isNaN(x) ? "–" : `${x}${unit}`);
const signed = (x) => (x === null || x === undefined ? "–" : `${x >= 0 ? "+" : ""}${x}`);
const interval = (iv) => (Array.isArray(iv) && iv[0] !== null ? ` (90 % interval ${signed(iv[0])} … ${signed(iv[1])})` : "");
const yes = (b) => (b === null || b === undefined ? "–" : b ? "yes" : "**no**");

export function renderMarkdown(r) {
  const g = r.gateway;
  const rows = [
    "| measure | direct → emulator | through our gateway | added | goal | met |",
    "|---|---|---|---|---|---|",
    `| sequential non-stream p50 / p90 / p99 ms, direct = AWS SDK (n=${g.direct.n} each, interleaved) | ${g.direct.p50} / ${g.direct.p90} / ${g.direct.p99} | ${g.through.p50} / ${g.through.p90} / ${g.through.p99} | ${signed(g.overheadP50Ms)} / ${signed(g.overheadP90Ms)} / ${signed(g.overheadP99Ms)}${interval(g.overheadP99Interval90Ms)} | < 1 ms p99 | ${yes(r.goals.overheadP99)} |`,
    ...(g.plain
      ? [
          `| the same, direct = plain HTTP client + Bedrock API key, p50 / p99 | ${g.plain.p50} / ${g.plain.p99} | ${g.through.p50} / ${g.through.p99} | ${signed(g.throughVsPlainHttp.p50Ms)} / ${signed(g.throughVsPlainHttp.p99Ms)}${interval(g.throughVsPlainHttp.p99Interval90Ms)} | | |`,
          `| the same, through a bare node:http passthrough instead (one more Node hop, no logic) | ${g.plain.p50} / ${g.plain.p99} | ${g.passthrough.p50} / ${g.passthrough.p99} | ${signed(g.passthroughVsPlainHttp.p50Ms)} / ${signed(g.passthroughVsPlainHttp.p99Ms)}${interval(g.passthroughVsPlainHttp.p99Interval90Ms)} | | |`,
        ]
      : []),
    `| streaming TTFT p50 / p99 ms (n=${g.directStream.ttft.n}) | ${g.directStream.ttft.p50} / ${g.directStream.ttft.p99} | ${g.throughStream.ttft.p50} / ${g.throughStream.ttft.p99} | ${signed(g.ttftAddedMs)} / ${signed(g.ttftAddedP99Ms)} | < 1 ms | ${yes(r.goals.ttftAdded)} |`,
    `| inter-chunk gap p50 / p99 ms | ${g.directStream.gap.p50} / ${g.directStream.gap.p99} | ${g.throughStream.gap.p50} / ${g.throughStream.gap.p99} | ${signed(g.gapAddedP50Ms)} / ${signed(g.gapAddedP99Ms)} | | |`,
  ];
  const t = r.throughput;
  const names = ["emulator", "passthrough", "gateway", "portkey"];
  const label = { emulator: "emulator direct (backend)", passthrough: "node:http passthrough (ceiling)", gateway: "bagcheck reference gateway", portkey: `Portkey ${r.peers.portkey ?? "(skipped)"}, Bedrock provider` };
  const load = [
    "",
    "| target | req/s c=16 | p99 ms c=16 | req/s c=64 | p99 ms c=64 | errors | CPU ms/req | RSS idle → peak MB |",
    "|---|---|---|---|---|---|---|---|",
    ...names
      .filter((n) => t.levels.c64?.[n])
      .map((n) => {
        const a = t.levels.c16?.[n];
        const b = t.levels.c64?.[n];
        const errs = (a ? a.errors + a.non2xx + a.timeouts : 0) + (b ? b.errors + b.non2xx + b.timeouts : 0);
        return `| ${label[n]} | ${fmt(a?.reqPerSec)} | ${fmt(a?.latencyMs.p99)} | ${fmt(b?.reqPerSec)} | ${fmt(b?.latencyMs.p99)} | ${errs} | ${fmt(b?.cpuMsPerReq)} | ${fmt(r.rss.idle[n])} → ${fmt(r.rss.underLoad[n])} |`;
      }),
    "",
    `Throughput ratio, our gateway vs Portkey at c=64: **${fmt(t.ratioVsPortkey, "×")}** (goal ≥ 2×: ${yes(r.goals.ratioVsPortkey)}); vs the passthrough ceiling: ${fmt(t.ratioVsPassthrough, "×")}.`,
  ];
  const other = [
    "",
    "| other | value | goal | met |",
    "|---|---|---|---|",
    `| embedded \`bagcheck run\` wall (all formats) | ${fmt(r.harness.runWallMs, " ms")} | < 5000 ms | ${yes(r.goals.runWall)} |`,
    `| embedded \`bagcheck run\` peak RSS | ${fmt(r.harness.runPeakRssMb, " MB")} | < 150 MB | ${yes(r.goals.runRss)} |`,
    `| \`bagcheck --help\` start-up | ${fmt(r.harness.helpMs, " ms")} | | |`,
    `| Lambda bundle (esbuild, minified) | ${fmt(r.bundle.bytes === null ? null : Math.round(r.bundle.bytes / 1024), " KiB")} | < 1 MiB | ${yes(r.goals.bundle)} |`,
    `| Lambda cold init: fresh process → handler / import alone | ${fmt(r.bundle.coldInitMs, " ms")} / ${fmt(r.bundle.importMs, " ms")} | | |`,
    `| gateway RSS under load (c=64 peak) | ${fmt(r.rss.underLoad.gateway, " MB")} | < 100 MB | ${yes(r.goals.gatewayRss)} |`,
  ];
  const m = r.machine;
  const head = `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}, load avg at start ${m.loadAvg.join(" ")}. Mode: ${r.mode}. ${r.date}.`;
  const warn = r.warnings.length ? `\n\n${r.warnings.map((w) => `> ⚠ ${w}`).join("\n")}` : "";
  return `${head}${warn}\n\n${rows.join("\n")}\n${load.join("\n")}\n${other.join("\n")}\n`;
}

export function writeReport(r) {
  const dir = `${root}reports/bench`;
  mkdirSync(dir, { recursive: true });
  const stamp = r.date.replace(/[:]/g, "-").replace(/\..+$/, "");
  const json = `${dir}/${stamp}.json`;
  const md = `${dir}/${stamp}.md`;
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(md, renderMarkdown(r));
  return { json, md };
}
