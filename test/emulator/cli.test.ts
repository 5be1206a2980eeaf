import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { Command } from "commander";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerEmulator } from "../../src/cli/emulator.js";
import { UsageError } from "../../src/cli/exit.js";

const root = resolve(import.meta.dirname, "../..");
// Inside the package, so the bundle finds fixtures/regions by walking up to package.json like dist does.
const outDir = join(root, "node_modules", ".cache", "bagcheck-emulator-cli-test");
const entry = join(outDir, "emulator-cli.mjs");

function program(): Command {
  const p = new Command("bagcheck").exitOverride();
  registerEmulator(p);
  return p;
}

interface Started {
  child: ChildProcess;
  lines: string[];
}

function startCli(args: string[]): Promise<Started> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, [entry, "emulator", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    const lines: string[] = [];
    let buffered = "";
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      buffered += d;
      const parts = buffered.split("\n");
      buffered = parts.pop() ?? "";
      lines.push(...parts);
      if (lines.length >= 2) resolveStart({ child, lines });
    });
    child.once("exit", (code) => reject(new Error(`emulator exited early with ${code}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((r) => {
    if (child.exitCode !== null) r(child.exitCode);
    else child.once("exit", (code) => r(code));
  });
}

describe("bagcheck emulator", () => {
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    await build({
      stdin: {
        contents: `import { Command } from "commander";
import { registerEmulator } from ${JSON.stringify(join(root, "src/cli/emulator.ts"))};
const p = new Command("bagcheck"); registerEmulator(p); await p.parseAsync(process.argv.slice(2), { from: "user" });`,
        resolveDir: root,
        loader: "ts",
      },
      bundle: true,
      platform: "node",
      format: "esm",
      packages: "external",
      outfile: entry,
      logLevel: "silent",
    });
  });
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  });

  describe("one running process", () => {
    let started: Started;
    let url = "";
    beforeAll(async () => {
      started = await startCli(["--port", "0", "--catalog", "ap-northeast-1-2024-07", "--fault", "throttle:1", "--fault", "latency:1"]);
      children.push(started.child);
      url = started.lines[0]?.split("=")[1] ?? "";
    });

    it("prints exactly the two endpoint lines once listening", () => {
      expect(started.lines[0]).toMatch(/^AWS_ENDPOINT_URL_BEDROCK_RUNTIME=http:\/\/127\.0\.0\.1:\d+$/);
      expect(started.lines[1]).toBe(started.lines[0]?.replace("_RUNTIME", ""));
    });

    it("serves the chosen catalog at the printed address", async () => {
      const region = "ap-northeast-1";
      const res = await fetch(`${url}/inference-profiles`, {
        headers: { authorization: `AWS4-HMAC-SHA256 Credential=AKID/20260101/${region}/bedrock/aws4_request, SignedHeaders=host, Signature=00` },
      });
      expect(await res.json()).toEqual({ inferenceProfileSummaries: [] });
    });

    it("applies --fault flags", async () => {
      const res = await fetch(`${url}/_emulator/stats`);
      expect(((await res.json()) as { faults: Record<string, unknown> }).faults).toMatchObject({ throttleNext: 1, latencyMs: 1 });
    });

    it("stops cleanly with exit code 0 on SIGTERM", async () => {
      started.child.kill("SIGTERM");
      expect(await exited(started.child)).toBe(0);
    });
  });

  it("stops cleanly with exit code 0 on SIGINT", async () => {
    const { child } = await startCli([]);
    children.push(child);
    child.kill("SIGINT");
    expect(await exited(child)).toBe(0);
  });

  it("rejects an unknown catalog as a usage error naming the known ones", async () => {
    await expect(program().parseAsync(["emulator", "--catalog", "mars-1"], { from: "user" })).rejects.toThrow(UsageError);
  });

  it("rejects an unknown fault as a usage error", async () => {
    await expect(program().parseAsync(["emulator", "--fault", "explode:1"], { from: "user" })).rejects.toThrow(/unknown fault/);
  });

  it("rejects a port out of range as a usage error", async () => {
    await expect(program().parseAsync(["emulator", "--port", "70000"], { from: "user" })).rejects.toThrow(UsageError);
  });
});
