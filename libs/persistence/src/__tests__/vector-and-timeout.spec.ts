import { EMBEDDING_DIMENSIONS, toVectorLiteral } from '../knowledge/vector-literal.util';
import { withTimeout } from '../health/with-timeout.util';

describe('toVectorLiteral', () => {
  it('serialises a vector of the expected dimension as a pgvector literal', () => {
    expect(toVectorLiteral([0.5, -1, 2e-3], 3)).toBe('[0.5,-1,0.002]');
    expect(toVectorLiteral(new Array(EMBEDDING_DIMENSIONS).fill(0))).toMatch(/^\[0(,0){1535}\]$/);
  });

  it('rejects a wrong dimension or a non-finite number', () => {
    expect(() => toVectorLiteral([1, 2])).toThrow(`embedding must have ${EMBEDDING_DIMENSIONS} dimensions, got 2`);
    expect(() => toVectorLiteral([1, Number.NaN, 3], 3)).toThrow('non-finite');
    expect(() => toVectorLiteral([1, Infinity, 3], 3)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('withTimeout', () => {
  it('resolves with the value when the promise settles in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000, () => new Error('late'))).resolves.toBe(7);
  });

  it('passes the promise’s own rejection through', async () => {
    await expect(withTimeout(Promise.reject(new Error('own')), 1000, () => new Error('late'))).rejects.toThrow('own');
  });

  it('rejects with the timeout error when the promise is too slow', async () => {
    const slow = new Promise((resolve) => setTimeout(resolve, 200));
    await expect(withTimeout(slow, 10, () => new Error('late'))).rejects.toThrow('late');
  });
});
