import { AwsError, MESSAGES } from "./errors.js";
import type { EmulatorStats, FaultControl, StreamExceptionType } from "./types.js";

const STREAM_TYPES: StreamExceptionType[] = [
  "throttlingException",
  "modelStreamErrorException",
  "validationException",
  "internalServerException",
  "serviceUnavailableException",
  "modelTimeoutException",
];

export const FAULT_SPECS = [
  "throttle:N            the next N invocations answer ThrottlingException (429)",
  "timeout:N             the next N invocations answer ModelTimeoutException (408)",
  "unavailable:N         the next N invocations answer ServiceUnavailableException (503)",
  "not-ready:N           the next N invocations answer ModelNotReadyException (429)",
  "model-error:N         the next N invocations answer ModelErrorException (424)",
  "internal:N            the next N invocations answer InternalServerException (500)",
  "latency:MS            wait MS before the first byte of every invocation",
  "chunk-delay:MS        wait MS between streamed deltas",
  "stream-error:K[:TYPE] every stream fails after K events (TYPE: throttlingException, modelStreamErrorException, …)",
];

/** Fault state shared by all requests; counters are consumed as invocations arrive. */
export class Faults implements FaultControl {
  throttle = 0;
  timeout = 0;
  unavailable = 0;
  notReady = 0;
  modelError = 0;
  internal = 0;
  latency = 0;
  chunkDelay: number;
  streamFailAfter?: { k: number; type: StreamExceptionType };

  constructor(private readonly defaultChunkDelay: number) {
    this.chunkDelay = defaultChunkDelay;
  }

  throttleNext(n: number): void {
    this.throttle = Math.max(0, n);
  }
  latencyMs(ms: number): void {
    this.latency = Math.max(0, ms);
  }
  chunkDelayMs(ms: number): void {
    this.chunkDelay = Math.max(0, ms);
  }
  failStreamAfter(k: number, type: StreamExceptionType = "modelStreamErrorException"): void {
    this.streamFailAfter = { k: Math.max(0, k), type };
  }
  modelTimeoutNext(n: number): void {
    this.timeout = Math.max(0, n);
  }
  unavailableNext(n: number): void {
    this.unavailable = Math.max(0, n);
  }
  clear(): void {
    this.throttle = this.timeout = this.unavailable = this.latency = 0;
    this.notReady = this.modelError = this.internal = 0;
    this.chunkDelay = this.defaultChunkDelay;
    this.streamFailAfter = undefined;
  }

  apply(specs: string[]): void {
    for (const spec of specs) this.applyOne(spec);
  }

  private applyOne(spec: string): void {
    const [name, a, b] = spec.trim().split(":");
    const n = Number(a ?? "1");
    if (!Number.isFinite(n) || n < 0) throw new Error(`bad fault ${JSON.stringify(spec)}: expected a number after "${name}:"`);
    switch (name) {
      case "throttle":
        return this.throttleNext(n);
      case "timeout":
        return this.modelTimeoutNext(n);
      case "unavailable":
        return this.unavailableNext(n);
      case "not-ready":
        this.notReady = n;
        return;
      case "model-error":
        this.modelError = n;
        return;
      case "internal":
        this.internal = n;
        return;
      case "latency":
        return this.latencyMs(n);
      case "chunk-delay":
        return this.chunkDelayMs(n);
      case "stream-error": {
        const type = (b ?? "modelStreamErrorException") as StreamExceptionType;
        if (!STREAM_TYPES.includes(type)) throw new Error(`bad fault ${JSON.stringify(spec)}: TYPE is one of ${STREAM_TYPES.join(", ")}`);
        return this.failStreamAfter(n, type);
      }
      default:
        throw new Error(`unknown fault ${JSON.stringify(spec)}; known:\n  ${FAULT_SPECS.join("\n  ")}`);
    }
  }

  /** The error this invocation must fail with, if a counted fault is pending (consumes one). */
  takeInvocationFault(): AwsError | undefined {
    if (this.throttle > 0) {
      this.throttle--;
      return new AwsError("ThrottlingException", MESSAGES.throttled);
    }
    if (this.timeout > 0) {
      this.timeout--;
      return new AwsError("ModelTimeoutException", MESSAGES.modelTimeout);
    }
    if (this.unavailable > 0) {
      this.unavailable--;
      return new AwsError("ServiceUnavailableException", MESSAGES.unavailable);
    }
    if (this.notReady > 0) {
      this.notReady--;
      return new AwsError("ModelNotReadyException", MESSAGES.notReady);
    }
    if (this.modelError > 0) {
      this.modelError--;
      return new AwsError("ModelErrorException", MESSAGES.modelError);
    }
    if (this.internal > 0) {
      this.internal--;
      return new AwsError("InternalServerException", MESSAGES.internal);
    }
    return undefined;
  }

  snapshot(): Record<string, unknown> {
    return {
      throttleNext: this.throttle,
      modelTimeoutNext: this.timeout,
      unavailableNext: this.unavailable,
      notReadyNext: this.notReady,
      modelErrorNext: this.modelError,
      internalNext: this.internal,
      latencyMs: this.latency,
      chunkDelayMs: this.chunkDelay,
      failStreamAfter: this.streamFailAfter ?? null,
    };
  }
}

export function streamExceptionMessage(type: StreamExceptionType): string {
  switch (type) {
    case "throttlingException":
      return MESSAGES.throttled;
    case "serviceUnavailableException":
      return MESSAGES.unavailable;
    case "modelTimeoutException":
      return MESSAGES.modelTimeout;
    case "internalServerException":
      return MESSAGES.internal;
    case "validationException":
      return "The model produced output that failed validation. Try your request again.";
    default:
      return MESSAGES.streamError;
  }
}

export function newStats(): EmulatorStats {
  return { requests: 0, byOperation: {}, errors: {}, streamsStarted: 0, streamsCompleted: 0, streamsFailed: 0, streamsCancelled: 0, connections: { http1: 0, h2: 0 } };
}
