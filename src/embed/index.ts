export { DEFAULT_EMBEDDING_DIMENSION, DEFAULT_EMBEDDING_MODEL, type EmbedKind, type Embedder, type Tokenize } from './embedder.js';
export { createEndpointEmbedder, embeddingsUrl, EmbeddingEndpointError, type EndpointEmbedderOptions } from './endpoint-embedder.js';
export { createHashingEmbedder, type HashingEmbedderOptions } from './hashing-embedder.js';
export { BGE_EN_QUERY_INSTRUCTION, BGE_ZH_QUERY_INSTRUCTION, modelProfile, type ModelProfile, type Pooling } from './model-profile.js';
export { openEmbedder, type EmbedLogger, type EmbedderConfig, type OpenedEmbedder } from './open-embedder.js';
export { createTransformersEmbedder, ModelLoadError, type DownloadProgress, type TransformersEmbedderOptions } from './transformers-embedder.js';
