// Portkey AI gateway as the peer, installed on demand into bench/.peers (git-ignored) with the hono and
// @hono/node-server versions from Portkey's own lockfile: newer ones fail every streamed request
// (Portkey-AI/gateway#1389). Bound to 127.0.0.1 through a preload.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { freePort, startProgram } from "./services.mjs";

const peers = fileURLToPath(new URL("../.peers/", import.meta.url));
const entry = `${peers}node_modules/@portkey-ai/gateway/build/start-server.js`;
const preload = fileURLToPath(new URL("./bind-localhost.mjs", import.meta.url));
export const PORTKEY_VERSION = "1.15.2";

export function ensurePortkey(log) {
  if (existsSync(entry)) return true;
  mkdirSync(peers, { recursive: true });
  writeFileSync(
    `${peers}package.json`,
    JSON.stringify(
      {
        private: true,
        dependencies: { "@portkey-ai/gateway": PORTKEY_VERSION, hono: "4.9.7", "@hono/node-server": "1.13.5" },
        // Portkey nests its own newer @hono/node-server without this.
        overrides: { hono: "4.9.7", "@hono/node-server": "1.13.5" },
      },
      null,
      2,
    ),
  );
  log(`installing @portkey-ai/gateway@${PORTKEY_VERSION} into bench/.peers …`);
  try {
    execFileSync("npm", ["install", "--prefix", peers, "--no-audit", "--no-fund", "--ignore-scripts"], { stdio: "ignore", timeout: 180_000 });
  } catch (err) {
    log(`could not install Portkey (${err.message.split("\n")[0]}); the comparison is skipped`);
    return false;
  }
  return existsSync(entry);
}

export async function startPortkey() {
  const port = await freePort();
  const proc = await startProgram(["--import", preload, entry, `--port=${port}`, "--headless"], port, { env: { NODE_ENV: "production" } });
  return { ...proc, url: `http://127.0.0.1:${port}`, port };
}

/** Headers that make Portkey call the emulator as Bedrock (custom host replaces the regional endpoint). */
export function portkeyBedrockHeaders(emulatorUrl, region) {
  return {
    "x-portkey-provider": "bedrock",
    "x-portkey-custom-host": emulatorUrl,
    "x-portkey-aws-access-key-id": "AKIABENCHBENCHBENCH0",
    "x-portkey-aws-secret-access-key": "benchbenchbenchbenchbenchbenchbenchbench",
    "x-portkey-aws-region": region,
  };
}
