import OpenAI from "openai";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { startGateway, type GatewayConfig } from "../../src/gateway/index.js";

export const KEY = "sk-bagcheck-test-7d3f0e21c9";

export interface Stack {
  emu: RunningEmulator;
  gw: { url: string; port: number; close(): Promise<void> };
  client: (opts?: { apiKey?: string; maxRetries?: number }) => OpenAI;
  logs: string[];
  close(): Promise<void>;
}

/** Emulator + gateway on ephemeral 127.0.0.1 ports, and openai-node clients pointed at the gateway. */
export async function startStack(opts: { catalog?: string; chunkDelayMs?: number; gateway?: Partial<GatewayConfig> } = {}): Promise<Stack> {
  const emu = await startEmulator({ catalog: opts.catalog, chunkDelayMs: opts.chunkDelayMs ?? 0 });
  const logs: string[] = [];
  const gw = await startGateway({
    region: emu.region,
    bedrockEndpoint: emu.url,
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    apiKeys: [KEY],
    logger: (line) => logs.push(line),
    ...opts.gateway,
  });
  return {
    emu,
    gw,
    logs,
    // Retries off unless a test is about them: a failure should surface at once, not after backoff.
    client: (o = {}) => new OpenAI({ baseURL: gw.url, apiKey: o.apiKey ?? KEY, maxRetries: o.maxRetries ?? 0, timeout: 10_000 }),
    close: async () => {
      await gw.close();
      await emu.close();
    },
  };
}

/** Polls until `check` holds (the emulator counts a cancel when its socket closes, a moment after ours). */
export async function eventually(check: () => boolean, timeoutMs = 3_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}
