import type { Command } from "commander";

export function registerEmulator(program: Command): void {
  program.command("emulator").description("(not built yet)");
}
