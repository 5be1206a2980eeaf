/**
 * JSON Schema (draft-07) of report.json, `schemaVersion: 1`. CI gates and other tools code against it;
 * a test validates real reports with ajv. Written next to every report as `report.schema.json`.
 */
const stringMap = { type: "object", additionalProperties: { type: "string" } } as const;
const findingArgs = { type: "object", additionalProperties: { anyOf: [{ type: "string" }, { type: "number" }, { type: "boolean" }] } } as const;

const exchange = {
  type: "object",
  required: ["method", "url", "requestHeaders", "timings"],
  properties: {
    method: { type: "string" },
    url: { type: "string" },
    requestHeaders: stringMap,
    requestBody: { type: "string" },
    status: { type: "integer" },
    responseHeaders: stringMap,
    responseBody: { type: "string" },
    responseBytes: { type: "integer", minimum: 0 },
    timings: {
      type: "object",
      required: ["totalMs"],
      properties: { headersMs: { type: "number" }, firstByteMs: { type: "number" }, totalMs: { type: "number" } },
    },
    events: {
      type: "array",
      items: { type: "object", required: ["atMs", "data"], properties: { atMs: { type: "number" }, event: { type: "string" }, data: { type: "string" } } },
    },
    error: { type: "object", required: ["kind", "message"], properties: { kind: { type: "string" }, message: { type: "string" } } },
    auth: { enum: ["valid", "none", "wrong"] },
    anomalies: { type: "array", items: { type: "string" } },
    keyEchoed: { type: "boolean" },
  },
} as const;

const check = {
  type: "object",
  additionalProperties: false,
  required: ["id", "suite", "title", "status", "durationMs", "evidence", "findings"],
  properties: {
    id: { type: "string", pattern: "^[a-z0-9-]+\\.[a-z0-9.-]+$" },
    suite: { type: "string" },
    title: { type: "string" },
    status: { enum: ["pass", "fail", "warn", "skip"] },
    durationMs: { type: "number", minimum: 0 },
    message: { type: "string" },
    evidence: {
      type: "object",
      required: ["exchanges", "notes"],
      properties: { exchanges: { type: "array", items: exchange }, notes: { type: "array", items: { type: "string" } } },
    },
    findings: {
      type: "array",
      items: { type: "object", required: ["id"], properties: { id: { type: "string" }, args: findingArgs } },
    },
  },
} as const;

const finding = {
  type: "object",
  additionalProperties: false,
  required: ["id", "severity", "title", "why", "fix", "clients", "references", "checks"],
  properties: {
    id: { type: "string" },
    severity: { enum: ["error", "warning", "info"] },
    title: { type: "string" },
    why: { type: "string" },
    fix: {
      type: "object",
      required: ["general"],
      properties: { general: { type: "string" }, bag: { type: "string" }, client: { type: "string" } },
    },
    clients: { type: "array", items: { type: "string" } },
    references: {
      type: "array",
      items: { type: "object", required: ["title", "url"], properties: { title: { type: "string" }, url: { type: "string" } } },
    },
    checks: { type: "array", items: { type: "string" } },
  },
} as const;

const clientVerdict = {
  type: "object",
  required: ["client", "name", "verdict", "because"],
  properties: {
    client: { type: "string" },
    name: { type: "string" },
    verdict: { enum: ["works", "degraded", "broken"] },
    because: { type: "array", items: { type: "string" } },
    sees: { type: "string" },
    enterUrl: { type: "string" },
  },
} as const;

export const reportSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://github.com/bagcheck/bagcheck/report.schema.json",
  title: "bagcheck report",
  type: "object",
  additionalProperties: false,
  required: ["schemaVersion", "tool", "version", "target", "startedAt", "durationMs", "summary", "usage", "checks", "findings", "clients"],
  properties: {
    schemaVersion: { const: 1 },
    tool: { const: "bagcheck" },
    version: { type: "string" },
    target: {
      type: "object",
      additionalProperties: false,
      required: ["url", "mode"],
      properties: {
        url: { type: "string" },
        enteredUrl: { type: "string" },
        mode: { enum: ["embedded", "remote"] },
        front: { type: "string" },
        scenario: { type: "string" },
      },
    },
    startedAt: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$" },
    durationMs: { type: "number", minimum: 0 },
    summary: {
      type: "object",
      additionalProperties: false,
      required: ["pass", "fail", "warn", "skip"],
      properties: {
        pass: { type: "integer", minimum: 0 },
        fail: { type: "integer", minimum: 0 },
        warn: { type: "integer", minimum: 0 },
        skip: { type: "integer", minimum: 0 },
      },
    },
    usage: {
      type: "object",
      required: ["modelCalls", "promptTokens", "completionTokens"],
      properties: {
        modelCalls: { type: "integer", minimum: 0 },
        promptTokens: { type: "integer", minimum: 0 },
        completionTokens: { type: "integer", minimum: 0 },
        model: { type: "string" },
        modelReason: { type: "string" },
      },
    },
    checks: { type: "array", items: check },
    findings: { type: "array", items: finding },
    clients: { type: "array", items: clientVerdict },
    models: {},
    deployment: {},
  },
} as const;
