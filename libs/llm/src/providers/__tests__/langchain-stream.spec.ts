import { untilAborted } from '../langchain-stream';

async function* slow(values: string[], stallAfter: number): AsyncGenerator<string> {
  for (const [i, value] of values.entries()) {
    if (i === stallAfter) await new Promise(() => undefined); // a server that stops sending
    yield value;
  }
}

describe('untilAborted', () => {
  it('passes every value through when nothing aborts', async () => {
    const seen: string[] = [];
    for await (const v of untilAborted(slow(['a', 'b', 'c'], 99), new AbortController().signal)) seen.push(v);
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('stops waiting for a stalled source when the signal aborts, throwing its reason', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const run = (async () => {
      for await (const v of untilAborted(slow(['a', 'b', 'c'], 1), controller.signal)) {
        seen.push(v);
        setImmediate(() => controller.abort(new Error('visitor left')));
      }
    })();
    await expect(run).rejects.toThrow('visitor left');
    expect(seen).toEqual(['a']);
  });

  it('throws at once on an already aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const iterate = async () => {
      for await (const v of untilAborted(slow(['a'], 99), controller.signal)) void v;
    };
    await expect(iterate()).rejects.toThrow();
  });
});
