import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/harness/types.js";
import { htmlWriter, renderHtmlReport } from "../../src/report/html.js";
import { hostileReport, payloads } from "../fixtures-report/hostile.js";
import { healthyReport } from "../fixtures-report/healthy.js";
import { seed2024Report } from "../fixtures-report/seed-2024.js";

const opts = { color: false, verbose: false };
const render = (r: Report): string => renderHtmlReport(r, opts);
const seedHtml = render(seed2024Report);

/** The slice of the page between two markers, to reason about one section's order. */
function section(html: string, className: string): string {
  const start = html.indexOf(`<section class="${className}"`);
  return html.slice(start, html.indexOf("</section>", start));
}

describe("htmlWriter", () => {
  it("is the html format and writes report.html", () => {
    expect(htmlWriter.format).toBe("html");
    expect(htmlWriter.fileName).toBe("report.html");
    expect(htmlWriter.render(healthyReport, opts)).toMatch(/^<!doctype html>/);
  });
});

describe("a self-contained page", () => {
  it("loads no stylesheet, script, image or frame from anywhere", () => {
    expect(seedHtml).not.toMatch(/<link\b|<script\s+src|<img\b|<iframe\b|@import|url\(/i);
  });

  it("forbids every fetch with its Content-Security-Policy", () => {
    expect(seedHtml).toContain(`http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;`);
  });

  it("allows its own inline style and script by hash, so the browser runs them", () => {
    const hash = (s: string) => `sha256-${createHash("sha256").update(s, "utf8").digest("base64")}`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(seedHtml)?.[1] ?? "";
    const script = /<script>([\s\S]*?)<\/script>/.exec(seedHtml)?.[1] ?? "";
    expect(seedHtml).toContain(`style-src &#39;${hash(style)}&#39;`);
    expect(seedHtml).toContain(`script-src &#39;${hash(script)}&#39;`);
  });

  it("shows the target, mode, front, scenario and totals in the header", () => {
    const head = seedHtml.slice(seedHtml.indexOf("<header"), seedHtml.indexOf("</header>"));
    expect(head).toContain("http://127.0.0.1:41327/api/v1");
    expect(head).toContain("<dd>embedded</dd>");
    expect(head).toContain("<dd>alb-lambda</dd>");
    expect(head).toContain("<dd>seed-2024</dd>");
    expect(head).toMatch(/<span class="count">4<\/span><span>failed<\/span>/);
    expect(head).toContain("2 of 6 clients broken, 1 degraded.");
  });
});

describe("escaping what a hostile gateway sent", () => {
  const out = render(hostileReport);

  it.each([
    ["a response body", "<script>window.__pwned=1</script>"],
    ["an <img> in a body", `<img class="pwned"`],
    ["a header name", `x-evil"><script>`],
    ["a header value", "</td></tr></table><iframe"],
    ["SSE data", `<svg class="pwned"`],
    ["a check message and title", `<b class="pwned">`],
    ["what the client sees", "<style>body{display:none}</style>"],
    ["the target URL", `<a class="pwned"`],
    ["a model id in models, usage and deployment", "<marquee"],
    ["a check id used as an anchor", `onmouseover="window`],
  ])("never emits %s as markup", (_where, raw) => {
    expect(out).not.toContain(raw);
  });

  it("keeps the hostile text visible, escaped", () => {
    expect(out).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
  });

  it("does not turn a javascript: reference into a link", () => {
    expect(out).not.toMatch(/href="javascript:/i);
    expect(out).toContain("<code>javascript:window.__pwned=6</code>");
  });

  it("escapes the text inside catalog **strong** and `code` markers", () => {
    expect(out).toContain("<strong>&lt;img class=&quot;pwned&quot; src=x&gt;</strong>");
    expect(out).toContain("<code>&lt;script&gt;window.__pwned=7&lt;/script&gt;</code>");
  });

  it("makes bidi overrides and NUL bytes visible instead of letting them reorder text", () => {
    expect(out).not.toContain(payloads.bidi);
    expect(out).toContain("abc\\u202edcba\\u0000");
  });
});

describe("catalog text", () => {
  it("renders **strong** as <strong> and `code` as <code>", () => {
    expect(seedHtml).toContain("Browsers on https pages cannot call an <strong>http://</strong> gateway");
    expect(seedHtml).toContain("NextChat appends <code>/v1</code> to a base");
  });

  it("shows each finding's why and every fix it has", () => {
    const f = section(seedHtml, "findings");
    expect(f).toContain("<dt>In general</dt>");
    expect(f).toContain("<dt>For bedrock-access-gateway</dt>");
    expect(f).toContain("<dt>In the client</dt><dd>Enter <code>http://127.0.0.1:41327/api</code> in NextChat.</dd>");
  });
});

describe("failures first", () => {
  it("lists failed checks before warnings, passes and skips", () => {
    const ids = [...section(seedHtml, "checks").matchAll(/<details class="check status-(\w+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([...ids].sort((a, b) => ["fail", "warn", "pass", "skip"].indexOf(a!) - ["fail", "warn", "pass", "skip"].indexOf(b!)));
    expect(ids[0]).toBe("fail");
  });

  it("lists errors before warnings in the findings", () => {
    const sev = [...section(seedHtml, "findings").matchAll(/<details class="finding severity-(\w+)"/g)].map((m) => m[1]);
    expect(sev).toEqual(["error", "error", "error", "error", "warning"]);
  });

  it("keeps errors open and folds warnings", () => {
    const f = section(seedHtml, "findings");
    expect(f).toMatch(/<details class="finding severity-error" id="finding-sse-buffered-by-front" open>/);
    expect(f).toMatch(/<details class="finding severity-warning" id="finding-error-envelope-not-openai">/);
    expect(f).toContain("<strong>4 errors · 1 warning.</strong>");
  });

  it("lists broken clients before degraded before working ones", () => {
    const rows = [...section(seedHtml, "verdicts").matchAll(/<tr class="verdict-(\w+)"/g)].map((m) => m[1]);
    expect(rows).toEqual(["broken", "broken", "degraded", "works", "works", "works"]);
  });
});

describe("the client verdict table", () => {
  const table = section(seedHtml, "verdicts");

  it("is a captioned table with column and row headers", () => {
    expect(table).toContain("<caption>How each chat client fares");
    expect(table.match(/<th scope="col">/g)).toHaveLength(5);
    expect(table.match(/<th scope="row">/g)).toHaveLength(6);
  });

  it("says the verdict in words next to its icon, not by colour alone", () => {
    expect(table).toMatch(/<span class="badge tone-bad"><svg[^>]*aria-hidden="true"[\s\S]*?<span class="badge-label">broken<\/span>/);
  });

  it("links each reason to its finding and shows the URL to enter", () => {
    expect(table).toContain(`<a href="#finding-base-url-double-v1">`);
    expect(table).toContain(`<code class="enter-url">http://127.0.0.1:41327/api</code>`);
  });
});

describe("the reasons behind a verdict", () => {
  const withReasons = (because: string[]): string =>
    section(render({ ...seed2024Report, clients: [{ client: "x", name: "X", verdict: "broken", because }] }), "verdicts");

  it("puts errors before warnings, whatever order the client rules gave", () => {
    const row = section(seedHtml, "verdicts").match(/<tr class="verdict-degraded"[\s\S]*?<\/tr>/)?.[0] ?? "";
    expect(row.indexOf("#finding-sse-buffered-by-front")).toBeLessThan(row.indexOf("#finding-error-envelope-not-openai"));
  });

  it("links a check id to the check, by its title", () => {
    expect(withReasons(["chat.base-url-shape"])).toContain(
      `<a href="#check-chat.base-url-shape">The base URL works as clients append /v1</a> <span class="muted">(check)</span>`,
    );
  });

  it("shows an id the report does not explain as the id itself", () => {
    expect(withReasons(["no-such-finding"])).toContain("<li><code>no-such-finding</code></li>");
  });

  it("folds all but the first three reasons", () => {
    const out = withReasons(seed2024Report.checks.map((c) => c.id));
    expect(out).toContain(`<details class="more-reasons"><summary>${seed2024Report.checks.length - 3} more</summary>`);
  });

  it("shows what the person sees with ``` fences as code", () => {
    const out = section(
      render({ ...seed2024Report, clients: [{ client: "x", name: "X", verdict: "broken", because: [], sees: '```json {"error": true} ``` as a bubble' }] }),
      "verdicts",
    );
    expect(out).toContain(`<q class="sees"><code>{&quot;error&quot;: true}</code> as a bubble</q>`);
  });
});

describe("checks and evidence", () => {
  it("puts every check in a <details> anchored by its id", () => {
    const n = section(seedHtml, "checks").match(/<details class="check /g)?.length;
    expect(n).toBe(seed2024Report.checks.length);
    expect(seedHtml).toContain(`id="check-chat-stream.incremental"`);
  });

  it("shows request and response headers as row-headed tables", () => {
    expect(seedHtml).toContain(`<tr><th scope="row">authorization</th><td>Bearer [REDACTED]</td></tr>`);
  });

  it("says when the body shown is only the first bytes of the response", () => {
    expect(seedHtml).toMatch(/Response body \(first [\d,]+ of 4,871 bytes\)/);
  });
});

describe("stream timelines", () => {
  it("draws one timeline per stream that got events in the streams section", () => {
    const streamed = seed2024Report.checks.flatMap((c) => c.evidence.exchanges).filter((e) => e.events?.length).length;
    expect(section(seedHtml, "streams").match(/<svg class="timeline timeline-strip"/g)).toHaveLength(streamed);
  });

  it("puts the numbers next to each strip and names a burst in words", () => {
    const row = section(seedHtml, "streams").match(/<tr>\s*<th scope="row">[\s\S]*?chat-stream\.incremental[\s\S]*?<\/tr>/)?.[0] ?? "";
    expect(row).toMatch(/<td class="num">21<\/td><td class="num">4,012 ms<\/td>\s*<td class="num burst">4 ms <span class="burst-word">one burst<\/span><\/td>/);
  });

  it("keeps the full timeline, with axes and labels, in the check's evidence", () => {
    const check = seedHtml.slice(seedHtml.indexOf(`id="check-chat-stream.incremental"`));
    expect(check.slice(0, check.indexOf("</details>"))).toContain(`<svg class="timeline" viewBox="0 0 960 176"`);
  });

  it("lists streams that got no event instead of drawing them", () => {
    const streams = section(seedHtml, "streams");
    expect(streams).toContain("1 of 4 streamed requests received no event at all.");
    expect(streams).toContain(`<a href="#check-chat-stream.default-model">`);
  });

  it("has no streams section when nothing was streamed", () => {
    const r: Report = { ...healthyReport, checks: healthyReport.checks.filter((c) => c.id === "chat.basic") };
    expect(render(r)).not.toContain(`class="streams"`);
  });
});

describe("models and inspect results", () => {
  const out = render(healthyReport);
  const models = section(out, "joined");

  it("lists each model with how to call it, whether it streams and whether it is callable", () => {
    expect(models).toContain("<caption>Models (3)</caption>");
    expect(models).toContain(`<th scope="col">Call with</th>`);
    expect(models).toMatch(/anthropic\.claude-3-5-sonnet-20241022-v2:0<\/code>[\s\S]*?<code>us\.anthropic\.claude-3-5-sonnet-20241022-v2:0<\/code><\/td>\s*<td><span class="bool-yes">yes<\/span><\/td><\/tr>/);
    expect(models).toContain("NOT_AUTHORIZED");
  });

  it("shows a deployment snapshot as one table per kind of resource", () => {
    expect(out).toContain(`<h2 id="deployment-h">Deployment (inspect)</h2>`);
    expect(out).toContain("<caption>listeners (1)</caption>");
    expect(out).toContain("<caption>functions (1)</caption>");
    expect(out).toContain(`<td>DEFAULT_MODEL</td><td>anthropic.claude-3-sonnet-20240229-v1:0</td>`);
  });

  it("shows what inspect found and could not tell", () => {
    expect(out).toContain("Found in the deployment: <code>alb-http-only</code>");
    expect(out).toContain("<li>A template does not say which region it is deployed to; model access was not checked.</li>");
  });

  it("leaves both sections out when the report has neither", () => {
    expect(seedHtml).not.toContain(`id="models-h"`);
    expect(seedHtml).not.toContain(`id="deployment-h"`);
  });

  it("shows data of an unexpected shape as generic tables rather than dropping it", () => {
    const odd = render({ ...healthyReport, models: "catalog unavailable", deployment: { stacks: [{ name: "a", size: 2 }], ok: true } });
    expect(odd).toContain("catalog unavailable");
    expect(odd).toMatch(/<caption>stacks \(1\)<\/caption>[\s\S]*<td>a<\/td><td>2<\/td>/);
  });
});
