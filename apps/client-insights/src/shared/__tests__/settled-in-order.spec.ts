import { settledInOrder } from '../settled-in-order.util';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const failLater = (ms: number, message: string) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error(message)), ms));

describe('settledInOrder', () => {
  it('returns every result in the order sent, whatever order they settle in', async () => {
    await expect(settledInOrder<[number, string]>([later(20, 1), later(1, 'two')])).resolves.toEqual([1, 'two']);
  });

  it('throws the first failure in the order sent, not the first to happen', async () => {
    await expect(settledInOrder([later(1, 'ok'), failLater(30, 'first sent'), failLater(1, 'second sent')])).rejects.toThrow('first sent');
  });

  it('settles only after every statement settled, so none is left unobserved', async () => {
    let lastDone = false;
    const last = later(40, 'last').then((v) => ((lastDone = true), v));
    await expect(settledInOrder([failLater(1, 'broken'), last])).rejects.toThrow('broken');
    expect(lastDone).toBe(true);
  });
});
