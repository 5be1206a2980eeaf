export { COHERE_BATCH, embeddingFamily, invokeBodies, parseEmbeddingsRequest, parseInvokeResult, toBase64Float32, type EmbeddingFamily, type EmbeddingsRequest } from "./map.js";
