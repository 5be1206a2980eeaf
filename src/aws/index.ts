/** The aws module's public face: collectors → DeploymentSnapshot / ModelTable, rules → findings. */
export type * from "./types.js";
export { inspectDeployment, type InspectOptions, type InspectResult } from "./inspect.js";
export { AwsSdk, InspectError, type AwsOptions } from "./live/index.js";
export { unreadableNote } from "./read.js";
export {
  collectModelTable, crossCheck, fetchGatewayModels, formatModelTable, gatewayFindings, ModelListError, notCallableReason, pickCallId,
  type ModelCollectOptions,
} from "./models/index.js";
export { rules, runRules, type Rule } from "./rules/index.js";
export { loadSnapshot, saveSnapshot, SnapshotError } from "./snapshot.js";
export { collectFromTemplate, parseTemplate, TemplateParseError } from "./template/index.js";
