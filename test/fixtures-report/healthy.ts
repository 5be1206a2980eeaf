/**
 * A literal Report for the reference gateway tested directly: everything passes, the stream is a real
 * one (20 chunks 30 ms apart), and `models` / `deployment` from a joined models + inspect run.
 */
import type { DeploymentSnapshot, ModelTable } from "../../src/aws/index.js";
import type { Report } from "../../src/harness/types.js";
import { steadyStream } from "./events.js";

const base = "http://127.0.0.1:40111/api/v1";
const model = "anthropic.claude-3-haiku-20240307-v1:0";

/** `bagcheck models` output (src/aws ModelTable). */
const modelTable: ModelTable = {
  region: "us-east-1",
  collectedAt: "2026-11-28T21:01:58.000Z",
  models: [
    { modelId: model, provider: "Anthropic", name: "Claude 3 Haiku", input: ["TEXT", "IMAGE"], output: ["TEXT"], streaming: true,
      inferenceTypes: ["ON_DEMAND"], onDemand: true, profiles: ["us.anthropic.claude-3-haiku-20240307-v1:0"],
      access: { authorization: "AUTHORIZED", entitlement: "AVAILABLE" }, callWith: model, callable: true },
    { modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0", provider: "Anthropic", name: "Claude 3.5 Sonnet v2", input: ["TEXT", "IMAGE"], output: ["TEXT"],
      streaming: true, inferenceTypes: ["INFERENCE_PROFILE"], onDemand: false, profiles: ["us.anthropic.claude-3-5-sonnet-20241022-v2:0"],
      access: { authorization: "AUTHORIZED" }, callWith: "us.anthropic.claude-3-5-sonnet-20241022-v2:0", callable: true },
    { modelId: "amazon.titan-embed-text-v2:0", provider: "Amazon", name: "Titan Text Embeddings V2", input: ["TEXT"], output: ["EMBEDDING"],
      streaming: false, inferenceTypes: ["ON_DEMAND"], onDemand: true, profiles: [], access: { authorization: "NOT_AUTHORIZED" }, callable: false },
  ],
  profiles: [{ id: "us.anthropic.claude-3-5-sonnet-20241022-v2:0", type: "SYSTEM_DEFINED", status: "ACTIVE", models: ["anthropic.claude-3-5-sonnet-20241022-v2:0"] }],
  unreadable: [],
};

const snapshot: DeploymentSnapshot = {
  schemaVersion: 1,
  source: { kind: "template", name: "fixtures/templates/BedrockProxy.template", collectedAt: "2026-11-28T21:01:59.000Z" },
  loadBalancers: [{ id: "ProxyALB87756780", type: "application", scheme: "internet-facing", subnetIds: ["${PublicSubnet1}", "${PublicSubnet2}"], securityGroupIds: ["ProxyALBSecurityGroup0D6CA3DA"] }],
  listeners: [{ id: "ProxyALBListener933E9515", loadBalancerId: "ProxyALB87756780", port: 80, protocol: "HTTP", certificateCount: 0, actions: [{ type: "forward", targetGroupIds: ["ProxyALBListenerTargetsGroup187739FA"] }] }],
  targetGroups: [{ id: "ProxyALBListenerTargetsGroup187739FA", targetType: "lambda", targetIds: ["ProxyApiHandlerEC15A492"], multiValueHeaders: false }],
  functions: [{ id: "ProxyApiHandlerEC15A492", runtime: "python3.12", packageType: "Image", architectures: ["arm64"], memoryMb: 1024, timeoutSeconds: 600,
    env: [{ name: "DEFAULT_MODEL", value: "anthropic.claude-3-sonnet-20240229-v1:0" }, { name: "API_KEY_PARAM_NAME", value: "BedrockProxyAPIKey" }] }],
  subnets: [], securityGroups: [], routes: [], roles: [],
  ssm: { expectedName: "BedrockProxyAPIKey", parameters: [] },
  apis: [], models: [], unreadable: [],
};

/** `bagcheck inspect --template …` output (src/aws InspectResult). */
const inspectResult = {
  snapshot,
  findings: [{ id: "alb-http-only" }],
  notes: ["A template does not say which region it is deployed to; model access was not checked."],
};

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
  models: modelTable,
  deployment: inspectResult,
};
