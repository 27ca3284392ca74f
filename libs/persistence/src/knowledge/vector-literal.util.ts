import { PersistenceError, PersistenceErrorCode } from '../errors/persistence.error';

/** Dimension of knowledge_chunks.embedding (vector(1536)). */
export const EMBEDDING_DIMENSIONS = 1536;

/** Serialises an embedding as a pgvector literal ('[0.1,0.2,...]'), checking its shape. */
export function toVectorLiteral(embedding: readonly number[], dimensions = EMBEDDING_DIMENSIONS): string {
  if (embedding.length !== dimensions) {
    throw new PersistenceError(
      PersistenceErrorCode.INVALID_ARGUMENT,
      `embedding must have ${dimensions} dimensions, got ${embedding.length}`,
    );
  }
  if (!embedding.every((value) => Number.isFinite(value))) {
    throw new PersistenceError(PersistenceErrorCode.INVALID_ARGUMENT, 'embedding contains a non-finite number');
  }
  return `[${embedding.join(',')}]`;
}
