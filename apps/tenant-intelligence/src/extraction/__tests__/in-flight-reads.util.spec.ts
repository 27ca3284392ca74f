import { InFlightReads } from '../in-flight-reads.util';

describe('InFlightReads', () => {
  it('shares a read in flight between callers of the same key, not of another key', async () => {
    const reads = new InFlightReads<string>();
    const loads: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = (key: string) => async () => {
      loads.push(key);
      await gate;
      return `${key}@${loads.length}`;
    };
    const together = [reads.read('t1', load('t1')), reads.read('t1', load('t1')), reads.read('t2', load('t2'))];
    release();
    await expect(Promise.all(together)).resolves.toEqual(['t1@2', 't1@2', 't2@2']);
    expect(loads).toEqual(['t1', 't2']);
  });

  it('keeps nothing once a read settled: the next caller reads again, also after a failure', async () => {
    const reads = new InFlightReads<number>();
    let n = 0;
    await expect(reads.read('t', async () => ++n)).resolves.toBe(1);
    await expect(reads.read('t', async () => ++n)).resolves.toBe(2);
    await expect(
      reads.read('t', async () => {
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    await expect(reads.read('t', async () => ++n)).resolves.toBe(3);
  });
});
