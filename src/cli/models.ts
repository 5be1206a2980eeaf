import type { Command } from "commander";
import { EXIT, setExitCode, UsageError } from "./exit.js";
import { explainAll, renderFindingText } from "./inspect.js";

interface ModelsFlags {
  region?: string;
  profile?: string;
  catalog?: string;
  gateway?: string;
  key?: string;
  json?: boolean;
}

export function registerModels(program: Command): void {
  program
    .command("models")
    .description("What this account can call in a region, and the id a gateway should be called with")
    .option("--region <region>", "AWS region (default: from the environment or profile)")
    .option("--profile <profile>", "AWS profile from ~/.aws/config")
    .option("--catalog <name|file>", "offline: answer from an emulated region catalog instead of AWS")
    .option("--gateway <url>", "cross-check against this gateway's /models (base URL, e.g. http://alb/api/v1)")
    .option("--key <key>", "API key for --gateway (default: OPENAI_API_KEY)")
    .option("--json", "print JSON instead of a table")
    .action(async (flags: ModelsFlags, cmd: Command) => {
      if (flags.catalog && flags.profile) throw new UsageError("--catalog answers offline; --profile does not apply");
      const aws = await import("../aws/index.js");
      let emulator: { url: string; region: string; close(): Promise<void> } | undefined;
      if (flags.catalog) {
        // The CLI is the one place allowed to wire the emulator to the aws collectors.
        const { startEmulator } = await import("../emulator/index.js");
        try {
          emulator = await startEmulator({ catalog: flags.catalog });
        } catch (err) {
          throw new UsageError(`cannot load catalog ${flags.catalog}: ${(err as Error).message}`);
        }
      }
      const sdk = new aws.AwsSdk({
        ...(flags.region || emulator ? { region: flags.region ?? emulator?.region ?? "" } : {}),
        ...(flags.profile ? { profile: flags.profile } : {}),
        ...(emulator ? { bedrockEndpoint: emulator.url } : {}),
      });
      try {
        let table;
        try {
          table = await aws.collectModelTable(sdk);
        } catch (err) {
          throw new UsageError((err as Error).message);
        }
        let unreachable = false;
        if (flags.gateway) {
          const key = flags.key ?? process.env.OPENAI_API_KEY;
          const listed = await aws.fetchGatewayModels({ url: flags.gateway, ...(key ? { key } : {}) });
          if ("error" in listed) {
            table.gateway = { url: flags.gateway, listed: [], listedNotCallable: [], callableNotListed: [], error: listed.error };
            unreachable = true;
          } else {
            table.gateway = aws.crossCheck(table, flags.gateway, listed.ids);
          }
        }
        const explained = explainAll(aws.gatewayFindings(table));
        const notes = table.unreadable.map(aws.unreadableNote);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ tool: "bagcheck", command: "models", ...table, findings: explained, notes }, null, 2)}\n`);
        } else {
          const lines = [aws.formatModelTable(table)];
          if (table.gateway?.error) lines.push("", `gateway: ${table.gateway.error}`);
          else if (table.gateway) {
            lines.push("", `gateway ${table.gateway.url} lists ${table.gateway.listed.length} models.`);
            if (table.gateway.mapped) lines.push(`it maps OpenAI names itself: ${table.gateway.mapped.join(", ")} (the model behind them is the gateway's choice, e.g. BAG's DEFAULT_MODEL)`);
          }
          for (const f of explained) lines.push("", renderFindingText(f));
          for (const n of notes) lines.push(`note: ${n}`);
          process.stdout.write(`${lines.join("\n")}\n`);
        }
        const code = unreachable ? EXIT.unreachable : explained.some((f) => f.severity !== "info") ? EXIT.checksFailed : EXIT.ok;
        setExitCode(cmd, code);
      } finally {
        sdk.destroy();
        await emulator?.close();
      }
    });
}
