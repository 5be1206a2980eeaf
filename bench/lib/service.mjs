// Child process entry: `node service.mjs <kind> '<json options>'`, kind = emulator | gateway | passthrough.
// Reports { type: "ready", url, port } over IPC, answers { type: "call" } commands, exits on { type: "close" }.
import http from "node:http";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const [kind, raw] = process.argv.slice(2);
const options = JSON.parse(raw ?? "{}");

async function startPassthrough({ target }) {
  // The ceiling: one node:http hop with a keep-alive agent, bytes piped both ways, nothing parsed.
  const upstream = new URL(target);
  // noDelay: body chunks are written after the head; Nagle would hold them ~40 ms for the peer's ACK.
  const agent = new http.Agent({ keepAlive: true, noDelay: true, maxSockets: 256 });
  const server = http.createServer((req, res) => {
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, agent },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on("error", () => res.destroy());
    req.pipe(out);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, port, close: () => new Promise((r) => server.close(r)) };
}

async function start() {
  if (kind === "emulator") {
    const { startEmulator } = await import(`${root}dist/src/emulator/index.js`);
    const emu = await startEmulator({ port: 0, ...options });
    const call = (cmd, args) => {
      if (cmd === "stats") return JSON.parse(JSON.stringify(emu.stats));
      if (cmd === "catalog") return emu.catalog;
      if (cmd === "fault") return void emu.faults[args[0]](...args.slice(1));
      throw new Error(`unknown command ${cmd}`);
    };
    return { url: emu.url, port: emu.port, region: emu.region, close: () => emu.close(), call };
  }
  if (kind === "gateway") {
    const { startGateway } = await import(`${root}dist/src/gateway/index.js`);
    const gw = await startGateway({ port: 0, ...options });
    return { url: gw.url, port: gw.port, close: () => gw.close(), call: () => undefined };
  }
  if (kind === "passthrough") {
    const p = await startPassthrough(options);
    return { ...p, call: () => undefined };
  }
  throw new Error(`unknown service kind ${kind}`);
}

try {
  const svc = await start();
  process.on("message", async (m) => {
    if (m.type === "call") {
      let value;
      try {
        value = await svc.call(m.cmd, m.args);
      } catch (err) {
        value = { error: String(err) };
      }
      process.send({ type: "reply", id: m.id, value });
    } else if (m.type === "close") {
      await svc.close();
      process.exit(0);
    }
  });
  process.send({ type: "ready", url: svc.url, port: svc.port, region: svc.region });
} catch (err) {
  process.send({ type: "failed", message: err instanceof Error ? err.stack : String(err) });
  process.exit(1);
}
