import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: more workers than that only adds contention to timing-sensitive stream checks.
    maxWorkers: 2,
    // The JSON result lets .ci/run print a plain "N passed, N failed" closing line that any CI can read.
    reporters: ["default", ["json", { outputFile: "reports/vitest-results.json" }]],
  },
});
