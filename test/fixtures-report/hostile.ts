/**
 * A Report carrying what a hostile gateway could put in front of us: markup in bodies, headers, SSE
 * data, model text, check messages, even in catalog-filled text and reference URLs.
 * Every payload sets `window.__pwned` or adds an element with class `pwned` if it ever runs or parses.
 */
import type { Report } from "../../src/harness/types.js";

export const payloads = {
  body: `<script>window.__pwned=1</script><img class="pwned" src=x onerror="window.__pwned=2">`,
  headerName: `x-evil"><script>window.__pwned=3</script>`,
  headerValue: `</td></tr></table><iframe class="pwned" src="https://evil.example/"></iframe>`,
  eventData: `{"choices":[{"delta":{"content":"<svg class=\\"pwned\\" onload=\\"window.__pwned=4\\">"}}]}`,
  message: `<b class="pwned">bold</b>`,
  sees: `"><style>body{display:none}</style>`,
  url: `http://127.0.0.1:1/"><a class="pwned" href="javascript:window.__pwned=5">x</a>`,
  refUrl: "javascript:window.__pwned=6",
  findingTitle: `**<img class="pwned" src=x>** and \`<script>window.__pwned=7</script>\``,
  bidi: "abc\u202Edcba\u0000",
  modelId: `<marquee class="pwned">m</marquee>`,
  checkId: `x" onmouseover="window.__pwned=8`,
};

export const hostileReport: Report = {
  schemaVersion: 1,
  tool: "bagcheck",
  version: "0.1.0",
  target: { url: payloads.url, mode: "remote" },
  startedAt: "2026-11-28T21:00:00.000Z",
  durationMs: 100,
  summary: { pass: 0, fail: 1, warn: 0, skip: 0 },
  usage: { modelCalls: 1, promptTokens: 1, completionTokens: 1, model: payloads.modelId },
  checks: [
    {
      id: payloads.checkId, suite: "chat-stream", title: payloads.message, status: "fail", durationMs: 50, message: payloads.message,
      evidence: {
        notes: [payloads.body],
        exchanges: [{
          method: "POST", url: payloads.url,
          requestHeaders: { authorization: "Bearer [REDACTED]" },
          status: 200,
          responseHeaders: { [payloads.headerName]: payloads.headerValue },
          responseBody: payloads.body + payloads.bidi,
          timings: { totalMs: 40 },
          events: [{ atMs: 10, event: payloads.headerName, data: payloads.eventData }],
        }],
      },
      findings: [{ id: "hostile-finding" }],
    },
  ],
  findings: [{
    id: "hostile-finding", severity: "error", title: payloads.findingTitle, why: payloads.body,
    fix: { general: payloads.headerValue }, clients: [payloads.modelId],
    references: [{ title: "click me", url: payloads.refUrl }], checks: [payloads.checkId],
  }],
  clients: [{ client: "nextchat-web", name: payloads.message, verdict: "broken", because: ["hostile-finding"], sees: payloads.sees, enterUrl: payloads.url }],
  models: [{ [payloads.headerName]: payloads.modelId, id: payloads.body }],
  deployment: { [payloads.modelId]: { nested: [payloads.body] } },
};
