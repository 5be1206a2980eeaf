// Reads a V8 .cpuprofile (node --cpu-prof) and lists where the time went: self time by function and by
// package, so a profile turns into a short list of suspects instead of a flame graph to squint at.
import { readFileSync } from "node:fs";

function where(url) {
  if (!url) return "(native/vm)";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const own = /\/dist\/(src\/[^?]+)/.exec(url);
  if (own) return own[1];
  if (url.startsWith("node:")) return url;
  return url.split("/").slice(-2).join("/");
}

export function summarizeProfile(file, top = 25) {
  const prof = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  // Sample i lasted timeDeltas[i+1] µs (V8's convention); attribute it to the sampled node.
  prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fn = new Map();
  const pkg = new Map();
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    const cf = n.callFrame;
    const name = `${cf.functionName || "(anonymous)"} ${where(cf.url)}:${cf.lineNumber + 1}`;
    fn.set(name, (fn.get(name) ?? 0) + us);
    const p = cf.url ? where(cf.url) : cf.functionName || "(native)";
    pkg.set(p, (pkg.get(p) ?? 0) + us);
  }
  const pct = (us) => `${((100 * us) / total).toFixed(1)}%`;
  const sort = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return {
    totalMs: Math.round(total / 1000),
    byPackage: sort(pkg).map(([k, us]) => `${pct(us).padStart(6)}  ${k}`),
    byFunction: sort(fn).map(([k, us]) => `${pct(us).padStart(6)}  ${k}`),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = summarizeProfile(process.argv[2], Number(process.argv[3] ?? 25));
  process.stdout.write(`total sampled: ${s.totalMs} ms\n\nby package / file:\n${s.byPackage.join("\n")}\n\nby function (self time):\n${s.byFunction.join("\n")}\n`);
}
