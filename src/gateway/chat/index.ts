export { remoteImageUrls } from "./content.js";
export { completionId } from "./finish.js";
export { fetchRemoteImages } from "./remote-images.js";
export { parseChatRequest, toConverseInput, type MappedChat } from "./request.js";
export { LEADING_ASSISTANT_PLACEHOLDER, repairConversation } from "./repair.js";
export { toChatCompletion, type ChatCompletion, type ConverseOutputLike } from "./response.js";
export { SSE_HEADERS, abortable, sseStream } from "./sse.js";
export { ChunkMapper, type StreamEvent, type StreamMeta } from "./stream.js";
export * from "./types.js";
