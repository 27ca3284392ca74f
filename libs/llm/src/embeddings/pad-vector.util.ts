/** Zero-pads `vector` to `dimensions`; a wider vector cannot be stored and is refused. */
export function padVector(vector: readonly number[], dimensions: number, model: string): number[] {
  if (vector.length > dimensions) {
    throw new RangeError(
      `embedding model ${model} returns ${vector.length}-dimensional vectors; knowledge_chunks.embedding holds at most ${dimensions}. Choose a model (or a "dimensions" setting) of ${dimensions} or fewer.`,
    );
  }
  if (vector.length === 0) throw new RangeError(`embedding model ${model} returned an empty vector`);
  const padded = new Array<number>(dimensions).fill(0);
  for (let i = 0; i < vector.length; i += 1) padded[i] = vector[i];
  return padded;
}
