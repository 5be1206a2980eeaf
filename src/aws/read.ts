import type { Unreadable } from "./types.js";

const DENIED = /AccessDenied|UnauthorizedOperation|AuthorizationError|NotAuthorized|Forbidden/i;
const NOT_FOUND = /NotFound|NoSuchEntity|does not exist/i;

export function errorText(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

export function isAccessDenied(err: unknown): boolean {
  return err instanceof Error && (DENIED.test(err.name) || DENIED.test(err.message));
}

export function isNotFound(err: unknown): boolean {
  return err instanceof Error && (NOT_FOUND.test(err.name) || NOT_FOUND.test(err.message));
}

/**
 * Every live read goes through here: a failing call is recorded (what, which permission would allow it)
 * and yields undefined, so the collectors carry on and every other finding is still produced.
 */
export class ReadLog {
  readonly unreadable: Unreadable[] = [];

  async read<T>(what: string, permission: string, call: () => Promise<T>, opts: { notFound?: () => T } = {}): Promise<T | undefined> {
    try {
      return await call();
    } catch (err) {
      if (opts.notFound && isNotFound(err) && !isAccessDenied(err)) return opts.notFound();
      this.unreadable.push({ what, permission, error: errorText(err) });
      return undefined;
    }
  }
}

/** The sentence a person reads for one unreadable item. */
export function unreadableNote(u: Unreadable): string {
  return `could not read ${u.what}; permission ${u.permission} would allow it (${u.error})`;
}
