import { describe, expect, it, vi } from "vitest";
import { profiles } from "../../src/clients/index.js";
import { main } from "../../src/cli/main.js";
import { getEntry } from "../../src/explain/index.js";
import { clients as clientEntries } from "../../src/explain/catalog/clients.js";
import { clientReplaySuite } from "../../suites/client-replay.js";

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe("client findings in the catalog", () => {
  it("has an entry for every finding the client replays may emit", () => {
    const finds = clientReplaySuite(profiles.map((p) => p.id), { enteredUrl: "http://alb.example/api/v1" }).checks.flatMap((c) => c.finds);
    expect([...new Set(finds)].filter((id) => !getEntry(id))).toEqual([]);
  });

  it("has an entry for every finding a profile says how it shows", () => {
    expect(profiles.flatMap((p) => Object.keys(p.sees)).filter((id) => !getEntry(id))).toEqual([]);
  });

  it("names only known profiles in the clients each entry breaks", () => {
    const ids = new Set(profiles.map((p) => p.id));
    expect(clientEntries.flatMap((e) => e.clients).filter((c) => !ids.has(c))).toEqual([]);
  });

  it("gives every client finding a BAG fix and a client fix", () => {
    expect(clientEntries.filter((e) => !e.fix.bag || !e.fix.client).map((e) => e.id)).toEqual([]);
  });

  it("cites a source (repo, file, version) for every profile", () => {
    expect(profiles.filter((p) => p.sources.length === 0 || p.sources.some((s) => !s.file || !s.version)).map((p) => p.id)).toEqual([]);
  });
});

describe("bagcheck explain", () => {
  it("lists the catalog when no id is given", async () => {
    const { code, out } = await run(["explain", "--no-color"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^base-url-double-v1\s+error\s+/m);
    expect(out).toMatch(/^mixed-content-http-gateway\s+error\s+/m);
  });

  it("shows one entry in full: why, the BAG fix, the client fix, references", async () => {
    const { code, out } = await run(["explain", "mixed-content-http-gateway", "--no-color"]);
    expect(code).toBe(0);
    expect(out).toContain("Why\n");
    expect(out).toContain("For bedrock-access-gateway\n");
    expect(out).toContain("In the client\n");
    expect(out).toContain("https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content");
  });

  it("shows the facts a run would fill in as <name>, not as template braces", async () => {
    const { out } = await run(["explain", "base-url-double-v1", "--no-color"]);
    expect(out).toContain("enter <suggested>");
    expect(out).not.toMatch(/\{\w+\}/);
  });

  it("exits 2 for an unknown id", async () => {
    const { code, err } = await run(["explain", "no-such-finding"]);
    expect(code).toBe(2);
    expect(err).toContain('unknown finding id "no-such-finding"');
  });
});
