import type * as RuntimeSdk from "@aws-sdk/client-bedrock-runtime";
import type * as ControlSdk from "@aws-sdk/client-bedrock";
import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import type { BedrockClient } from "@aws-sdk/client-bedrock";
import http from "node:http";
import https from "node:https";
import type { ResolvedConfig } from "./config.js";
import { LeanConverse } from "./lean-converse.js";

const CONNECTION_TIMEOUT_MS = 10_000;

function keepAliveAgent<A extends http.Agent>(mod: { Agent: new (o: http.AgentOptions) => A }): A {
  // Enough sockets for a benchmark's concurrency; idle ones are reused rather than re-opened.
  // noDelay: the SDK writes the request head and body separately; with Nagle on, the body waits for the
  // ACK of the head (delayed up to 40 ms by the peer) on every call.
  return new mod.Agent({ keepAlive: true, noDelay: true, maxSockets: 512, maxFreeSockets: 256, scheduling: "lifo" });
}

type RuntimeModule = typeof RuntimeSdk;
export type ControlModule = typeof ControlSdk;

/**
 * The AWS SDK clients and the lean Converse path, created on first use and then shared by every request.
 * The runtime side (SDK client and LeanConverse) shares one HTTP/1.1 keep-alive pool, so requests reuse
 * connections to Bedrock. Loading the SDK lazily keeps app creation (and `bagcheck --help`) cheap.
 */
export class Upstream {
  private runtime?: Promise<{ sdk: RuntimeModule; client: BedrockRuntimeClient }>;
  private control?: Promise<{ sdk: ControlModule; client: BedrockClient }>;
  private lean?: Promise<LeanConverse>;
  /** One keep-alive pool toward Bedrock, used by the SDK client and the lean Converse path alike. */
  private readonly agents = { http: keepAliveAgent(http), https: keepAliveAgent(https) };

  constructor(private readonly config: ResolvedConfig) {}

  runtimeClient(): Promise<{ sdk: RuntimeModule; client: BedrockRuntimeClient }> {
    this.runtime ??= Promise.all([import("@aws-sdk/client-bedrock-runtime"), import("@smithy/node-http-handler")]).then(([sdk, { NodeHttpHandler }]) => ({
      sdk,
      client: new sdk.BedrockRuntimeClient({
        ...this.clientOptions(this.config.bedrockEndpoint),
        // One attempt: the gateway's caller retries (openai SDKs honour Retry-After); retrying here as well
        // would multiply attempts under throttling and delay the 429 the caller needs to see.
        maxAttempts: 1,
        // HTTP/1.1 with keep-alive instead of the SDK's default HTTP/2 handler: that one opens a fresh,
        // isolated HTTP/2 connection for every event stream (every ConverseStream call pays a TCP and h2
        // handshake). Pooled keep-alive sockets are reused by streams and plain calls alike.
        requestHandler: new NodeHttpHandler({ httpAgent: this.agents.http, httpsAgent: this.agents.https, connectionTimeout: CONNECTION_TIMEOUT_MS }),
      }),
    }));
    return this.runtime;
  }

  /** Converse without the SDK's middleware stack (see LeanConverse); shares the runtime client's credentials and sockets. */
  leanConverse(): Promise<LeanConverse> {
    this.lean ??= this.runtimeClient().then(({ client }) => LeanConverse.create(client, this.config.bedrockEndpoint, this.agents, CONNECTION_TIMEOUT_MS));
    return this.lean;
  }

  controlClient(): Promise<{ sdk: ControlModule; client: BedrockClient }> {
    this.control ??= import("@aws-sdk/client-bedrock").then((sdk) => ({
      sdk,
      client: new sdk.BedrockClient(this.clientOptions(this.config.controlEndpoint)),
    }));
    return this.control;
  }

  /** Closes pooled connections so a stopped gateway leaves no sockets behind. */
  async dispose(): Promise<void> {
    const [r, c] = await Promise.allSettled([this.runtime, this.control]);
    if (r.status === "fulfilled") r.value?.client.destroy();
    if (c.status === "fulfilled") c.value?.client.destroy();
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private clientOptions(endpoint: string | undefined) {
    return {
      region: this.config.region,
      ...(endpoint ? { endpoint } : {}),
      ...(this.config.credentials ? { credentials: this.config.credentials } : {}),
    };
  }
}
