import type { Suite } from "../src/harness/index.js";
import { auth } from "./auth.js";
import { chatSuite } from "./chat.js";
import { chatStreamSuite } from "./chat-stream.js";
import { cors } from "./cors.js";
import { embeddings } from "./embeddings.js";
import { errors } from "./errors.js";
import { limits } from "./limits.js";
import { modelAccess } from "./model-access.js";
import { models } from "./models.js";

/**
 * In the order a person debugging reads them: can I get in, what is there, does chat work, does streaming
 * work, embeddings, then the browser's view, the account's view, error hygiene and limits.
 */
export const allSuites: Suite[] = [auth, models, chatSuite, chatStreamSuite, embeddings, cors, modelAccess, errors, limits];

export { auth, chatSuite as chat, chatStreamSuite as chatStream, cors, embeddings, errors, limits, modelAccess, models };
export { detectBufferedStream } from "./chat-stream-timing.js";
export { classifyAccessMessage, classifyUpstreamMessage } from "./support/bedrock-messages.js";
