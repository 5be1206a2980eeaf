// Starts each server under test in its own process, so its RSS and CPU are its own and the load
// generator does not share its event loop. Everything binds 127.0.0.1.
import { fork, spawn } from "node:child_process";
import { connect, createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { sleep } from "./stats.mjs";

const serviceEntry = fileURLToPath(new URL("./service.mjs", import.meta.url));

/** A free TCP port on 127.0.0.1 (tiny race between close and the child's listen; fine for a bench). */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Forks bench/lib/service.mjs as `kind` (emulator | gateway | passthrough) and waits for its URL.
 * `call(cmd, args)` sends a command over IPC (fault control, stats) and resolves with the reply.
 */
export async function startService(kind, options = {}, { execArgv = [], timeoutMs = 30_000 } = {}) {
  const child = fork(serviceEntry, [kind, JSON.stringify(options)], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    execArgv,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
  let seq = 0;
  const pending = new Map();
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start within ${timeoutMs} ms`)), timeoutMs);
    child.on("message", (m) => {
      if (m.type === "ready") {
        clearTimeout(timer);
        resolve(m);
      } else if (m.type === "reply") {
        pending.get(m.id)?.(m.value);
        pending.delete(m.id);
      } else if (m.type === "failed") {
        clearTimeout(timer);
        reject(new Error(`${kind} failed to start: ${m.message}`));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} exited with ${code} before it was ready`));
    });
  });
  const info = await ready;
  return {
    ...info,
    pid: child.pid,
    call(cmd, args = []) {
      const id = ++seq;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        child.send({ type: "call", id, cmd, args });
      });
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send({ type: "close" });
      await Promise.race([exited, sleep(5_000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/** Waits until something accepts TCP connections on 127.0.0.1:port. */
export async function waitForPort(port, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const s = connect(port, "127.0.0.1", () => {
        s.destroy();
        resolve(true);
      });
      s.on("error", () => resolve(false));
    });
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`nothing listened on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

/** Spawns an arbitrary node program that listens on `port`; resolves once the port accepts connections. */
export async function startProgram(args, port, { env = {}, cwd } = {}) {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env }, cwd });
  let stderr = "";
  child.stderr.on("data", (c) => {
    if (stderr.length < 8_192) stderr += c;
  });
  const exited = new Promise((_, reject) => child.once("exit", (code) => reject(new Error(`exited with ${code}: ${stderr.slice(0, 2_000)}`))));
  await Promise.race([waitForPort(port), exited]);
  exited.catch(() => undefined);
  return {
    pid: child.pid,
    stderr: () => stderr,
    async close() {
      if (child.exitCode !== null) return;
      const done = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([done, sleep(5_000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
