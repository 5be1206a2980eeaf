import type { CheckContext, HttpResponse } from "../../src/harness/index.js";
import { chat, userSays } from "./chat.js";
import { errorMessage, isOpenAiErrorEnvelope } from "./envelope.js";
import { chatModels } from "./models.js";
import { classifyAccessMessage, type UpstreamCause } from "./bedrock-messages.js";
import { sample } from "./outcome.js";

/**
 * Model ids that, across regions and account set-ups, often hit one of Bedrock's access failures:
 * not granted (older Claude 3), profile-only (Claude 3.5 in Tokyo and us-east-1), and profiles an
 * IAM policy scoped to `foundation-model/*` denies. Each call is max_tokens 1.
 */
export const KNOWN_PROBE_MODELS = [
  "anthropic.claude-3-sonnet-20240229-v1:0",
  "anthropic.claude-3-haiku-20240307-v1:0",
  "anthropic.claude-3-5-sonnet-20240620-v1:0",
  "anthropic.claude-3-5-sonnet-20241022-v2:0",
  "apac.anthropic.claude-3-5-sonnet-20240620-v1:0",
  "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
];
/** Listed models are probed too, up to this many probes in all. */
const MAX_PROBES = 10;

export type AccessCause = UpstreamCause | "unexplained";

export interface AccessProbe {
  model: string;
  res: HttpResponse;
  status: number;
  /** Undefined when the call succeeded. */
  cause?: AccessCause;
  /** 4xx with an OpenAI envelope. */
  clear: boolean;
  message: string;
}

const cache = new WeakMap<object, Promise<AccessProbe[]>>();

/** Probe once per run; the model-access checks each read the part they judge. */
export function accessProbes(ctx: CheckContext): Promise<AccessProbe[]> {
  let p = cache.get(ctx.target);
  if (!p) {
    p = runProbes(ctx);
    cache.set(ctx.target, p);
  }
  return p;
}

async function runProbes(ctx: CheckContext): Promise<AccessProbe[]> {
  const listed = await chatModels(ctx);
  const models = [...new Set([...KNOWN_PROBE_MODELS, ...listed])].slice(0, MAX_PROBES);
  const out: AccessProbe[] = [];
  for (const model of models) {
    const res = await chat(ctx, { model, messages: [userSays("Say OK.")], max_tokens: 1 });
    if (res.error || res.status === undefined) continue;
    const status = res.status;
    const message = errorMessage(res);
    const probe: AccessProbe = { model, res, status, clear: status >= 400 && status < 500 && isOpenAiErrorEnvelope(res.json), message: sample(message, 200) };
    if (status >= 400) {
      // Unknown to this gateway (not an access problem): leave it to model-access.unknown-model.
      if ((status === 404 || status === 400) && /not found|does not exist|unsupported model|not supported|invalid/i.test(message) && !classifyAccessMessage(message)) continue;
      probe.cause = classifyAccessMessage(message) ?? "unexplained";
    }
    out.push(probe);
  }
  ctx.note(`access probes: ${out.map((p) => `${p.model} → ${p.status}${p.cause ? ` (${p.cause})` : ""}`).join("; ") || "none answered"}`);
  return out;
}
