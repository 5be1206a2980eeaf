export { collectLive, InspectError, type LiveCollectOptions } from "./collect.js";
export { AwsSdk, type AwsOptions } from "./sdk.js";
