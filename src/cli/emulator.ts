import type { Command } from "commander";
import { UsageError } from "./exit.js";
import { listenError, parsePort, untilSignal } from "./long-running.js";

interface EmulatorFlags {
  port: string;
  host: string;
  catalog?: string;
  fault: string[];
  chunkDelay?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * `bagcheck emulator`: a Bedrock runtime + control plane on one port, until SIGINT/SIGTERM. stdout carries
 * only the two `AWS_ENDPOINT_URL_…=` lines scripts read (`eval $(…)`-able); everything else goes to stderr.
 */
export function registerEmulator(program: Command): void {
  program
    .command("emulator")
    .description("Run the offline Amazon Bedrock emulator (runtime + control plane, HTTP/1.1 and h2c on one port)")
    .option("--port <port>", "port to listen on (0 picks a free one)", "0")
    .option("--host <host>", "address to bind", "127.0.0.1")
    .option("--catalog <name|file>", "region catalog: a name in fixtures/regions or a JSON file (default us-east-1-current)")
    .option("--fault <spec>", "inject a fault, repeatable: throttle:N, timeout:N, unavailable:N, latency:MS, chunk-delay:MS, stream-error:K[:TYPE]", collect, [])
    .option("--chunk-delay <ms>", "delay between streamed deltas in ms (default 5)")
    .action(async (flags: EmulatorFlags) => {
      const port = parsePort(flags.port);
      const { startEmulator, loadCatalog } = await import("../emulator/index.js");
      let catalog;
      try {
        catalog = flags.catalog ? loadCatalog(flags.catalog) : undefined;
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const chunkDelayMs = flags.chunkDelay === undefined ? undefined : Number(flags.chunkDelay);
      if (chunkDelayMs !== undefined && !(chunkDelayMs >= 0)) throw new UsageError(`--chunk-delay must be a number of ms, got "${flags.chunkDelay}"`);
      let emulator;
      try {
        emulator = await startEmulator({ host: flags.host, port, catalog, faults: flags.fault, chunkDelayMs });
      } catch (err) {
        throw listenError(err, port);
      }
      const running = emulator;
      const stopped = untilSignal(() => running.close());
      process.stdout.write(`AWS_ENDPOINT_URL_BEDROCK_RUNTIME=${emulator.url}\nAWS_ENDPOINT_URL_BEDROCK=${emulator.url}\n`);
      process.stderr.write(
        `bagcheck emulator: region ${emulator.region}, catalog ${emulator.catalog.name}` +
          `${flags.fault.length > 0 ? `, faults ${flags.fault.join(" ")}` : ""}; Ctrl-C to stop\n`,
      );
      await stopped;
    });
}
