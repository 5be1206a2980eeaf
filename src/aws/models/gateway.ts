import type { Finding } from "../../explain/index.js";
import type { GatewayCrossCheck, ModelTable } from "../types.js";
import { notCallableReason } from "./collect.js";

export interface GatewayListOptions {
  url: string;
  key?: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

/** Reads the gateway's `/models` (OpenAI shape `{ data: [{ id }] }`); the key is sent, never stored. */
export async function fetchGatewayModels(opts: GatewayListOptions): Promise<{ ids: string[] } | { error: string }> {
  const url = `${opts.url.replace(/\/+$/, "")}/models`;
  try {
    const res = await (opts.fetchImpl ?? fetch)(url, {
      headers: opts.key ? { authorization: `Bearer ${opts.key}` } : {},
      signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
    });
    const text = await res.text();
    if (!res.ok) return { error: `GET ${url} answered ${res.status}` };
    const body = JSON.parse(text) as { data?: { id?: unknown }[] };
    if (!Array.isArray(body.data)) return { error: `GET ${url} did not return an OpenAI model list` };
    return { ids: body.data.map((d) => String(d.id ?? "")).filter(Boolean) };
  } catch (err) {
    return { error: `GET ${url} failed: ${(err as Error).message}` };
  }
}

/** OpenAI model names a gateway answers by mapping them to a Bedrock model of its choosing. */
const OPENAI_NAME = /^(gpt-|chatgpt-|o\d|text-embedding-)/;

/** Listed but not callable, callable but not listed. A listed profile id counts for the model it routes to. */
export function crossCheck(table: ModelTable, url: string, listed: string[]): GatewayCrossCheck {
  const listedSet = new Set(listed);
  const listedNotCallable: GatewayCrossCheck["listedNotCallable"] = [];
  const mapped: string[] = [];
  for (const id of listed) {
    const row = table.models.find((r) => r.modelId === id) ?? table.models.find((r) => r.profiles.includes(id));
    if (!row && OPENAI_NAME.test(id)) {
      mapped.push(id);
    } else if (!row) {
      listedNotCallable.push({ id, reason: "not offered in this region" });
    } else if (row.callable === false) {
      listedNotCallable.push({ id, reason: notCallableReason(row) });
    } else if (row.modelId === id && !row.onDemand) {
      listedNotCallable.push({ id, reason: `on-demand not supported; call ${row.callWith ?? "an inference profile"}` });
    }
  }
  const callableNotListed = table.models
    .filter((r) => r.callable === true && r.callWith !== undefined && !listedSet.has(r.callWith))
    .map((r) => r.callWith as string);
  return { url, listed, listedNotCallable, callableNotListed, ...(mapped.length ? { mapped } : {}) };
}

export function gatewayFindings(table: ModelTable): Finding[] {
  const g = table.gateway;
  if (!g) return [];
  return [
    ...g.listedNotCallable.map((x) => ({ id: "gateway-lists-uncallable-model", args: { model: x.id, region: table.region, reason: x.reason } })),
    ...g.callableNotListed.map((id) => ({ id: "gateway-omits-callable-model", args: { model: id, region: table.region } })),
  ];
}
