/** Captures every byte written to process.stdout and process.stderr until stopped (nothing reaches the terminal). */
export function captureOutput(): { text(): string; stop(): string } {
  const chunks: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const grab = (chunk: unknown, ...rest: unknown[]): boolean => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
    const cb = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    cb?.();
    return true;
  };
  process.stdout.write = grab as typeof process.stdout.write;
  process.stderr.write = grab as typeof process.stderr.write;
  let stopped = false;
  return {
    text: () => chunks.join(""),
    stop: () => {
      if (!stopped) {
        process.stdout.write = out;
        process.stderr.write = err;
        stopped = true;
      }
      return chunks.join("");
    },
  };
}

/**
 * Every spelling of a key worth looking for: plain, URL-encoded (once and twice), and base64 / base64url
 * at each of the three byte alignments it can have inside a longer encoded blob (`Basic user:key`).
 */
export function keyNeedles(key: string): string[] {
  const needles = new Set([key, encodeURIComponent(key), encodeURIComponent(encodeURIComponent(key))]);
  for (let offset = 0; offset < 3; offset += 1) {
    const padded = Buffer.concat([Buffer.alloc(offset, 0x41), Buffer.from(key)]);
    for (const enc of ["base64", "base64url"] as const) {
      const b = padded.toString(enc);
      // Drop the characters that mix the padding prefix or the tail in; the middle is the key's alone.
      const inner = b.slice(Math.ceil((offset * 4) / 3) + 1, b.length - 4);
      if (inner.length >= 16) needles.add(inner);
    }
  }
  return [...needles];
}
