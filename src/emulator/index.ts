import { DEFAULT_CATALOG, indexCatalog, loadCatalog } from "./catalog.js";
import { Faults, newStats } from "./faults.js";
import { listenDual } from "./listener.js";
import { createHandler } from "./router.js";
import type { EmulatorOptions, RunningEmulator } from "./types.js";

export type {
  AccountState,
  CatalogModel,
  CatalogProfile,
  EmulatorOptions,
  EmulatorStats,
  FaultControl,
  RegionCatalog,
  RunningEmulator,
  StreamExceptionType,
} from "./types.js";
export { DEFAULT_CATALOG, listCatalogNames, loadCatalog } from "./catalog.js";
export { FAULT_SPECS } from "./faults.js";
export { decodeFrame } from "./eventstream.js";

const DEFAULT_CHUNK_DELAY_MS = 5;
const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Starts a Bedrock runtime + control-plane emulator on one port (HTTP/1.1 and h2c). */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const catalog = typeof opts.catalog === "object" ? opts.catalog : loadCatalog(opts.catalog ?? DEFAULT_CATALOG);
  const faults = new Faults(opts.chunkDelayMs ?? DEFAULT_CHUNK_DELAY_MS);
  faults.apply(opts.faults ?? []);
  const stats = newStats();
  const index = indexCatalog(catalog);
  const handler = createHandler({ index, stats, faults, maxBodyBytes: opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES });
  const host = opts.host ?? "127.0.0.1";
  const listener = await listenDual(host, opts.port ?? 0, handler, (protocol) => stats.connections[protocol]++);
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${listener.port}`,
    port: listener.port,
    region: catalog.region,
    catalog,
    stats,
    faults,
    close: () => listener.close(),
  };
}

