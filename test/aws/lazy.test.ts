import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as seed from "../../fixtures/aws/seed-deployment.js";
import { templatePath } from "./helpers.js";
import { installSeedAccount } from "./mock-aws.js";

const SDK_PACKAGES = [
  "@aws-sdk/client-cloudformation", "@aws-sdk/client-elastic-load-balancing-v2", "@aws-sdk/client-lambda", "@aws-sdk/client-iam",
  "@aws-sdk/client-ec2", "@aws-sdk/client-ssm", "@aws-sdk/client-api-gateway", "@aws-sdk/client-bedrock",
];

/** Records which SDK packages get imported from now on (each mock passes the real module through). */
function watchSdkLoads(): string[] {
  const loaded: string[] = [];
  vi.resetModules();
  for (const pkg of SDK_PACKAGES) {
    vi.doMock(pkg, async (importOriginal) => {
      loaded.push(pkg);
      return importOriginal();
    });
  }
  return loaded;
}

afterEach(() => {
  for (const pkg of SDK_PACKAGES) vi.doUnmock(pkg);
  vi.resetModules();
});

describe("AWS SDK clients are loaded lazily", () => {
  it("building the CLI program loads no SDK client", async () => {
    const loaded = watchSdkLoads();
    const { buildProgram } = await import("../../src/cli/main.js");
    buildProgram();
    expect(loaded).toEqual([]);
  });

  it("inspect --template loads no SDK client", async () => {
    const loaded = watchSdkLoads();
    const aws = await import("../../src/aws/index.js");
    const r = await aws.inspectDeployment({ template: templatePath("seed-2024.json") });
    expect(r.findings.length).toBeGreaterThan(0);
    expect(loaded).toEqual([]);
  });

  it("a live inspection loads the clients it uses, when it uses them", async () => {
    const loaded = watchSdkLoads();
    const account = installSeedAccount();
    try {
      const aws = await import("../../src/aws/index.js");
      const r = await aws.inspectDeployment({ stack: seed.STACK, region: seed.REGION });
      expect(r.notes).toEqual([]);
      // The seed stack has no API Gateway: that client is never loaded.
      expect([...new Set(loaded)].sort()).toEqual(SDK_PACKAGES.filter((p) => p !== "@aws-sdk/client-api-gateway").sort());
    } finally {
      account.restore();
    }
  });

  it("no file in src/aws or the aws CLI commands imports an SDK client statically (only types)", () => {
    const root = fileURLToPath(new URL("../../src/", import.meta.url));
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
    const files = [...walk(join(root, "aws")), join(root, "cli/models.ts"), join(root, "cli/inspect.ts")];
    const offenders = files.filter((f) => /^import\s+(?!type\b)[^;]*from\s+"@aws-sdk\//m.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
