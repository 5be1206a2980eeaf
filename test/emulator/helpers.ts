import { BedrockClient } from "@aws-sdk/client-bedrock";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { NodeHttp2Handler, NodeHttpHandler } from "@smithy/node-http-handler";
import { request } from "node:http";
import type { RunningEmulator } from "../../src/emulator/index.js";

export const credentials = { accessKeyId: "AKIDEMULATOR", secretAccessKey: "emulator-secret" };

export type Transport = "h2" | "http1";
export const TRANSPORTS: Transport[] = ["h2", "http1"];

/** The runtime client as a user configures it: endpoint, region, dummy credentials (default handler = HTTP/2). */
export function runtimeClient(emu: RunningEmulator, transport: Transport = "h2", region = emu.region): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    endpoint: emu.url,
    region,
    credentials,
    maxAttempts: 1,
    ...(transport === "http1" ? { requestHandler: new NodeHttpHandler() } : {}),
  });
}

/** The control-plane client: its default handler is HTTP/1.1, so h2 is asked for explicitly. */
export function controlClient(emu: RunningEmulator, transport: Transport = "http1", region = emu.region): BedrockClient {
  return new BedrockClient({
    endpoint: emu.url,
    region,
    credentials,
    maxAttempts: 1,
    ...(transport === "h2" ? { requestHandler: new NodeHttp2Handler() } : {}),
  });
}

export function sigv4(region: string, service = "bedrock"): string {
  return `AWS4-HMAC-SHA256 Credential=AKIDEMULATOR/20260101/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd`;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A curl-shaped HTTP/1.1 request. */
export function raw(emu: RunningEmulator, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${emu.url}${path}`, { method, headers: { authorization: sigv4(emu.region), "content-type": "application/json", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

export function errorType(res: RawResponse): string {
  return String(res.headers["x-amzn-errortype"] ?? "").split(":")[0] ?? "";
}

export function userSays(text: string): { role: "user"; content: { text: string }[] }[] {
  return [{ role: "user", content: [{ text }] }];
}

/** Awaits a promise that must reject, and returns what it rejected with. */
export async function rejection(p: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected the call to fail, it succeeded");
}
