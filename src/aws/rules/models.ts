import type { Finding } from "../../explain/index.js";
import { envValue } from "../env.js";
import type { ModelRow } from "../types.js";
import { label, type Rule } from "./rule.js";

export function accessDenied(row: ModelRow): boolean {
  return row.access?.authorization === "NOT_AUTHORIZED" || row.access?.entitlement === "NOT_AVAILABLE";
}

export const defaultModelRule: Rule = {
  name: "default-model",
  description: "The gateway's DEFAULT_MODEL is offered in the region, granted to the account, and callable by that id.",
  finds: ["model-not-in-region", "model-access-not-granted", "model-needs-inference-profile"],
  check(s) {
    if (!s.modelCatalogRead && s.models.length === 0) return [];
    const region = s.region ?? "this region";
    const out: Finding[] = [];
    for (const fn of s.functions) {
      const model = envValue(fn.env, "DEFAULT_MODEL");
      if (!model || model.startsWith("${")) continue;
      const row = s.models.find((m) => m.modelId === model || m.modelArn === model) ?? s.models.find((m) => m.profiles.includes(model));
      const base = { function: label(fn), model, region };
      if (!row) {
        out.push({ id: "model-not-in-region", args: base });
        continue;
      }
      if (accessDenied(row)) out.push({ id: "model-access-not-granted", args: base });
      if (row.modelId === model && !row.onDemand) {
        out.push({ id: "model-needs-inference-profile", args: { ...base, profile: row.callWith ?? "(no profile in this region)" } });
      }
    }
    return out;
  },
};
