import type { ClientVerdict } from "../harness/types.js";
import { judgeClient } from "./judge.js";
import { profiles } from "./profiles/index.js";
import type { ClientProfile, JudgeContext, JudgedResult } from "./types.js";

export type { ClientProfile, Impact, JudgeContext, JudgedResult } from "./types.js";
export { profiles } from "./profiles/index.js";
export { judgeClient } from "./judge.js";
export { pageFindings, pageOrigin, urlFindings } from "./url-findings.js";
export { enterUrlFor, isLoopbackHost, isMixedContent, isSecureOrigin, joinClientUrl, relabel, workingBaseFor } from "./url.js";
export { describeHttpError } from "./sees.js";

/** Aliases people type on the command line: `nextchat` is the web build with a custom endpoint. */
const aliases: Record<string, string> = { nextchat: "nextchat-web", openai: "openai-node", lobe: "lobechat", openwebui: "open-webui" };

export function getProfile(id: string): ClientProfile | undefined {
  const wanted = aliases[id] ?? id;
  return profiles.find((p) => p.id === wanted);
}

/** One verdict per client (all profiles, or those in `ctx.clientIds`; unknown ids are skipped). */
export function judgeClients(results: JudgedResult[], ctx: JudgeContext): ClientVerdict[] {
  const chosen = ctx.clientIds
    ? ctx.clientIds.map(getProfile).filter((p): p is ClientProfile => p !== undefined)
    : profiles;
  return chosen.map((p) => judgeClient(p, results, ctx));
}
