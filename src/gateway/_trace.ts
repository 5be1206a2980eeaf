// TEMPORARY instrumentation for the stall investigation (removed before hand-off).
import { AsyncLocalStorage } from "node:async_hooks";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import type http from "node:http";

export const als = new AsyncLocalStorage<{ t0: number; marks: string[] }>();
const h = monitorEventLoopDelay({ resolution: 10 });
h.enable();
let slow = 0;
let total = 0;
export function mark(name: string): void {
  const s = als.getStore();
  if (s) s.marks.push(`${name}@${(performance.now() - s.t0).toFixed(1)}`);
}
export function finish(): void {
  const s = als.getStore();
  if (!s) return;
  total++;
  const ms = performance.now() - s.t0;
  if (ms > 2000) {
    slow++;
    process.stderr.write(`TRACE slow ${ms.toFixed(0)}ms (${slow}/${total}) loopMax=${(h.max / 1e6).toFixed(0)}ms ${s.marks.join(" ")}\n`);
  }
}
export function traceAgent(agent: http.Agent): void {
  const orig = (agent as unknown as { addRequest: (req: http.ClientRequest, o: unknown) => void }).addRequest.bind(agent);
  (agent as unknown as { addRequest: (req: http.ClientRequest, o: unknown) => void }).addRequest = (req, o) => {
    const socks = Object.values(agent.sockets).reduce((n, a) => n + (a?.length ?? 0), 0);
    const free = Object.values(agent.freeSockets).reduce((n, a) => n + (a?.length ?? 0), 0);
    const queued = Object.values(agent.requests).reduce((n, a) => n + (a?.length ?? 0), 0);
    mark(`addRequest(inUse=${socks},free=${free},queued=${queued})`);
    orig(req, o);
    req.once("socket", (s) => {
      mark(`socket(reused=${(req as unknown as { reusedSocket: boolean }).reusedSocket},connecting=${s.connecting})`);
      if (s.connecting) s.once("connect", () => mark("connect"));
    });
    req.once("finish", () => mark("reqFinish"));
    req.once("response", (res) => {
      mark(`response(${res.statusCode})`);
    });
    req.once("close", () => mark("reqClose"));
  };
}
