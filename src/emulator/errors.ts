/** HTTP status of each exception the emulator raises, as in the Smithy models of bedrock and bedrock-runtime. */
export const EXCEPTION_STATUS = {
  AccessDeniedException: 403,
  ValidationException: 400,
  ThrottlingException: 429,
  ModelNotReadyException: 429,
  ServiceQuotaExceededException: 400,
  ResourceNotFoundException: 404,
  ModelTimeoutException: 408,
  ModelErrorException: 424,
  ModelStreamErrorException: 424,
  InternalServerException: 500,
  ServiceUnavailableException: 503,
  // Raised by the AWS front door before any service code runs.
  MissingAuthenticationTokenException: 403,
  IncompleteSignatureException: 403,
  InvalidSignatureException: 403,
  UnknownOperationException: 404,
  SerializationException: 400,
} as const;

export type ExceptionName = keyof typeof EXCEPTION_STATUS;

/** An AWS-shaped failure: becomes `x-amzn-errortype` + `{"message": …}` with the right status. */
export class AwsError extends Error {
  readonly status: number;
  /** IAM denials spell the key `Message`, as the real service does. */
  readonly messageKey: "message" | "Message";
  constructor(
    readonly type: ExceptionName,
    message: string,
    opts: { messageKey?: "message" | "Message" } = {},
  ) {
    super(message);
    this.status = EXCEPTION_STATUS[type];
    this.messageKey = opts.messageKey ?? "message";
  }
  body(): string {
    return JSON.stringify({ [this.messageKey]: this.message });
  }
}

/** Messages seen from the real service (byte-exact where known; note the U+2019 in onDemandUnsupported). */
export const MESSAGES = {
  accessNotGranted: "You don't have access to the model with the specified model ID.",
  invalidModelId: "The provided model identifier is invalid.",
  onDemandUnsupported: (modelId: string) =>
    `Invocation of model ID ${modelId} with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
  iamDenied: (principal: string, action: string, resource: string) =>
    `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
  throttled: "Too many requests, please wait before trying again.",
  modelTimeout: "Model has timed out in processing the request. Try your request again.",
  unavailable: "Bedrock is unable to process your request.",
  notReady: "Model is not ready to serve inference requests. Try again later.",
  modelError: "The model returned an error while processing the request. Try your request again.",
  streamError: "An error occurred while processing the model's output stream. Try your request again.",
  internal: "The server encountered an internal error while processing the request.",
  missingAuth: "Missing Authentication Token",
  incompleteSignature: (header: string) =>
    `Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=${header}`,
  wrongRegion: "Credential should be scoped to a valid region. ",
  wrongService: "Credential should be scoped to correct service: 'bedrock'. ",
  unknownOperation: "Unknown operation",
  malformedJson: "Could not parse the request body as JSON.",
  incompleteBody: "The request body ended before its declared length.",
  bodyTooLarge: (limit: number) => `Request body is larger than the maximum allowed size of ${limit} bytes.`,
} as const;

/** Wire name of an exception inside an event stream (`:exception-type`). */
export function lowerCamel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
