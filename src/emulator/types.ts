/** A foundation model as ListFoundationModels describes it, plus what the emulator needs to answer for it. */
export interface CatalogModel {
  modelId: string;
  modelName: string;
  providerName: string;
  inputModalities: string[];
  outputModalities: string[];
  responseStreamingSupported: boolean;
  customizationsSupported?: string[];
  /** ON_DEMAND, INFERENCE_PROFILE, PROVISIONED. Without ON_DEMAND the model is only callable through a profile. */
  inferenceTypesSupported: string[];
  lifecycle: "ACTIVE" | "LEGACY";
  /** Largest maxTokens the model accepts (default 4096). */
  maxOutputTokens?: number;
  /** Converse toolConfig support (default true for text models). */
  toolUse?: boolean;
}

/** A system-defined cross-region inference profile. */
export interface CatalogProfile {
  inferenceProfileId: string;
  inferenceProfileName: string;
  description: string;
  /** The foundation model the profile routes to. */
  modelId: string;
  /** Destination regions; the profile's models[] lists one foundation-model ARN per region. */
  regions: string[];
  createdAt: string;
  updatedAt: string;
}

/** What the account may do in this region. */
export interface AccountState {
  accountId: string;
  /** The caller as IAM names it in AccessDenied messages. */
  principalArn: string;
  /** Model ids whose "model access" is granted. */
  granted: string[];
  /**
   * Resources an identity policy allows `bedrock:InvokeModel*` on (glob `*`). Absent means unrestricted.
   * The seed's policy allows only `arn:aws:bedrock:*::foundation-model/*`, so profile calls are denied.
   */
  iamAllowedResources?: string[];
  /** Models that reject temperature and topP set together (newer Anthropic models). */
  rejectsTemperatureWithTopP?: string[];
}

/** One region at one point in time, as plain data (fixtures/regions/<name>.json). */
export interface RegionCatalog {
  name: string;
  region: string;
  description?: string;
  models: CatalogModel[];
  profiles: CatalogProfile[];
  account: AccountState;
}

export interface EmulatorStats {
  requests: number;
  byOperation: Record<string, number>;
  /** Error responses (HTTP errors and in-stream exceptions) by exception name. */
  errors: Record<string, number>;
  streamsStarted: number;
  /** Streams that sent their last event. */
  streamsCompleted: number;
  /** Streams ended by an injected mid-stream exception. */
  streamsFailed: number;
  /** Streams whose caller went away before the last event was written. */
  streamsCancelled: number;
  /** Connections by the protocol the first bytes announced (the runtime SDK's default is h2). */
  connections: { http1: number; h2: number };
}

/** Exception types a stream may fail with after it began (lowerCamel, as on the wire). */
export type StreamExceptionType =
  | "throttlingException"
  | "modelStreamErrorException"
  | "validationException"
  | "internalServerException"
  | "serviceUnavailableException"
  | "modelTimeoutException";

export interface FaultControl {
  /** The next n invocations answer ThrottlingException (429). */
  throttleNext(n: number): void;
  /** Delay before the first byte of every runtime answer. */
  latencyMs(ms: number): void;
  /** Delay between streamed deltas. */
  chunkDelayMs(ms: number): void;
  /** Every stream fails after k events with an exception message of this type, until cleared. */
  failStreamAfter(k: number, type?: StreamExceptionType): void;
  /** The next n invocations answer ModelTimeoutException (408). */
  modelTimeoutNext(n: number): void;
  /** The next n invocations answer ServiceUnavailableException (503). */
  unavailableNext(n: number): void;
  /** Applies `--fault` specs (`throttle:2`, `latency:200`, `stream-error:3:throttlingException`, …). */
  apply(specs: string[]): void;
  /** Back to no faults and the start-up chunk delay. */
  clear(): void;
}

export interface EmulatorOptions {
  host?: string;
  port?: number;
  catalog?: string | RegionCatalog;
  chunkDelayMs?: number;
  faults?: string[];
  /** Largest request body accepted (default 20 MiB). */
  maxBodyBytes?: number;
}

export interface RunningEmulator {
  url: string;
  port: number;
  region: string;
  catalog: RegionCatalog;
  stats: EmulatorStats;
  faults: FaultControl;
  close(): Promise<void>;
}
