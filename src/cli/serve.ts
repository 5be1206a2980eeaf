import type { Command } from "commander";

export function registerServe(program: Command): void {
  program.command("serve").description("(not built yet)");
}
