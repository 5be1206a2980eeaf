import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";

/**
 * `bagcheck serve --emulator`, in-process: the line scripts read, a working gateway behind it, and a clean
 * stop. The signal handlers are captured and called rather than raising a real signal in the test worker.
 */
afterEach(() => vi.restoreAllMocks());

function captureServe() {
  const out: string[] = [];
  const err: string[] = [];
  const handlers = new Map<string, () => void>();
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (err.push(String(chunk)), true));
  const realOn = process.on.bind(process);
  vi.spyOn(process, "on").mockImplementation(((event: string, fn: () => void) => {
    if (event === "SIGINT" || event === "SIGTERM") handlers.set(event, fn);
    else realOn(event, fn);
    return process;
  }) as typeof process.on);
  return { out, err, handlers };
}

async function until<T>(get: () => T | undefined): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const v = get();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("timed out");
}

describe("bagcheck serve", () => {
  it("prints exactly the listening line, serves through the emulator, and stops on SIGTERM with exit 0", async () => {
    const cap = captureServe();
    const key = "sk-serve-test-55e1";
    const done = main(["serve", "--emulator", "--port", "0", "--api-key", key]);
    const line = await until(() => cap.out.find((l) => l.startsWith("bagcheck gateway listening on ")));
    expect(line).toMatch(/^bagcheck gateway listening on http:\/\/127\.0\.0\.1:\d+\/api\/v1\n$/);
    const url = line.trim().split(" ").at(-1)!;
    const res = await fetch(`${url}/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify({ model: "anthropic.claude-3-haiku-20240307-v1:0", messages: [{ role: "user", content: "hi" }] }) });
    expect(res.status).toBe(200);
    (await until(() => cap.handlers.get("SIGTERM")))();
    expect(await done).toBe(0);
    expect([...cap.out, ...cap.err].join("")).not.toContain(key);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it("refuses --api-key together with --api-key-param (exit 2)", async () => {
    const cap = captureServe();
    expect(await main(["serve", "--api-key", "a", "--api-key-param", "b"])).toBe(2);
    expect(cap.err.join("")).toMatch(/either --api-key or --api-key-param/);
  });
});
