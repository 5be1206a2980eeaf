import type { Command } from "commander";
import { UsageError } from "./exit.js";
import { listenError, parsePort, untilSignal } from "./long-running.js";

interface ServeFlags {
  port: string;
  host: string;
  region?: string;
  emulator?: boolean;
  catalog?: string;
  apiKey?: string;
  apiKeyParam?: string;
}

/**
 * `bagcheck serve`: the reference gateway on Node until SIGINT/SIGTERM. stdout carries only the
 * `bagcheck gateway listening on …` line scripts read; access log and notes go to stderr, never the key.
 */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("Run the reference gateway: an OpenAI-compatible API on Amazon Bedrock (routes under /api/v1 and /v1)")
    .option("--port <port>", "port to listen on (0 picks a free one)", "8080")
    .option("--host <host>", "address to bind", "127.0.0.1")
    .option("--region <region>", "AWS region of Bedrock (default AWS_REGION, or the emulator catalog's region)")
    .option("--emulator", "start the offline Bedrock emulator in-process and use it")
    .option("--catalog <name|file>", "with --emulator: region catalog (default us-east-1-current)")
    .option("--api-key <key>", "accepted API key (prefer env BAGCHECK_API_KEY: flags show in `ps`)")
    .option("--api-key-param <name>", "SSM parameter holding the API key, as BAG does (env API_KEY_PARAM_NAME)")
    .action(async (flags: ServeFlags) => {
      const port = parsePort(flags.port);
      const apiKey = flags.apiKey ?? process.env.BAGCHECK_API_KEY;
      const apiKeyParam = flags.apiKeyParam ?? process.env.API_KEY_PARAM_NAME;
      if (flags.apiKey && flags.apiKeyParam) throw new UsageError("give either --api-key or --api-key-param, not both");
      if (flags.catalog && !flags.emulator) throw new UsageError("--catalog only applies with --emulator");

      let emulator: { url: string; region: string; catalog: { name: string }; close(): Promise<void> } | undefined;
      if (flags.emulator) {
        const { startEmulator, loadCatalog } = await import("../emulator/index.js");
        let catalog;
        try {
          catalog = flags.catalog ? loadCatalog(flags.catalog) : undefined;
        } catch (err) {
          throw new UsageError((err as Error).message);
        }
        emulator = await startEmulator({ catalog });
      }
      const { startGateway } = await import("../gateway/index.js");
      let gateway;
      try {
        gateway = await startGateway({
          host: flags.host,
          port,
          region: flags.region ?? emulator?.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
          ...(emulator ? { bedrockEndpoint: emulator.url, credentials: { accessKeyId: "AKIDEMULATOR", secretAccessKey: "emulator" } } : {}),
          ...(apiKey ? { apiKeys: [apiKey] } : apiKeyParam ? { apiKeyParam } : {}),
          logger: (line) => process.stderr.write(`${line}\n`),
        });
      } catch (err) {
        await emulator?.close();
        throw listenError(err, port);
      }
      const running = gateway;
      const stopped = untilSignal(() => running.close().then(() => emulator?.close()));
      process.stdout.write(`bagcheck gateway listening on ${gateway.url}\n`);
      if (emulator) process.stderr.write(`bagcheck serve: Bedrock emulator at ${emulator.url} (region ${emulator.region}, catalog ${emulator.catalog.name}); Ctrl-C to stop\n`);
      await stopped;
    });
}
