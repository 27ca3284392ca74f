import { BatchedLines } from '../batched-lines.destination';
import { recordingWriter } from './line-writer.fixture';

function destination(options = { maxDelayMs: 50, maxBytes: 40 }) {
  const { writer, writes, refuseNext } = recordingWriter();
  return { lines: new BatchedLines(1, options, writer), writes, refuseNext };
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

  it('retries a write the pipe refuses at close synchronously, without a timer, and loses no line', () => {
    const { lines, writes, refuseNext } = destination();
    lines.write('one\n');
    lines.write('two\n');
    refuseNext(3);
    lines.close();
    expect(writes).toEqual(['one\ntwo\n']);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('writes a line logged after close at once', () => {
    const { lines, writes } = destination();
    lines.close();
    lines.write('late\n');
    expect(writes).toEqual(['late\n']);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('keeps one process exit listener however many are open, and none once they are closed', () => {
    const before = process.listenerCount('exit');
    const many = Array.from({ length: 20 }, () => destination());
    expect(process.listenerCount('exit')).toBe(before + 1);
    for (const { lines } of many) lines.close();
    expect(process.listenerCount('exit')).toBe(before);
  });

  it('writes the lines of an instance never closed when the process exits', () => {
    const before = new Set(process.listeners('exit'));
    const { lines, writes, refuseNext } = destination();
    lines.write('unclosed\n');
    refuseNext(2);
    const atExit = process.listeners('exit').filter((listener) => !before.has(listener));
    expect(atExit).toHaveLength(1);
    (atExit[0] as () => void)();
    expect(writes).toEqual(['unclosed\n']);
    expect(process.listeners('exit')).toEqual([...before]);
  });
});
