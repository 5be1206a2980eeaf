// The bench imports the compiled package from dist/: rebuild when any source is newer than the build.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureBuilt(log) {
  const marker = join(root, "dist/src/gateway/index.js");
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const sources = Math.max(...["src", "suites", "fixtures"].map((d) => (existsSync(join(root, d)) ? newestMtime(join(root, d)) : 0)));
  if (built >= sources) return;
  log("building dist/ (npm run build) …");
  try {
    execFileSync("npm", ["run", "-s", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], timeout: 300_000 });
  } catch (err) {
    // tsc still emits on type errors elsewhere in the tree; the bench only needs the files it imports.
    if (!existsSync(marker)) throw err;
    log("the build reported errors (see above); using what it emitted");
  }
}
