import type { Command } from "commander";

export function registerExplain(program: Command): void {
  program.command("explain").description("(not built yet)");
}
