/** Exit codes are part of the CI contract (ARCHITECTURE.md). */
export const EXIT = {
  ok: 0,
  checksFailed: 1,
  usage: 2,
  unreachable: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A problem with flags or configuration: printed as one line, exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Actions report their exit code by setting this option value; main() reads it after the action. */
export function setExitCode(command: { setOptionValue(key: string, value: unknown): unknown }, code: ExitCode): void {
  command.setOptionValue("__exitCode", code);
}
