import { buildReport, type CheckResult, type Report } from "../../src/harness/index.js";

/** A small report with one of each status, a transport finding and a hostile body in the evidence. */
export function sampleReport(): Report {
  const checks: CheckResult[] = [
    {
      id: "auth.valid-key-accepted", suite: "auth", title: "A valid key gets 200", status: "pass", durationMs: 12,
      evidence: { exchanges: [], notes: [] }, findings: [],
    },
    {
      id: "auth.missing-key-rejected", suite: "auth", title: "No key | gets 401", status: "fail", durationMs: 1500,
      message: "no response within 300 ms",
      evidence: {
        exchanges: [{
          method: "GET", url: "http://127.0.0.1:9/v1/models", requestHeaders: { authorization: "Bearer [REDACTED]" },
          status: 502, responseHeaders: { "content-type": "text/html" }, responseBody: "<html>\u0000\u0007 <b>Bad & ugly</b> ]]> </html>",
          timings: { headersMs: 3, totalMs: 4 }, anomalies: ["html-body"],
        }],
        notes: ["a note"],
      },
      findings: [{ id: "response-html-not-json", args: { url: "http://127.0.0.1:9/v1/models", host: "127.0.0.1:9", status: 502, contentType: "text/html" } }],
    },
    {
      id: "target.base-url", suite: "target", title: "The base URL answers", status: "warn", durationMs: 5,
      evidence: { exchanges: [], notes: [] },
      findings: [{ id: "base-url-missing-v1", args: { entered: "http://x/api", given: "http://x/api", working: "http://x/api/v1", status: 404 } }],
    },
    {
      id: "limits.slow-generation", suite: "limits", title: "A generation past 60 s", status: "skip", durationMs: 0,
      message: "slow check: run with --slow", evidence: { exchanges: [], notes: [] }, findings: [],
    },
  ];
  return buildReport({
    version: "0.1.0",
    target: { enteredUrl: "http://127.0.0.1:9/v1", baseUrl: "http://127.0.0.1:9/v1", mode: "remote", urlTyped: true },
    startedAt: new Date("2026-11-28T20:00:00.000Z"),
    durationMs: 2345,
    checks,
    clients: [
      { client: "nextchat-web", name: "NextChat (web)", verdict: "broken", because: ["response-html-not-json"], enterUrl: "http://127.0.0.1:9" },
      { client: "openai-node", name: "openai-node", verdict: "works", because: [] },
    ],
    usage: { modelCalls: 3, promptTokens: 30, completionTokens: 9 },
    model: "amazon.nova-micro-v1:0",
    modelReason: "cheapest chat model the gateway lists",
  });
}
