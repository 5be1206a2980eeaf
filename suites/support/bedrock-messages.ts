/**
 * Bedrock's own error messages survive most gateways (inside a 500, a `detail`, or a proper envelope).
 * Read them to name the root cause, whatever the gateway did with the status.
 * Patterns from real answers (see shared/facts/bedrock-wire.md); U+2019 and ASCII apostrophes both occur.
 */
export type UpstreamCause =
  | "model-access-not-granted"
  | "model-needs-inference-profile"
  | "iam-missing-inference-profile"
  | "iam-denies-invoke"
  | "model-id-invalid";

const rules: { cause: UpstreamCause; re: RegExp }[] = [
  { cause: "model-access-not-granted", re: /You don[’']t have access to the model with the specified model ID/i },
  { cause: "model-needs-inference-profile", re: /on-demand throughput isn[’']t supported|ID or ARN of an inference profile/i },
  { cause: "iam-missing-inference-profile", re: /not authorized to perform:? bedrock:InvokeModel\w* on resource:? \S*inference-profile/i },
  { cause: "iam-denies-invoke", re: /not authorized to perform:? bedrock:InvokeModel/i },
  { cause: "model-id-invalid", re: /provided model identifier is invalid/i },
];

export function classifyUpstreamMessage(text: string): UpstreamCause | undefined {
  return rules.find((r) => r.re.test(text))?.cause;
}

/**
 * Does a gateway's own wording name the cause well enough for a person to act on it? A gateway need not
 * quote Bedrock; "model access", "inference profile", "not authorized" or "not found" will do.
 */
export function namesTheCause(message: string, expected: "access" | "profile" | "iam" | "unknown"): boolean {
  const words: Record<typeof expected, RegExp> = {
    access: /access|not granted|not enabled|permission|forbidden/i,
    profile: /inference profile|profile/i,
    iam: /not authorized|iam|polic|permission|access ?denied/i,
    unknown: /not found|does not exist|unknown|invalid|unsupported|not supported|no such/i,
  };
  return words[expected].test(message);
}

/** Bedrock's messages name the region in ARNs, good gateways in words; a URL does not, so fall back to words. */
export function regionIn(message: string): string {
  return /\b([a-z]{2}(?:-gov)?-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d)\b/.exec(message)?.[1] ?? "the gateway's region";
}

/** A gateway may reword Bedrock's message; its own words still name the cause. */
function causeFromWording(message: string): UpstreamCause | undefined {
  if (/inference profile/i.test(message) && /not authorized|not allowed|iam|polic|denied/i.test(message)) return "iam-missing-inference-profile";
  if (/inference profile|on-demand/i.test(message)) return "model-needs-inference-profile";
  if (/not authorized to perform|iam role|identity-based polic/i.test(message)) return "iam-denies-invoke";
  if (/model access|access (to|for) (the )?model|not granted|don[’']t have access/i.test(message)) return "model-access-not-granted";
  return undefined;
}

/** Bedrock's exact words first, then a gateway's own wording. */
export function classifyAccessMessage(message: string): UpstreamCause | undefined {
  return classifyUpstreamMessage(message) ?? causeFromWording(message);
}
