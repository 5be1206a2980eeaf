export { collectModelTable, ModelListError, notCallableReason, pickCallId, type ModelCollectOptions } from "./collect.js";
export { crossCheck, fetchGatewayModels, gatewayFindings, type GatewayListOptions } from "./gateway.js";
export { formatModelTable } from "./format.js";
