import { afterEach, describe, expect, it } from "vitest";
import { runChecks, type Check, type CheckOutcome, type RunOptions, type Target } from "../../src/harness/index.js";
import { json, startServer, type TestServer } from "./servers.js";

const options: RunOptions = { origin: "https://app.example", timeoutMs: 2_000, slow: false };
const target: Target = { enteredUrl: "http://127.0.0.1:1/v1", baseUrl: "http://127.0.0.1:1/v1", mode: "remote", urlTyped: true };

function check(id: string, run: Check["run"], extra: Partial<Check> = {}): Check {
  return { id: `test.${id}`, suite: "test", title: id, finds: [], run, ...extra };
}

/** A check that waits until released, counting how many run at once. */
function gate() {
  let active = 0;
  let max = 0;
  const make = (id: string, extra: Partial<Check> = {}) =>
    check(
      id,
      async () => {
        active += 1;
        max = Math.max(max, active);
        await new Promise((r) => setTimeout(r, 20));
        active -= 1;
        return { status: "pass" } satisfies CheckOutcome;
      },
      extra,
    );
  return { make, max: () => max, active: () => active };
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("runChecks", () => {
  it("returns results in the order the checks were given", async () => {
    const checks = ["a", "b", "c"].map((id, i) => check(id, async () => {
      await new Promise((r) => setTimeout(r, 30 - i * 10));
      return { status: "pass" };
    }));
    const results = await runChecks(checks, { target, options });
    expect(results.map((r) => r.id)).toEqual(["test.a", "test.b", "test.c"]);
  });

  it("runs independent checks concurrently, never more than the bound", async () => {
    const g = gate();
    await runChecks(Array.from({ length: 8 }, (_, i) => g.make(`c${i}`)), { target, options, concurrency: 3 });
    expect(g.max()).toBe(3);
  });

  it("runs an exclusive check alone", async () => {
    const g = gate();
    let aloneWhenStarted: number | undefined;
    const exclusive = check("exclusive", async () => {
      aloneWhenStarted = g.active();
      return { status: "pass" };
    }, { exclusive: true });
    await runChecks([g.make("a"), g.make("b"), exclusive, g.make("c")], { target, options, concurrency: 4 });
    expect(aloneWhenStarted).toBe(0);
  });

  it("turns a throwing check into a fail with check-crashed, and the run goes on", async () => {
    const results = await runChecks(
      [check("boom", async () => { throw new Error("unexpected shape"); }), check("fine", async () => ({ status: "pass" }))],
      { target, options },
    );
    expect(results[0]?.status).toBe("fail");
    expect(results[0]?.findings[0]).toEqual({ id: "check-crashed", args: { check: "test.boom", error: "unexpected shape" } });
    expect(results[1]?.status).toBe("pass");
  });

  it("fails a check that outlives its timeout with check-timed-out and aborts its signal", async () => {
    let aborted = false;
    const results = await runChecks(
      [check("hang", (ctx) => new Promise<CheckOutcome>(() => ctx.signal.addEventListener("abort", () => { aborted = true; })))],
      { target, options, checkTimeoutMs: 100 },
    );
    expect(results[0]?.status).toBe("fail");
    expect(results[0]?.findings.map((f) => f.id)).toEqual(["check-timed-out"]);
    expect(aborted).toBe(true);
  });

  it("collects every ctx.http exchange and note as evidence, key redacted", async () => {
    server = await startServer((_req, res) => json(res, 200, { ok: true }));
    const t: Target = { ...target, baseUrl: server.url };
    const key = "sk-runner-secret-1234";
    const [result] = await runChecks(
      [check("evidence", async (ctx) => {
        await ctx.http.request({ path: "/models" });
        ctx.note(`used ${key}`);
        return { status: "pass", message: `key was ${key}` };
      })],
      { target: t, key, options },
    );
    expect(result?.evidence.exchanges).toHaveLength(1);
    expect(result?.evidence.notes).toEqual(["used [REDACTED]"]);
    expect(JSON.stringify(result)).not.toContain(key);
  });

  it("adds the transport finding to a failing check whose request timed out", async () => {
    server = await startServer(() => undefined);
    const t: Target = { ...target, baseUrl: server.url };
    const [result] = await runChecks(
      [check("silent", async (ctx) => {
        const res = await ctx.http.request({ path: "/models", timeoutMs: 150 });
        return { status: res.status === 200 ? "pass" : "fail" };
      })],
      { target: t, options },
    );
    expect(result?.findings.map((f) => f.id)).toEqual(["target-headers-timeout"]);
  });

  it("counts model calls and tokens made through ctx.http", async () => {
    server = await startServer((_req, res) => json(res, 200, { usage: { prompt_tokens: 4, completion_tokens: 2 } }));
    const t: Target = { ...target, baseUrl: server.url };
    const { createUsageMeter } = await import("../../src/harness/index.js");
    const usage = createUsageMeter();
    await runChecks(
      [check("chat", async (ctx) => {
        await ctx.http.request({ path: "/chat/completions", body: { model: "m", max_tokens: 4 } });
        return { status: "pass" };
      })],
      { target: t, options, usage },
    );
    expect(usage.totals()).toEqual({ modelCalls: 1, promptTokens: 4, completionTokens: 2 });
  });
});

describe("runChecks and invalid UTF-8", () => {
  let s: TestServer | undefined;
  afterEach(async () => {
    await s?.close();
  });

  it("adds response-invalid-utf8 to a check that passed over invalid bytes, and makes it a warn", async () => {
    s = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]));
    });
    const [result] = await runChecks(
      [check("lenient", async (ctx) => ((await ctx.http.request({ path: "/models" })).status === 200 ? { status: "pass" } : { status: "fail" }))],
      { target: { ...target, baseUrl: s.url }, options },
    );
    expect(result?.status).toBe("warn");
    expect(result?.findings.map((f) => f.id)).toEqual(["response-invalid-utf8"]);
  });
});
