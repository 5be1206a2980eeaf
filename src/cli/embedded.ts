import { randomBytes } from "node:crypto";

export interface EmbeddedTarget {
  /** The reference gateway's base URL (http://127.0.0.1:PORT/api/v1). */
  url: string;
  /** Generated for this run only; the gateway accepts nothing else. */
  key: string;
  region: string;
  close(): Promise<void>;
}

/**
 * The embedded default: the Bedrock emulator and the reference gateway, in-process, on ephemeral
 * 127.0.0.1 ports, with a key made up for this run. Only the CLI wires the two together (ARCHITECTURE.md);
 * both load lazily so `bagcheck run --url …` never pays for Hono or the AWS SDK.
 */
export async function startEmbedded(): Promise<EmbeddedTarget> {
  const [{ startEmulator }, { startGateway }] = await Promise.all([import("../emulator/index.js"), import("../gateway/index.js")]);
  const key = `bagcheck-embedded-${randomBytes(16).toString("hex")}`;
  const emulator = await startEmulator({ host: "127.0.0.1", port: 0 });
  try {
    const gateway = await startGateway({
      region: emulator.region,
      bedrockEndpoint: emulator.url,
      // The emulator checks nothing; the SDK only needs credentials to exist (never real ones here).
      credentials: { accessKeyId: "AKIABAGCHECKEMBEDDED", secretAccessKey: "bagcheck-embedded" },
      apiKeys: [key],
      host: "127.0.0.1",
      port: 0,
    });
    return {
      url: gateway.url,
      key,
      region: emulator.region,
      close: async () => {
        await gateway.close().catch(() => undefined);
        await emulator.close().catch(() => undefined);
      },
    };
  } catch (err) {
    await emulator.close().catch(() => undefined);
    throw err;
  }
}
