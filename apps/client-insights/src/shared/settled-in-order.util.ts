/**
 * Awaits statements sent together on one transaction's connection (node-postgres pipelines them:
 * one round trip, run in the order sent). Waits for every one of them, so none is left running or
 * unobserved when one fails (a failed statement aborts the transaction and the later ones fail
 * too), then returns their results in order, or throws the first failure in the order sent.
 */
export async function settledInOrder<T extends readonly unknown[]>(pending: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(pending);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
