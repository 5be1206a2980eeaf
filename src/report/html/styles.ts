/**
 * The report's only stylesheet, inlined so the file works alone from file://.
 * Colours are variables so dark mode and print only swap the palette.
 */
export const styles = String.raw`
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --panel: #ffffff; --fg: #1b1f24; --muted: #59636e; --border: #d6dbe1; --code-bg: #eef1f4;
  --good: #1a7f37; --bad: #c0262d; --warn: #9a6700; --info: #0a5fc2; --accent: #3451d1;
  --good-bg: #e8f5ec; --bad-bg: #fdecec; --warn-bg: #fff4d6; --info-bg: #e8f1fc;
  --wait: #f3c969; --wait-fg: #7a5200;
  --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1217; --panel: #171b22; --fg: #e6e9ed; --muted: #9aa4b0; --border: #2e3642; --code-bg: #222833;
    --good: #4ac26b; --bad: #ff7b72; --warn: #e3b341; --info: #6cb6ff; --accent: #8ea2ff;
    --good-bg: #13291b; --bad-bg: #3a1719; --warn-bg: #33280e; --info-bg: #132640;
    --wait: #8a6a1f; --wait-fg: #f5d88c;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); font: 15px/1.5 var(--sans); }
body { margin: 0 auto; padding: 24px 28px 64px; max-width: 1180px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 1.25rem; margin: 36px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.05rem; margin: 0 0 6px; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
h4 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); margin: 14px 0 4px; }
a { color: var(--accent); }
code, pre { font-family: var(--mono); font-size: 0.86em; }
code { background: var(--code-bg); padding: 1px 5px; border-radius: 4px; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
code.muted { background: none; padding: 0; }
header.report-head { background: var(--panel); border: 1px solid var(--border); border-radius: 10px; padding: 18px 22px; }
.target { font-size: 1.05rem; margin: 6px 0; overflow-wrap: anywhere; }
.meta { display: flex; flex-wrap: wrap; gap: 6px 20px; margin: 8px 0 0; color: var(--muted); font-size: 0.9rem; }
.meta dt { display: inline; } .meta dt::after { content: ":"; } .meta dd { display: inline; margin: 0 0 0 4px; color: var(--fg); }
.totals { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0 0; padding: 0; list-style: none; }
.totals li { border: 1px solid var(--border); border-radius: 8px; padding: 6px 12px; display: flex; align-items: center; gap: 8px; }
.totals li.zero { opacity: 0.55; }
.totals .count { font-size: 1.3rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.headline { margin: 14px 0 0; font-size: 1.05rem; font-weight: 600; }
.jump { display: flex; flex-wrap: wrap; gap: 4px 16px; margin-top: 10px; padding-top: 10px; border-top: 1px solid var(--border); font-size: 0.9rem; }
.badge { display: inline-flex; align-items: center; gap: 5px; font-weight: 600; font-size: 0.85rem; padding: 1px 8px 1px 4px; border-radius: 999px; white-space: nowrap; }
.badge .icon { width: 16px; height: 16px; flex: none; }
.icon circle { fill: currentColor; } .icon path { fill: none; stroke: var(--panel); stroke-width: 1.9; stroke-linecap: round; stroke-linejoin: round; }
.tone-good { color: var(--good); background: var(--good-bg); } .tone-bad { color: var(--bad); background: var(--bad-bg); }
.tone-warn { color: var(--warn); background: var(--warn-bg); } .tone-info { color: var(--info); background: var(--info-bg); }
.tone-muted { color: var(--muted); background: var(--code-bg); }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: var(--panel); }
caption { text-align: left; font-weight: 600; color: var(--muted); font-size: 0.85rem; padding: 4px 0 6px; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--border); }
thead th { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); border-bottom: 2px solid var(--border); }
.verdict-table tbody th { font-weight: 600; min-width: 190px; }
.verdict-table tr > :first-child { border-left: 5px solid transparent; }
.verdict-table tr.verdict-broken > :first-child { border-left-color: var(--bad); }
.verdict-table tr.verdict-degraded > :first-child { border-left-color: var(--warn); }
.verdict-table tr.verdict-works > :first-child { border-left-color: var(--good); }
.reasons { margin: 0; padding-left: 18px; }
.more-reasons > summary { cursor: pointer; color: var(--muted); font-size: 0.85rem; padding-left: 18px; }
.silent-streams { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 10px 14px; }
q.sees { font-style: italic; } q.sees::before { content: "“"; } q.sees::after { content: "”"; }
.verdict-table { table-layout: fixed; min-width: 880px; }
.verdict-table td, .verdict-table th, .finding h3, .check-title, .tl-facts, .timeline-figure figcaption { overflow-wrap: anywhere; }
.c-client { width: 18%; } .c-verdict { width: 116px; } .c-because { width: 31%; } .c-sees { width: 24%; } .c-url { width: 27%; }
.enter-url { overflow-wrap: anywhere; font-size: 0.8rem; }
.finding { background: var(--panel); border: 1px solid var(--border); border-left: 5px solid var(--muted); border-radius: 8px; padding: 14px 18px; margin: 12px 0; }
.finding.severity-error { border-left-color: var(--bad); } .finding.severity-warning { border-left-color: var(--warn); } .finding.severity-info { border-left-color: var(--info); }
.finding p { margin: 4px 0; }
.finding > summary { list-style: none; cursor: pointer; }
.finding > summary::-webkit-details-marker { display: none; }
.finding > summary h3 { margin: 0; }
.finding > summary h3::after { content: "▸"; color: var(--muted); margin-left: auto; }
.finding[open] > summary h3::after { content: "▾"; }
.finding-body { margin-top: 6px; }
.finding:not([open]) { padding-top: 10px; padding-bottom: 10px; }
.finding-meta { font-size: 0.85rem; color: var(--muted); }
.fix { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; }
.fix dt { font-weight: 600; } .fix dd { margin: 0; }
.refs { font-size: 0.85rem; }
.timeline-figure { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; margin: 12px 0; padding: 10px 14px 8px; break-inside: avoid; }
.timeline-figure figcaption { font-size: 0.92rem; margin-bottom: 2px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.timeline-scroll { overflow-x: auto; }
svg.timeline { display: block; width: 100%; min-width: 560px; height: auto; font-family: var(--sans); }
.tl-plot { fill: var(--bg); stroke: var(--border); }
.tl-grid { stroke: var(--border); stroke-dasharray: 2 3; }
.tl-wait { fill: var(--wait); opacity: 0.55; }
.tl-wait-label { fill: var(--wait-fg); font-size: 12px; font-weight: 600; }
.tl-area { fill: var(--accent); opacity: 0.14; }
.tl-steps { fill: none; stroke: var(--accent); stroke-width: 2.2; stroke-linejoin: round; }
.tl-tick { stroke: var(--accent); stroke-width: 1.4; } .tl-tick-named { stroke: var(--bad); stroke-width: 2; }
.tl-end { stroke: var(--fg); stroke-width: 2; }
.tl-headers { stroke: var(--muted); stroke-width: 1.2; stroke-dasharray: 5 3; }
.tl-baseline { stroke: var(--muted); }
.tl-axis { fill: var(--muted); font-size: 11px; }
.tl-label { fill: var(--fg); font-size: 12px; } .tl-label-strong { font-weight: 700; } .tl-label-burst { fill: var(--accent); font-weight: 700; font-size: 13px; }
.stream-table th[scope="row"] { font-weight: 400; width: 34%; overflow-wrap: anywhere; }
.stream-table td, .stream-table th { vertical-align: middle; padding: 6px 10px; }
.strip-cell { width: 40%; min-width: 240px; }
svg.timeline-strip { display: block; width: 100%; min-width: 240px; height: 36px; }
.timeline-strip .tl-steps { stroke-width: 1.8; vector-effect: non-scaling-stroke; }
.timeline-strip .tl-tick, .timeline-strip .tl-plot { vector-effect: non-scaling-stroke; }
td.burst { font-weight: 700; }
.burst-word { display: block; font-size: 0.75rem; font-weight: 600; color: var(--warn); }
.tl-facts { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 4px 0 0; font-size: 0.85rem; }
.tl-facts div { display: flex; gap: 6px; } .tl-facts dt { color: var(--muted); } .tl-facts dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.section-head { display: flex; align-items: baseline; justify-content: space-between; gap: 12px; border-bottom: 1px solid var(--border); margin: 36px 0 10px; }
.section-head h2 { border: 0; margin: 0; }
.toolbar button { font: inherit; font-size: 0.85rem; color: var(--fg); background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 3px 10px; margin-left: 6px; cursor: pointer; }
details.check { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; margin: 6px 0; }
details.check > summary { cursor: pointer; padding: 8px 12px; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; list-style: none; }
details.check > summary::-webkit-details-marker { display: none; }
details.check > summary::before { content: "▸"; color: var(--muted); width: 10px; }
details.check[open] > summary::before { content: "▾"; }
details.check.status-fail { border-left: 5px solid var(--bad); } details.check.status-warn { border-left: 5px solid var(--warn); }
.check-status { flex: none; } .check-title { font-weight: 600; }
.check-id { font-size: 0.78rem; } .check-duration { color: var(--muted); font-size: 0.85rem; margin-left: auto; font-variant-numeric: tabular-nums; }
.check-message { flex-basis: 100%; padding-left: 22px; color: var(--muted); font-size: 0.9rem; overflow-wrap: anywhere; }
.check-body { padding: 4px 16px 12px 34px; border-top: 1px solid var(--border); }
.exchange { margin: 12px 0 18px; }
.exchange-line { text-transform: none; letter-spacing: 0; font-size: 0.95rem; color: var(--fg); margin: 8px 0 2px; overflow-wrap: anywhere; }
.http-status { font-family: var(--mono); font-weight: 700; color: var(--good); } .http-status.bad { color: var(--bad); }
.timings { margin: 0 0 6px; font-size: 0.85rem; }
.exchange-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 12px; }
table.kv th { font-family: var(--mono); font-size: 0.8rem; font-weight: 600; white-space: nowrap; width: 1%; }
table.kv td { font-family: var(--mono); font-size: 0.8rem; overflow-wrap: anywhere; }
table.kv th, table.kv td { padding: 3px 8px; }
.body-label { font-size: 0.8rem; font-weight: 600; color: var(--muted); margin: 8px 0 2px; }
pre.body { margin: 0; padding: 8px 10px; background: var(--code-bg); border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 320px; overflow: auto; }
details.events > summary { cursor: pointer; color: var(--muted); font-size: 0.85rem; margin-top: 8px; }
.events-table td, .events-table th { padding: 2px 8px; font-size: 0.8rem; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.notes { margin: 8px 0; padding-left: 18px; }
table.data td, table.data th { padding: 4px 8px; font-size: 0.88rem; }
table.data table { margin: 0; }
.joined caption { font-size: 1rem; color: var(--fg); padding-top: 14px; }
.joined caption::first-letter, .joined h3::first-letter { text-transform: uppercase; }
.joined td caption { font-size: 0.8rem; color: var(--muted); padding-top: 0; }
.joined h3 { margin-top: 14px; display: block; }
.bool-yes::before { content: "✓ "; } .bool-no::before { content: "✗ "; }
footer { margin-top: 40px; font-size: 0.85rem; color: var(--muted); }
@media (max-width: 700px) { body { padding: 12px; } .fix { grid-template-columns: 1fr; } }
@media print {
  :root { --bg: #fff; --panel: #fff; }
  html { font-size: 12px; }
  body { max-width: none; padding: 0; }
  .toolbar, .jump { display: none; }
  details.check > summary::before, .finding > summary h3::after { content: none; }
  details::details-content { content-visibility: visible; display: contents; }
  details:not([open]) > :not(summary) { display: block; }
  .finding, .timeline-figure, tr, details.check > summary { break-inside: avoid; }
  pre.body { max-height: none; overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
