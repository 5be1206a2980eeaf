import { randomBytes } from "node:crypto";
import { type RunningEmulator, startEmulator } from "../../../src/emulator/index.js";
import { type GatewayConfig, createGatewayApp, startGateway } from "../../../src/gateway/index.js";

export const CREDENTIALS = { accessKeyId: "AKIASECURITYTEST0000", secretAccessKey: "securitytestsecuritytestsecuritytest0000" };

export function newKey(): string {
  return `sk-sec-${randomBytes(16).toString("hex")}`;
}

/** First on-demand text model the emulated account may call. */
export function onDemandModel(emu: RunningEmulator): string {
  const { catalog } = emu;
  const m = catalog.models.find((x) => x.inferenceTypesSupported.includes("ON_DEMAND") && x.outputModalities.includes("TEXT") && x.responseStreamingSupported && catalog.account.granted.includes(x.modelId));
  if (!m) throw new Error("emulator catalog has no on-demand text model");
  return m.modelId;
}

/** First on-demand model that takes images, for remote-image tests. */
export function imageModel(emu: RunningEmulator): string {
  const { catalog } = emu;
  const m = catalog.models.find((x) => x.inferenceTypesSupported.includes("ON_DEMAND") && x.inputModalities.includes("IMAGE") && x.outputModalities.includes("TEXT") && catalog.account.granted.includes(x.modelId));
  if (!m) throw new Error("emulator catalog has no on-demand image model");
  return m.modelId;
}

export function gatewayConfig(emu: RunningEmulator, key: string, extra: Partial<GatewayConfig> = {}): GatewayConfig {
  return { region: emu.region, bedrockEndpoint: emu.url, credentials: CREDENTIALS, apiKeys: [key], ...extra };
}

export { createGatewayApp, startEmulator, startGateway };
export type { RunningEmulator };
