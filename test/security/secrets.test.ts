import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { type IncomingMessage, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { captureOutput, keyNeedles } from "./support/capture.js";
import { sendRaw } from "./support/raw-http.js";

/**
 * No byte bagcheck writes — console, every report format, `serve` logs, error paths — contains the key,
 * in any spelling. The key has characters that URL-encoding and base64 change, so each form differs.
 */

const KEY = `sk-sec/${randomBytes(12).toString("hex")}+key=`;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** A gateway that reflects the caller's credentials back in headers and body, in several encodings. */
async function echoServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req: IncomingMessage, res) => {
    req.resume();
    const auth = req.headers.authorization ?? "";
    const token = auth.replace(/^Bearer /, "");
    const reflected = { error: { message: `invalid key ${token} (${encodeURIComponent(token)}; ${Buffer.from(token).toString("base64")})`, type: "auth", param: null, code: null }, headers: req.headers };
    res.writeHead(401, { "content-type": "application/json", "x-echo-auth": auth, "www-authenticate": `Bearer realm="${token}"`, location: `/login?key=${encodeURIComponent(token)}` }).end(JSON.stringify(reflected));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

describe("secrets", () => {
  it("never writes the key, plain, URL-encoded or base64, in run output, reports, serve logs or error paths", async () => {
    const reportDir = mkdtempSync(join(tmpdir(), "bagcheck-secrets-"));
    dirs.push(reportDir);
    const captured = captureOutput();
    const before = new Set(process.listeners("SIGTERM"));
    let stopServe: (() => void) | undefined;
    let serving: Promise<unknown> | undefined;
    const echo = await echoServer();
    try {
      // `serve` in-process, with the emulator and the key; it runs until its SIGTERM handler is called.
      serving = main(["serve", "--port", "0", "--emulator", "--api-key", KEY]);
      const deadline = Date.now() + 20_000;
      let url: string | undefined;
      while (!url && Date.now() < deadline) {
        url = /bagcheck gateway listening on (\S+)/.exec(captured.text())?.[1];
        await new Promise((r) => setTimeout(r, 20));
      }
      if (!url) throw new Error(`serve did not start: ${captured.text().slice(0, 500)}`);
      stopServe = process.listeners("SIGTERM").find((l) => !before.has(l)) as (() => void) | undefined;

      // A full run against it: every suite, every format, verbose (evidence on the console too).
      await main(["run", "--url", url, "--key", KEY, "--format", "console,json,junit,md,html", "--report-dir", reportDir, "--verbose", "--no-color", "--timeout", "5000"]);

      // Error paths on the gateway, each carrying the key somewhere a careless log would copy it.
      const enc = encodeURIComponent(KEY);
      const auth = { authorization: `Bearer ${KEY}`, "content-type": "application/json" };
      const body = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
      await sendRaw(`${url}/models/${enc}`, { method: "GET", headers: auth });
      await sendRaw(`${url}/nope/${enc}?api-key=${enc}`, { method: "GET", headers: auth });
      await sendRaw(`${url}/chat/completions?key=${enc}`, { method: "POST", headers: { ...auth, authorization: `Bearer ${KEY}x` }, body: body({}) });
      await sendRaw(`${url}/chat/completions`, { method: "POST", headers: { "x-api-key": KEY, authorization: `Basic ${Buffer.from(`u:${KEY}`).toString("base64")}` }, body: body({}) });
      await sendRaw(`${url}/chat/completions`, { method: "POST", headers: auth, body: body({ model: KEY, messages: [{ role: "user", content: KEY }] }) });
      await sendRaw(`${url}/chat/completions`, { method: "POST", headers: auth, body: new TextEncoder().encode(`{"model":"${KEY}", broken`) });
      await sendRaw(`${url}/embeddings`, { method: "POST", headers: auth, body: body({ model: KEY, input: KEY }) });

      // Runs whose target misbehaves with the key: reflected back, unreachable, embedded in the URL.
      await main(["run", "--url", echo.url, "--key", KEY, "--format", "console,json,junit,md,html", "--report-dir", reportDir, "--verbose", "--no-color", "--timeout", "3000", "--suite", "auth,models,chat"]);
      await main(["run", "--url", "http://127.0.0.1:1/v1", "--key", KEY, "--format", "console,json", "--report-dir", reportDir, "--timeout", "1000", "--suite", "models"]);
      await main(["run", "--url", `http://user:${enc}@127.0.0.1:1/v1`, "--format", "console,json", "--report-dir", reportDir, "--timeout", "1000", "--suite", "models"]);
    } finally {
      stopServe?.();
      // serve's action resolves once the gateway and emulator are closed: its last log lines are in.
      if (stopServe) await serving;
      captured.stop();
      await echo.close();
    }

    const written: { where: string; text: string }[] = [{ where: "stdout+stderr", text: captured.text() }];
    for (const file of filesUnder(reportDir)) written.push({ where: file, text: readFileSync(file, "utf8") });
    expect(written.length).toBeGreaterThan(5);
    const hits = written.flatMap(({ where, text }) => keyNeedles(KEY).filter((n) => text.includes(n)).map((n) => `${where}: …${text.slice(Math.max(0, text.indexOf(n) - 60), text.indexOf(n) + n.length + 20)}…`));
    expect(hits).toEqual([]);
  }, 120_000);
});
