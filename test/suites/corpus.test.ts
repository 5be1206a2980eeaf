import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEntry } from "../../src/explain/index.js";
import type { CheckResult } from "../../src/harness/index.js";
import { allSuites } from "../../suites/index.js";
import { variants, type GatewayVariant } from "../../fixtures/gateways/index.js";
import { failsOn } from "./failing-fixture-table.js";
import { findingIds, runAgainst } from "./support/run.js";

const checks = allSuites.flatMap((s) => s.checks);
const results = new Map<string, CheckResult[]>();
/** Variants run a few at a time: each is its own server, and the machine has two cores. */
const PARALLEL = 4;

/** The checks that may name one of the variant's expected findings: the ones that must catch its fault. */
function checksFor(v: GatewayVariant) {
  return checks.filter((c) => c.finds.some((f) => v.expectedFindings.includes(f)));
}

beforeAll(async () => {
  const queue = [...variants];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let v = queue.shift(); v; v = queue.shift()) {
        const gateway = await v.start();
        try {
          results.set(v.name, await runAgainst(gateway, checksFor(v), { slow: true }));
        } finally {
          await gateway.close();
        }
      }
    }),
  );
}, 80_000);

afterAll(() => results.clear());

describe("the broken-gateway corpus", () => {
  it.each(variants.map((v) => [v.name, v.expectedFindings.join(", "), v] as const))("%s: reports %s", (_name, _ids, v) => {
    const found = findingIds(results.get(v.name) ?? []);
    expect(found).toEqual(expect.arrayContaining(v.expectedFindings));
  });

  const rows = Object.entries(failsOn).map(([check, row]) => [check, row.variant, row.finding] as const);
  it.each(rows)("%s fails on %s with %s", (checkId, variant, findingId) => {
    const result = results.get(variant)?.find((r) => r.id === checkId);
    expect(result, `${checkId} did not run on ${variant}`).toBeDefined();
    expect(["fail", "warn"]).toContain(result?.status);
    expect(result?.findings.map((f) => f.id)).toContain(findingId);
  });

  it("fills every placeholder of every finding it reports", () => {
    const unfilled: string[] = [];
    for (const [variant, list] of results) {
      for (const f of list.flatMap((r) => r.findings)) {
        const e = getEntry(f.id);
        const text = [e?.title, e?.why, e?.fix.general, e?.fix.bag, e?.fix.client].join(" ");
        for (const m of text.matchAll(/\{(\w+)\}/g)) if (!(m[1] as string in (f.args ?? {}))) unfilled.push(`${variant}: ${f.id} {${m[1]}}`);
      }
    }
    expect([...new Set(unfilled)]).toEqual([]);
  });
});
