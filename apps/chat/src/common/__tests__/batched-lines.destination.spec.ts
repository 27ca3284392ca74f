import { BatchedLines } from '../batched-lines.destination';

function destination(options = { maxDelayMs: 50, maxBytes: 40 }) {
  const writes: string[] = [];
  let refuse = 0;
  const writer = (_fd: number, data: Buffer) => {
    if (refuse > 0) {
      refuse -= 1;
      throw Object.assign(new Error('try again'), { code: 'EAGAIN' });
    }
    writes.push(data.toString());
    return data.length;
  };
  const lines = new BatchedLines(1, options, writer);
  return { lines, writes, refuseNext: (n: number) => (refuse = n) };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('BatchedLines', () => {
  it('writes the lines of maxDelayMs together, in order, in one write', () => {
    const { lines, writes } = destination();
    lines.write('{"a":1}\n');
    lines.write('{"b":2}\n');
    jest.advanceTimersByTime(49);
    expect(writes).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(writes).toEqual(['{"a":1}\n{"b":2}\n']);
    lines.close();
  });

  it('writes at once when maxBytes wait, and never splits a line between writes', () => {
    const { lines, writes } = destination({ maxDelayMs: 1000, maxBytes: 20 });
    lines.write('0123456789\n'); // 11 bytes
    lines.write('abcdefghij\n'); // would make 22: the first goes out alone, then this one waits
    expect(writes).toEqual(['0123456789\n']);
    lines.write('é\n');
    lines.flush();
    expect(writes).toEqual(['0123456789\n', 'abcdefghij\né\n']);
    lines.close();
  });

  it('keeps the lines a full pipe refuses and writes them, still in order, on the next attempt', () => {
    const { lines, writes, refuseNext } = destination();
    refuseNext(1);
    lines.write('one\n');
    lines.flush();
    expect(writes).toEqual([]);
    lines.write('two\n');
    jest.advanceTimersByTime(50);
    expect(writes).toEqual(['one\ntwo\n']);
    lines.close();
  });

  it('writes what waits on close', () => {
    const { lines, writes } = destination();
    lines.write('last\n');
    lines.close();
    expect(writes).toEqual(['last\n']);
  });
});
