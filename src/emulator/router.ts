import { randomUUID } from "node:crypto";
import { checkAuthorization } from "./auth.js";
import type { CatalogIndex } from "./catalog.js";
import {
  getFoundationModel,
  getFoundationModelAvailability,
  getInferenceProfile,
  listFoundationModels,
  listInferenceProfiles,
} from "./control.js";
import { AwsError, MESSAGES } from "./errors.js";
import type { Faults } from "./faults.js";
import { parseJsonObject, readBody, type Req, type Res, sendError, sendJson } from "./http.js";
import { handleRuntime, type RuntimeOperation } from "./runtime.js";
import type { EmulatorStats } from "./types.js";

export interface EmulatorState {
  index: CatalogIndex;
  stats: EmulatorStats;
  faults: Faults;
  maxBodyBytes: number;
}

const RUNTIME = /^\/model\/(.+)\/(converse|converse-stream|invoke|invoke-with-response-stream)$/;
const RUNTIME_OPS: Record<string, RuntimeOperation> = {
  converse: "Converse",
  "converse-stream": "ConverseStream",
  invoke: "InvokeModel",
  "invoke-with-response-stream": "InvokeModelWithResponseStream",
};

type ControlHandler = (index: CatalogIndex, param: string, query: URLSearchParams) => string;
const CONTROL: { re: RegExp; op: string; run: ControlHandler }[] = [
  { re: /^\/foundation-models\/?$/, op: "ListFoundationModels", run: (i, _p, q) => listFoundationModels(i, q) },
  { re: /^\/foundation-models\/(.+)$/, op: "GetFoundationModel", run: (i, p) => getFoundationModel(i, p) },
  { re: /^\/foundation-model-availability\/(.+)$/, op: "GetFoundationModelAvailability", run: (i, p) => getFoundationModelAvailability(i, p) },
  { re: /^\/inference-profiles\/?$/, op: "ListInferenceProfiles", run: (i, _p, q) => listInferenceProfiles(i, q) },
  { re: /^\/inference-profiles\/(.+)$/, op: "GetInferenceProfile", run: (i, p) => getInferenceProfile(i, p) },
];

function count(stats: EmulatorStats, op: string): void {
  stats.byOperation[op] = (stats.byOperation[op] ?? 0) + 1;
}

/** `/_emulator/stats` and `/_emulator/faults`: the same fault controls as code and flags, for outside gateways. */
async function handleAdmin(state: EmulatorState, req: Req, res: Res, path: string, requestId: string): Promise<void> {
  const { stats, faults } = state;
  if (path === "/_emulator/stats" && req.method === "GET") {
    req.resume();
    sendJson(res, 200, requestId, JSON.stringify({ stats, faults: faults.snapshot() }));
    return;
  }
  if (path === "/_emulator/faults") {
    if (req.method === "DELETE") {
      req.resume();
      faults.clear();
    } else if (req.method === "POST") {
      const body = parseJsonObject(await readBody(req, state.maxBodyBytes));
      const specs = Array.isArray(body.faults) ? body.faults.map(String) : [];
      try {
        faults.apply(specs);
      } catch (err) {
        throw new AwsError("ValidationException", (err as Error).message);
      }
    }
    if (req.method === "GET" || req.method === "POST" || req.method === "DELETE") {
      req.resume();
      sendJson(res, 200, requestId, JSON.stringify({ faults: faults.snapshot() }));
      return;
    }
  }
  req.resume();
  throw new AwsError("UnknownOperationException", MESSAGES.unknownOperation);
}

async function route(state: EmulatorState, req: Req, res: Res, requestId: string, startedAt: number): Promise<void> {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  if (path.startsWith("/_emulator/")) return handleAdmin(state, req, res, path, requestId);
  const { index, stats, faults } = state;
  const runtime = req.method === "POST" ? RUNTIME.exec(path) : null;
  if (runtime) {
    const op = RUNTIME_OPS[runtime[2] as string] as RuntimeOperation;
    count(stats, op);
    checkAuthorization(req.headers.authorization, index.region);
    const body = await readBody(req, state.maxBodyBytes);
    await handleRuntime(op, { index, stats, faults, requestId, startedAt }, runtime[1] as string, body, res);
    return;
  }
  if (req.method === "GET") {
    for (const c of CONTROL) {
      const m = c.re.exec(path);
      if (!m) continue;
      count(stats, c.op);
      req.resume();
      checkAuthorization(req.headers.authorization, index.region);
      sendJson(res, 200, requestId, c.run(index, m[1] ?? "", new URLSearchParams(q < 0 ? "" : url.slice(q + 1))));
      return;
    }
  }
  throw new AwsError("UnknownOperationException", MESSAGES.unknownOperation);
}

/** One request, either protocol: never throws, never crashes the process; failures become AWS-shaped errors. */
export function createHandler(state: EmulatorState): (req: Req, res: Res) => void {
  return (req, res) => {
    const requestId = randomUUID();
    const startedAt = Date.now();
    state.stats.requests++;
    route(state, req, res, requestId, startedAt).catch((err: unknown) => {
      // Anything not raised on purpose is a bug in the emulator; answer like AWS does rather than crash.
      const aws = err instanceof AwsError ? err : new AwsError("InternalServerException", MESSAGES.internal);
      state.stats.errors[aws.type] = (state.stats.errors[aws.type] ?? 0) + 1;
      req.resume();
      sendError(res, requestId, aws);
    });
  };
}
