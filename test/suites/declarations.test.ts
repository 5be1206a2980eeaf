import { describe, expect, it } from "vitest";
import { getEntry } from "../../src/explain/index.js";
import { http } from "../../src/explain/catalog/http.js";
import { streaming } from "../../src/explain/catalog/streaming.js";
import { allSuites } from "../../suites/index.js";
import { variants } from "../../fixtures/gateways/index.js";
import { failsOn } from "./failing-fixture-table.js";

const checks = allSuites.flatMap((s) => s.checks);

describe("suite declarations", () => {
  it("has the nine suites in reading order", () => {
    expect(allSuites.map((s) => s.id)).toEqual(["auth", "models", "chat", "chat-stream", "embeddings", "cors", "model-access", "errors", "limits"]);
  });

  it("gives every check a unique kebab-case id prefixed by its suite", () => {
    const ids = checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of allSuites) {
      for (const c of s.checks) {
        expect(c.suite, c.id).toBe(s.id);
        expect(c.id, c.id).toMatch(new RegExp(`^${s.id}\\.[a-z0-9]+(-[a-z0-9]+)*$`));
      }
    }
  });

  it("declares at least one finding for every check", () => {
    for (const c of checks) expect(c.finds.length, c.id).toBeGreaterThan(0);
  });

  it("has a catalog entry for every finding id any check declares", () => {
    const missing = checks.flatMap((c) => c.finds.filter((f) => !getEntry(f)).map((f) => `${c.id} → ${f}`));
    expect(missing).toEqual([]);
  });

  it("has a catalog entry for every finding a fixture variant expects", () => {
    const missing = variants.flatMap((v) => v.expectedFindings.filter((f) => !getEntry(f)).map((f) => `${v.name} → ${f}`));
    expect(missing).toEqual([]);
  });

  it("leaves no http or streaming catalog entry orphaned: some check can emit each", () => {
    const declared = new Set(checks.flatMap((c) => c.finds));
    expect([...http, ...streaming].map((e) => e.id).filter((id) => !declared.has(id))).toEqual([]);
  });

  it("gives every http and streaming entry a why, a general fix and references", () => {
    for (const e of [...http, ...streaming]) {
      expect(e.why.length, e.id).toBeGreaterThan(40);
      expect(e.fix.general.length, e.id).toBeGreaterThan(20);
      expect(e.references.length, e.id).toBeGreaterThan(0);
    }
  });

  it("names at least 12 broken gateways, each once", () => {
    const names = variants.map((v) => v.name);
    expect(names.length).toBeGreaterThanOrEqual(12);
    expect(new Set(names).size).toBe(names.length);
  });

  it("lists a failing fixture for every check, and only real checks and variants", () => {
    expect(Object.keys(failsOn).sort()).toEqual(checks.map((c) => c.id).sort());
    for (const [id, row] of Object.entries(failsOn)) {
      const check = checks.find((c) => c.id === id);
      const variant = variants.find((v) => v.name === row.variant);
      expect(variant, `${id}: variant ${row.variant}`).toBeDefined();
      expect(check?.finds, id).toContain(row.finding);
      expect(variant?.expectedFindings, `${row.variant} expects ${row.finding}`).toContain(row.finding);
    }
  });
});
