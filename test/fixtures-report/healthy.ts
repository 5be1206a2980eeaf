/**
 * A literal Report for the reference gateway tested directly: everything passes, the stream is a real
 * one (20 chunks 30 ms apart), and `models` / `deployment` from a joined models + inspect run.
 */
import type { Report } from "../../src/harness/types.js";
import { steadyStream } from "./events.js";

const base = "http://127.0.0.1:40111/api/v1";
const model = "anthropic.claude-3-haiku-20240307-v1:0";

export const healthyReport: Report = {
  schemaVersion: 1,
  tool: "bagcheck",
  version: "0.1.0",
  target: { url: base, mode: "embedded" },
  startedAt: "2026-11-28T21:02:00.000Z",
  durationMs: 2204,
  summary: { pass: 2, fail: 0, warn: 0, skip: 0 },
  usage: { modelCalls: 2, promptTokens: 40, completionTokens: 60, model },
  checks: [
    {
      id: "chat-stream.incremental", suite: "chat-stream", title: "Stream chunks arrive as they are generated", status: "pass", durationMs: 812,
      evidence: {
        notes: [],
        exchanges: [{
          method: "POST", url: `${base}/chat/completions`,
          requestHeaders: { authorization: "Bearer [REDACTED]", "content-type": "application/json" },
          requestBody: JSON.stringify({ model, stream: true, messages: [{ role: "user", content: "Count to 20." }] }),
          status: 200, responseHeaders: { "content-type": "text/event-stream", "cache-control": "no-cache" },
          responseBody: "data: {…}\n\n", responseBytes: 5120,
          timings: { headersMs: 140, firstByteMs: 178, totalMs: 790 },
          events: steadyStream(20, 180, 30),
        }],
      },
      findings: [],
    },
    { id: "chat.basic", suite: "chat", title: "A non-streamed chat completion works", status: "pass", durationMs: 400, evidence: { exchanges: [], notes: [] }, findings: [] },
  ],
  findings: [],
  clients: [
    { client: "nextchat-web", name: "NextChat (web, custom endpoint)", verdict: "works", because: [], enterUrl: "http://127.0.0.1:40111/api" },
    { client: "openai-node", name: "openai-node", verdict: "works", because: [], enterUrl: base },
  ],
  models: {
    region: "us-east-1",
    models: [
      { modelId: model, provider: "Anthropic", streaming: true, access: "granted", needsInferenceProfile: false },
      { modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0", provider: "Anthropic", streaming: true, access: "granted", needsInferenceProfile: true, profiles: ["us.anthropic.claude-3-5-sonnet-20241022-v2:0"] },
      { modelId: "amazon.titan-embed-text-v2:0", provider: "Amazon", streaming: false, access: "not granted", needsInferenceProfile: false },
    ],
  },
  deployment: {
    source: "template",
    stack: "BedrockProxyAPI",
    listeners: [{ protocol: "HTTP", port: 80 }],
    lambda: { runtime: "python3.12", timeoutSeconds: 600, memoryMb: 1024, environment: { DEFAULT_MODEL: "anthropic.claude-3-sonnet-20240229-v1:0", API_ROUTE_PREFIX: "/api/v1" } },
  },
};
