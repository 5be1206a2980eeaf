import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { startServer, type TestServer } from "../harness/servers.js";
import { capture } from "./capture.js";

const KEY = "sk-leak/Test+Key=42&x";
// The HTML-escaped spelling too: an escaped leak in report.html is still a leak.
const FORMS = [KEY, encodeURIComponent(KEY), Buffer.from(KEY).toString("base64"), KEY.replace(/&/g, "&amp;")];

/** A gateway that echoes whatever credentials it gets, in every spelling, in headers, bodies and SSE events. */
function echoServer(): Promise<TestServer> {
  return startServer((req, res) => {
    const auth = String(req.headers.authorization ?? "");
    const echo = { auth, encoded: encodeURIComponent(auth), b64: Buffer.from(auth.replace(/^Bearer /, "")).toString("base64") };
    res.setHeader("x-echo", encodeURIComponent(auth));
    if (req.url?.endsWith("/models")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ object: "list", data: [{ id: "amazon.nova-lite-v1:0", object: "model", owned_by: auth }], echo }));
    } else if (req.method === "POST" && req.url?.endsWith("/chat/completions")) {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        if (body.includes('"stream":true')) {
          res.writeHead(200, { "content-type": "text/event-stream" });
          res.end(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: auth } }], echo })}\n\ndata: [DONE]\n\n`);
        } else {
          res.writeHead(401, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: { message: `invalid key ${auth} ${echo.encoded} ${echo.b64}` } }));
        }
      });
    } else {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `no route; you sent ${auth}` }, echo }));
    }
  });
}

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await echoServer();
  dir = await mkdtemp(join(tmpdir(), "bagcheck-leak-"));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function allFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(await readFile(join(e.parentPath, e.name), "utf8"));
  }
  return out;
}

describe("the API key", () => {
  it("appears in no report file and no console output, plain, URL-encoded or base64", async () => {
    const { stdout, stderr } = await capture(() =>
      main(["run", "--url", `${server.url}/v1`, "--key", KEY, "--report-dir", dir, "--timeout", "2000", "--verbose", "--no-color"]),
    );
    const files = await allFiles(dir);
    expect(files.length).toBeGreaterThanOrEqual(5);
    // The gateway did echo it: the redaction, not the absence of an echo, keeps it out.
    expect(files.join("\n")).toContain("[REDACTED]");
    for (const text of [stdout, stderr, ...files]) {
      for (const form of FORMS) expect(text.includes(form)).toBe(false);
    }
  });
});
