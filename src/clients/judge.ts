import { fillTemplate, type FindingArgs } from "../explain/index.js";
import type { ClientVerdict } from "../harness/types.js";
import { causeOrder } from "./order.js";
import type { ClientProfile, Impact, JudgeContext, JudgedResult } from "./types.js";
import { enterUrlFor, joinClientUrl, workingBaseFor } from "./url.js";
import { pageFindings, urlFindings } from "./url-findings.js";

/** Findings that only ever make a client worse, never unusable on their own. */
const degradesOnly = new Set([
  "default-model-silently-replaced",
  "first-byte-timeout-buffered",
  "sse-buffered-by-front",
  "stream-error-cors-less-500",
]);

/** Findings that mean the stream arrived in one piece at the end. */
const bufferedStream = new Set(["sse-buffered-by-front"]);

/** Causes the judge derives itself from the profile, the entered URL and the page origin: results never decide them. */
const derived = new Set(["mixed-content-http-gateway", "desktop-needs-https", "base-url-https-prefixed", "base-url-double-v1", "base-url-wrong-path"]);

type Causes = Map<string, { impact: Impact; args: FindingArgs }>;

function add(causes: Causes, id: string, impact: Impact, args: FindingArgs = {}): void {
  const capped: Impact = degradesOnly.has(id) ? "degraded" : impact;
  const had = causes.get(id);
  if (!had) causes.set(id, { impact: capped, args });
  else if (capped === "broken") had.impact = "broken";
}

function matches(pattern: string, checkId: string): boolean {
  return pattern.endsWith(".*") ? checkId.startsWith(pattern.slice(0, -1)) : pattern === checkId;
}

/** Facts that follow from the URL the person typed and where the page runs, before any byte is sent. */
function urlCauses(profile: ClientProfile, ctx: JudgeContext, causes: Causes): void {
  const called = joinClientUrl(profile, ctx.enteredUrl, "chat");
  let found: ReturnType<typeof urlFindings>;
  try {
    const shape = ctx.urlTyped === false ? [] : urlFindings(profile, ctx.enteredUrl, ctx.baseUrl);
    found = [...shape, ...pageFindings(profile, ctx.origin, called)];
  } catch {
    // Not a URL at all: the harness reports that (target checks); there is no client rule to apply to it.
    return;
  }
  for (const f of found) add(causes, f.id, "broken", f.args);
}

/** Findings from the suites, counted when the client depends on the check that produced them. */
function resultCauses(profile: ClientProfile, results: JudgedResult[], causes: Causes): void {
  const deps: ClientProfile["dependsOn"] = [
    { check: `client-replay.${profile.id}.*`, impact: "broken" },
    ...profile.dependsOn,
  ];
  const everywhere = new Map<string, FindingArgs>();
  for (const raw of results) {
    if (raw.status !== "fail" && raw.status !== "warn") continue;
    const findings = raw.findings.filter((f) => !derived.has(f.id));
    const r = { ...raw, findings };
    if (raw.findings.length > 0 && findings.length === 0) continue;
    for (const f of findings) if (!everywhere.has(f.id)) everywhere.set(f.id, f.args ?? {});
    const dep = deps.find((d) => matches(d.check, r.id));
    if (!dep) continue;
    const impact: Impact = r.status === "warn" ? "degraded" : dep.impact;
    const counted = r.findings.filter((f) => !dep.findings || dep.findings.includes(f.id));
    // A suite check failing without a finding could not judge (another check owns the cause); a replay's own
    // check failing without one means the client got no answer at all.
    if (r.findings.length === 0 && r.id.startsWith(`client-replay.${profile.id}.`)) add(causes, r.id, impact);
    for (const f of counted) add(causes, f.id, impact, f.args ?? {});
  }
  // Cross-cutting facts a client meets wherever the suites saw them.
  const sendsGptName = String(profile.chatBody.model ?? "").startsWith("gpt-");
  const replaced = everywhere.get("default-model-silently-replaced");
  if (replaced && sendsGptName) add(causes, "default-model-silently-replaced", "degraded", replaced);
  const cors500 = everywhere.get("stream-error-cors-less-500");
  if (cors500 && profile.caller === "browser") add(causes, "stream-error-cors-less-500", "degraded", cors500);
  const buffered = [...everywhere.keys()].some((id) => bufferedStream.has(id)) || causes.has("first-byte-timeout-buffered");
  if (buffered && profile.stream.default) {
    if (profile.stream.firstByteTimeoutMs !== undefined) {
      add(causes, "first-byte-timeout-buffered", "degraded", {
        client: profile.name,
        timeoutS: Math.round(profile.stream.firstByteTimeoutMs / 1000),
      });
      // The client-specific consequence says it all; the generic cause would repeat it.
      causes.delete("sse-buffered-by-front");
    } else {
      add(causes, "sse-buffered-by-front", "degraded", everywhere.get("sse-buffered-by-front") ?? {});
    }
  }
}

/**
 * Turn check results plus what the person typed into one verdict per client. The verdict is derived from
 * profile data only: which checks the client depends on and how strictly, which findings it ignores, and
 * what its URL rule and page origin imply.
 */
export function judgeClient(profile: ClientProfile, results: JudgedResult[], ctx: JudgeContext): ClientVerdict {
  const causes: Causes = new Map();
  urlCauses(profile, ctx, causes);
  resultCauses(profile, results, causes);
  for (const id of profile.ignores ?? []) causes.delete(id);
  const because = [...causes.keys()].sort((a, b) => causeOrder(a) - causeOrder(b));
  const impacts = [...causes.values()].map((c) => c.impact);
  const verdict = impacts.includes("broken") ? "broken" : impacts.length > 0 ? "degraded" : "works";
  const out: ClientVerdict = { client: profile.id, name: profile.name, verdict, because };
  // The profile's words for a cause, else the text a replay recorded (`shown`) for it.
  const words = (id: string): string | undefined => {
    const args = causes.get(id)?.args ?? {};
    const template = profile.sees[id];
    if (template !== undefined) return fillTemplate(template, args);
    return args.shown !== undefined ? String(args.shown) : undefined;
  };
  const first = because.find((id) => words(id) !== undefined);
  if (first) out.sees = words(first);
  let enterUrl: string | undefined;
  try {
    enterUrl = enterUrlFor(profile, workingBaseFor(ctx.enteredUrl, ctx.baseUrl));
  } catch {
    enterUrl = undefined;
  }
  if (enterUrl) out.enterUrl = enterUrl;
  return out;
}
