import { startAlbLambda, type AlbLambdaOptions } from "./alb-lambda.js";
import { startApiGatewayStreaming, type ApiGatewayStreamingOptions } from "./api-gateway-streaming.js";
import type { RunningFront } from "./proxy.js";

export type { AlbLambdaOptions } from "./alb-lambda.js";
export type { ApiGatewayStreamingOptions } from "./api-gateway-streaming.js";
export type { RunningFront } from "./proxy.js";
export { startAlbLambda } from "./alb-lambda.js";
export { startApiGatewayStreaming } from "./api-gateway-streaming.js";

export type FrontName = "alb-lambda" | "api-gateway-streaming";
export const frontNames: readonly FrontName[] = ["alb-lambda", "api-gateway-streaming"];

export interface FrontOptions {
  upstream: string;
  /** alb-lambda: idle timeout (default 60 s). */
  idleTimeoutMs?: number;
  /** alb-lambda: 1 MB; api-gateway-streaming: 10 MB. */
  maxBodyBytes?: number;
  /** api-gateway-streaming: integration timeout for non-streamed calls (default 29 s). */
  integrationTimeoutMs?: number;
}

/** Put a deployment's shape between the harness and a gateway; `url` keeps the upstream's path prefix. */
export function startFront(name: FrontName, opts: FrontOptions): Promise<RunningFront> {
  switch (name) {
    case "alb-lambda":
      return startAlbLambda(opts satisfies AlbLambdaOptions);
    case "api-gateway-streaming":
      return startApiGatewayStreaming(opts satisfies ApiGatewayStreamingOptions);
  }
}
