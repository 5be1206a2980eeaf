// The Lambda artefact: src/gateway/lambda.ts bundled and minified by esbuild, its size, and how long a
// fresh Node process takes to load it (the init part of a cold start).
import { execFileSync } from "node:child_process";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { percentile, round } from "./stats.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
// Under reports/ (git- and lint-ignored): a build artefact, not source.
const outDir = `${root}reports/bench/lambda`;

export async function bundleLambda() {
  mkdirSync(outDir, { recursive: true });
  const outfile = `${outDir}/lambda.mjs`;
  await build({
    entryPoints: [`${root}src/gateway/lambda.ts`],
    bundle: true,
    minify: true,
    platform: "node",
    target: "node20",
    format: "esm",
    outfile,
    // A few CommonJS dependencies call require(); ESM output needs it defined.
    banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
    logLevel: "silent",
  });
  return { outfile, bytes: statSync(outfile).size };
}

/**
 * Fresh `node` process → handler imported: wall time of the whole process (spawn included) and the
 * import alone. The `awslambda` global Lambda provides is stubbed, as the runtime would provide it.
 */
export function coldInit(outfile, runs = 5) {
  const probe = `${outDir}/cold-init.mjs`;
  writeFileSync(
    probe,
    `globalThis.awslambda ??= { streamifyResponse: (f) => f, HttpResponseStream: { from: (s) => s } };
const t0 = performance.now();
const m = await import(${JSON.stringify(outfile)});
if (typeof m.handler !== "function") throw new Error("no handler export");
process.stdout.write(String(performance.now() - t0));\n`,
  );
  const walls = [];
  const imports = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    const out = execFileSync(process.execPath, [probe], { encoding: "utf8", env: { ...process.env, AWS_REGION: "us-east-1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" } });
    walls.push(performance.now() - t0);
    imports.push(Number(out));
  }
  return { coldInitMs: round(percentile(walls, 50), 1), importMs: round(percentile(imports, 50), 1) };
}
