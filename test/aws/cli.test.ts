import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { templatePath } from "./helpers.js";

let out: string;
let err: string;
beforeEach(() => {
  out = "";
  err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe("bagcheck inspect", () => {
  it("exits 1 on the seed template and names each finding with its fix", async () => {
    expect(await main(["inspect", "--template", templatePath("seed-2024.json")])).toBe(1);
    expect(out).toContain("[template-findinmap-defaultvalue-without-transform]");
    expect(out).toContain("BedrockProxyAPIKe");
    expect(out).toMatch(/\d+ error\(s\), \d+ warning\(s\), 2 info/);
  });

  it("exits 0 on the corrected template", async () => {
    expect(await main(["inspect", "--template", templatePath("corrected-2024.yaml")])).toBe(0);
    expect(out).toContain("No findings.");
  });

  it("prints JSON with explained findings, notes and the snapshot under --json", async () => {
    await main(["inspect", "--template", templatePath("seed-2024.json"), "--json"]);
    const report = JSON.parse(out) as { findings: { id: string; severity: string; why: string }[]; notes: string[]; snapshot: { schemaVersion: number } };
    expect(report.snapshot.schemaVersion).toBe(1);
    expect(report.findings[0]?.severity).toBe("error");
    expect(report.findings.every((f) => !f.why.includes("{"))).toBe(true);
  });

  it("exits 2 without a starting point", async () => {
    expect(await main(["inspect"])).toBe(2);
    expect(err).toMatch(/exactly one of --stack/);
  });

  it("exits 2 with two starting points", async () => {
    expect(await main(["inspect", "--stack", "a", "--template", "b"])).toBe(2);
  });

  it("exits 2 for a template file that does not exist", async () => {
    expect(await main(["inspect", "--template", "/nonexistent/t.json"])).toBe(2);
    expect(err).toContain("cannot read template");
  });
});

describe("bagcheck models", () => {
  it("lists the offline catalog with the id to call", async () => {
    expect(await main(["models", "--catalog", "ap-northeast-1-2024-11"])).toBe(0);
    expect(out).toMatch(/^anthropic\.claude-3-5-sonnet-20240620-v1:0 .* profile-only .* apac\.anthropic\.claude-3-5-sonnet-20240620-v1:0$/m);
  });

  it("prints the table as JSON under --json", async () => {
    expect(await main(["models", "--catalog", "ap-northeast-1-2024-07", "--json"])).toBe(0);
    const t = JSON.parse(out) as { region: string; models: { modelId: string; callable?: boolean }[] };
    expect(t.region).toBe("ap-northeast-1");
    expect(t.models.find((m) => m.modelId === "anthropic.claude-v2:1")?.callable).toBe(true);
  });

  it("exits 2 for an unknown catalog", async () => {
    expect(await main(["models", "--catalog", "no-such-catalog"])).toBe(2);
  });

  it("exits 1 when the gateway lists a model this account cannot call, and says why", async () => {
    const server = createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ data: [{ id: "anthropic.claude-v2:1" }, { id: "anthropic.claude-3-sonnet-20240229-v1:0" }] }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
      expect(await main(["models", "--catalog", "ap-northeast-1-2024-07", "--gateway", url, "--key", "secret-key-123"])).toBe(1);
      expect(out).toContain("[gateway-lists-uncallable-model]");
      expect(out).toContain("anthropic.claude-3-sonnet-20240229-v1:0");
      expect(out).not.toContain("secret-key-123");
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it("exits 3 when the gateway to cross-check is unreachable", async () => {
    expect(await main(["models", "--catalog", "ap-northeast-1-2024-07", "--gateway", "http://127.0.0.1:1/api/v1", "--key", "k"])).toBe(3);
    expect(out).toContain("gateway: GET http://127.0.0.1:1/api/v1/models failed");
  });
});
