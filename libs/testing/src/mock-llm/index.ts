export * from './mock-llm.types';
export { MockLlm, startMockLlm, DEFAULT_MOCK_MODELS, DEFAULT_EMBEDDING_DIMENSION } from './mock-llm.server';
export { tokenize, defaultAnswer, defaultResponder } from './mock-llm.tokens';
export { mockEmbedding } from './mock-llm.embeddings';
export { readSseEvents, type SseEvent } from './sse-reader.util';
