import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/index.js";
import { parseRunFlags } from "../../src/cli/run.js";
import { json, startServer, type TestServer } from "../harness/servers.js";
import { capture } from "./capture.js";

// The CLI's own behaviour, independent of the real suites: one suite whose second check's status the test sets.
const state = vi.hoisted(() => ({ status: "pass" as "pass" | "warn" | "fail" }));
vi.mock("../../suites/index.js", () => ({
  allSuites: [
    {
      id: "demo",
      title: "Demo",
      checks: [
        { id: "demo.models", suite: "demo", title: "models answers", finds: [], run: async (ctx: { http: { request(r: object): Promise<{ status?: number }> } }) => ({ status: (await ctx.http.request({ path: "/models" })).status === 200 ? "pass" : "fail" }) },
        { id: "demo.settable", suite: "demo", title: "status set by the test", finds: [], run: async () => ({ status: state.status }) },
      ],
    },
  ],
}));

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startServer((req, res) => (req.url === "/v1/models" ? json(res, 200, { object: "list", data: [] }) : json(res, 404, {})));
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function run(...args: string[]) {
  dir = await mkdtemp(join(tmpdir(), "bagcheck-cli-"));
  return capture(() => main(["run", "--report-dir", dir, "--quiet", "--no-color", ...args]));
}

describe("bagcheck run exit codes", () => {
  it("exits 0 when every check passes", async () => {
    state.status = "pass";
    expect((await run("--url", `${server.url}/v1`, "--key", "k-1234")).result).toBe(0);
  });

  it("exits 1 when a check fails", async () => {
    state.status = "fail";
    expect((await run("--url", `${server.url}/v1`, "--key", "k-1234")).result).toBe(1);
  });

  it("exits 0 on a warning with the default --fail-on fail", async () => {
    state.status = "warn";
    expect((await run("--url", `${server.url}/v1`)).result).toBe(0);
  });

  it("exits 1 on a warning with --fail-on warn", async () => {
    state.status = "warn";
    expect((await run("--url", `${server.url}/v1`, "--fail-on", "warn")).result).toBe(1);
  });

  it.each([
    ["an unknown --fail-on", ["--fail-on", "sometimes"]],
    ["an unknown --format", ["--format", "pdf"]],
    ["a --timeout that is no number", ["--timeout", "soon"]],
    ["an unknown suite", ["--suite", "nope"]],
    ["an unknown flag", ["--frobnicate"]],
    ["a URL that is not a URL", ["--url", "ftp://x/v1"]],
    ["an unknown client", ["--client", "no-such-client"]],
    ["an unknown scenario", ["--scenario", "no-such-scenario"]],
  ])("exits 2 for %s", async (_name, args) => {
    expect((await run(...args)).result).toBe(2);
  });

  it("exits 3 when nothing listens at the URL", async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const { result, stderr } = await run("--url", `http://127.0.0.1:${closed.port}/v1`, "--key", "k-1234", "--format", "json");
    expect(result).toBe(3);
    expect(stderr).toBe("");
    expect(await readdir(join(dir, "latest"))).toContain("report.json");
  });

  it("writes every requested format into reports/<timestamp>/ and reports/latest/", async () => {
    state.status = "pass";
    await run("--url", `${server.url}/v1`, "--format", "json,junit,md");
    expect((await readdir(join(dir, "latest"))).sort()).toEqual(["junit.xml", "report.json", "report.md", "report.schema.json"]);
    expect((await readdir(dir)).length).toBe(2);
  });

  it("prints the console report on stdout without colour under --no-color", async () => {
    state.status = "fail";
    const { stdout } = await run("--url", `${server.url}/v1`, "--format", "console");
    expect(stdout).toContain("demo.settable");
    expect(stdout).not.toContain(String.fromCharCode(27));
  });
});

describe("parseRunFlags", () => {
  const base = { origin: "https://app.nextchat.dev", format: "json", reportDir: "reports", failOn: "fail", timeout: "30000", color: true };

  it("takes the URL and key from OPENAI_BASE_URL / OPENAI_API_KEY", () => {
    const c = parseRunFlags(base, { OPENAI_BASE_URL: "http://gw/v1", OPENAI_API_KEY: "sk-env" });
    expect([c.url, c.key]).toEqual(["http://gw/v1", "sk-env"]);
  });

  it("runs the embedded default when neither --url nor OPENAI_BASE_URL is set, ignoring a stray OPENAI_API_KEY", () => {
    const c = parseRunFlags(base, { OPENAI_API_KEY: "sk-env" });
    expect([c.url, c.key]).toEqual([undefined, undefined]);
  });

  it("prefers the flags over the environment", () => {
    const c = parseRunFlags({ ...base, url: "http://flag/v1", key: "sk-flag" }, { OPENAI_BASE_URL: "http://env/v1", OPENAI_API_KEY: "sk-env" });
    expect([c.url, c.key]).toEqual(["http://flag/v1", "sk-flag"]);
  });

  it("splits comma lists", () => {
    expect(parseRunFlags({ ...base, suite: "auth, chat", skip: "cors" }, {})).toMatchObject({ suites: ["auth", "chat"], skip: ["cors"] });
  });
});
