import type { Check, CheckOutcome, Suite } from "../src/harness/index.js";
import { chat, userSays } from "./support/chat.js";
import { envelopeArgs, errorMessage, isOpenAiErrorEnvelope, isRecord } from "./support/envelope.js";
import { accessProbes, type AccessProbe } from "./support/access-probes.js";
import { regionIn, type UpstreamCause } from "./support/bedrock-messages.js";
import { describe, fail, finding, pass, sample, skip, unusable, warn } from "./support/outcome.js";
import type { Finding } from "../src/explain/index.js";

const suite = "model-access";

/** One check per root cause: find the probes that hit it, and require each to be a clear 4xx. */
function causeCheck(id: string, cause: UpstreamCause, title: string, what: string): Check {
  return {
    id: `model-access.${id}`,
    suite,
    title,
    finds: ["upstream-error-as-500", "error-envelope-not-openai", cause],
    run: async (ctx): Promise<CheckOutcome> => {
      const probes = (await accessProbes(ctx)).filter((p) => p.cause === cause);
      if (probes.length === 0) return skip(`no probed model answered with ${what}`);
      const unclear = probes.filter((p) => !p.clear);
      if (unclear.length === 0) return pass(probes.map((p) => `${p.model}: ${p.status} "${sample(p.message, 60)}"`).join("; "));
      const findings: Finding[] = [];
      for (const p of unclear) findings.push(...mishandled(p));
      const first = unclear[0] as AccessProbe;
      findings.push(finding(cause, { model: first.model, region: regionIn(first.message), status: first.status, message: first.message }));
      return fail(unclear.map((p) => `${p.model}: ${describe(p.res)}`).join("; "), ...findings);
    },
  };
}

function mishandled(p: AccessProbe): Finding[] {
  if (p.status >= 500) return [finding("upstream-error-as-500", { model: p.model, status: p.status, message: p.message })];
  return [finding("error-envelope-not-openai", envelopeArgs(p.res, `chat with model ${p.model}`))];
}

const notGranted = causeCheck(
  "not-granted",
  "model-access-not-granted",
  "A model the account has no access to is answered with a clear 4xx that says so",
  "\"You don't have access to the model\"",
);
const profileOnly = causeCheck(
  "profile-only-by-base-id",
  "model-needs-inference-profile",
  "A profile-only model called by its base id is resolved, or refused with a 4xx naming the profile to use",
  "\"on-demand throughput isn't supported\"",
);
const iamDenied = causeCheck(
  "iam-denied-profile",
  "iam-missing-inference-profile",
  "An inference profile the IAM policy denies is answered with a clear 4xx naming IAM",
  "an IAM denial on an inference-profile resource",
);

const unexplained: Check = {
  id: "model-access.errors-explained",
  suite,
  title: "Every model call that fails says why (no bare 500s)",
  finds: ["upstream-error-not-explained"],
  run: async (ctx) => {
    const probes = (await accessProbes(ctx)).filter((p) => p.cause === "unexplained");
    if (probes.length === 0) return pass();
    const p = probes[0] as AccessProbe;
    return fail(probes.map((x) => `${x.model}: ${describe(x.res)}`).join("; "), finding("upstream-error-not-explained", { model: p.model, status: p.status, body: sample(p.res.text, 100) }));
  },
};

async function substitution(ctx: Parameters<Check["run"]>[0], model: string): Promise<CheckOutcome> {
  const res = await chat(ctx, { model, messages: [userSays("Say OK.")], max_tokens: 1 });
  const bad = unusable(res);
  if (bad) return bad;
  const status = res.status ?? 0;
  if (status === 200) {
    const ran = isRecord(res.json) && typeof res.json.model === "string" ? res.json.model : "unknown";
    return warn(`"${model}" was answered by ${ran}`, finding("default-model-silently-replaced", { requested: model, served: ran }));
  }
  if (status >= 500) return fail(`"${model}" got ${describe(res)}`, finding("unknown-model-not-4xx", { model, status, message: sample(errorMessage(res), 120) }));
  if (!isOpenAiErrorEnvelope(res.json)) return fail(`the refusal is not an OpenAI envelope: ${describe(res)}`, finding("error-envelope-not-openai", envelopeArgs(res, `chat with model ${model}`)));
  return pass(`${status}: ${sample(errorMessage(res), 80)}`);
}

const unknownModel: Check = {
  id: "model-access.unknown-model",
  suite,
  title: "An unknown model id is refused with a 4xx envelope (not a 500, not another model's answer)",
  finds: ["unknown-model-not-4xx", "default-model-silently-replaced", "error-envelope-not-openai"],
  run: (ctx) => substitution(ctx, "bagcheck-no-such-model"),
};

const gptName: Check = {
  id: "model-access.gpt-name",
  suite,
  title: "An OpenAI model name (NextChat's default gpt-3.5-turbo) is refused, not silently replaced",
  finds: ["unknown-model-not-4xx", "default-model-silently-replaced", "error-envelope-not-openai"],
  run: (ctx) => substitution(ctx, "gpt-3.5-turbo"),
};

export const modelAccess: Suite = {
  id: suite,
  title: "Model access (Bedrock account, region and IAM)",
  checks: [unknownModel, gptName, notGranted, profileOnly, iamDenied, unexplained],
};
