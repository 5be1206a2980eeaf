import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startServer } from "../harness/servers.js";

const bin = join(import.meta.dirname, "../../bin/bagcheck.js");
const built = existsSync(join(import.meta.dirname, "../../dist/src/cli/main.js"));

// Needs `npm run build` (npm test builds first).
describe.skipIf(!built)("bin/bagcheck.js", () => {
  it("exits 3 for an unreachable URL and says so on stderr", async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const dir = await mkdtemp(join(tmpdir(), "bagcheck-bin-"));
    try {
      const r = spawnSync(process.execPath, [bin, "run", "--url", `http://127.0.0.1:${closed.port}/v1`, "--key", "sk-bin-secret", "--report-dir", dir, "--format", "console,json"], {
        encoding: "utf8",
        timeout: 30_000,
        env: { ...process.env, NO_COLOR: "1" },
      });
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(/unreachable/);
      expect(r.stdout).toContain("target-connection-refused");
      expect(r.stdout + r.stderr).not.toContain("sk-bin-secret");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("exits 2 for a bad flag", () => {
    const r = spawnSync(process.execPath, [bin, "run", "--fail-on", "never"], { encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(2);
  });
});
