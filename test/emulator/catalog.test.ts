import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listCatalogNames, loadCatalog, type RegionCatalog } from "../../src/emulator/index.js";

describe("region catalogs", () => {
  it("ships the three catalogs of the seed story", () => {
    expect(listCatalogNames()).toEqual(expect.arrayContaining(["ap-northeast-1-2024-07", "ap-northeast-1-2024-11", "us-east-1-current"]));
  });

  it.each(["ap-northeast-1-2024-07", "ap-northeast-1-2024-11", "us-east-1-current"])("%s is consistent: profiles and grants name listed models", (name) => {
    const c = loadCatalog(name);
    const ids = new Set(c.models.map((m) => m.modelId));
    expect(c.name).toBe(name);
    for (const p of c.profiles) expect(ids.has(p.modelId), p.inferenceProfileId).toBe(true);
    for (const g of c.account.granted) expect(ids.has(g), g).toBe(true);
    for (const p of c.profiles) expect(p.inferenceProfileId.endsWith(p.modelId)).toBe(true);
  });

  it("has no inference profiles in Tokyo in July 2024", () => {
    expect(loadCatalog("ap-northeast-1-2024-07").profiles).toEqual([]);
  });

  it("makes Claude 3.5 Sonnet profile-only in Tokyo in November 2024", () => {
    const m = loadCatalog("ap-northeast-1-2024-11").models.find((x) => x.modelId === "anthropic.claude-3-5-sonnet-20240620-v1:0");
    expect(m?.inferenceTypesSupported).toEqual(["INFERENCE_PROFILE"]);
  });

  it("loads a catalog from a file path", () => {
    const dir = mkdtempSync(join(tmpdir(), "bagcheck-catalog-"));
    const file = join(dir, "mine.json");
    const mine: RegionCatalog = { name: "mine", region: "eu-west-1", models: [], profiles: [], account: { accountId: "1", principalArn: "x", granted: [] } };
    writeFileSync(file, JSON.stringify(mine));
    expect(loadCatalog(file).region).toBe("eu-west-1");
  });

  it("names the known catalogs when a name is unknown", () => {
    expect(() => loadCatalog("mars-1")).toThrow(/known: .*us-east-1-current/);
  });

  it("says what is wrong with a malformed catalog file", () => {
    const dir = mkdtempSync(join(tmpdir(), "bagcheck-catalog-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ region: 1 }));
    expect(() => loadCatalog(file)).toThrow(/region must be a string/);
  });
});
