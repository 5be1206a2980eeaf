import { Command, CommanderError } from "commander";
import { registerEmulator } from "./emulator.js";
import { registerExplain } from "./explain.js";
import { registerInspect } from "./inspect.js";
import { registerModels } from "./models.js";
import { registerRun } from "./run.js";
import { registerServe } from "./serve.js";
import { EXIT, type ExitCode, UsageError } from "./exit.js";
import { VERSION } from "./version.js";

/**
 * Builds the program. Command files register themselves and load their heavy modules lazily inside
 * their action, so `bagcheck --help` stays fast (no AWS SDK, no Hono).
 */
export function buildProgram(): Command {
  const program = new Command("bagcheck")
    .description("Why your OpenAI-compatible gateway in front of Amazon Bedrock works with curl but not with your chat client.")
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  for (const register of [registerRun, registerModels, registerInspect, registerServe, registerEmulator, registerExplain]) {
    register(program);
  }
  return program;
}

/** Runs the CLI and returns its exit code; never throws, never prints a stack trace. */
export async function main(argv: string[]): Promise<ExitCode> {
  const program = buildProgram();
  let code: ExitCode = EXIT.ok;
  program.hook("postAction", (_parent, action) => {
    const c = action.getOptionValue("__exitCode") as ExitCode | undefined;
    if (c !== undefined) code = c;
  });
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`bagcheck: ${err.message}\n`);
      return EXIT.usage;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`bagcheck: ${message}\n`);
    return EXIT.usage;
  }
}
