import { createSseParser, parseFrame, reconnectDelayMs } from '../api/sse.parser';

describe('SSE parser', () => {
  it('yields each event across any chunk boundary, skips comments, joins multi-line data', () => {
    const stream =
      ': ping\n\ndata: {"type":"unread","count":2}\r\n\r\ndata: {"type":\ndata: "x"}\r\n\r\nevent: other\nid: 7\ndata:{"type":"y"}\n\n';
    for (const size of [1, 2, 3, 7, stream.length]) {
      const events: string[] = [];
      const feed = createSseParser((data) => events.push(data));
      for (let i = 0; i < stream.length; i += size) feed(stream.slice(i, i + size));
      expect(events).toEqual(['{"type":"unread","count":2}', '{"type":\n"x"}', '{"type":"y"}']);
    }
  });

  it('treats a lone \\r as a line break once more text shows it is not \\r\\n', () => {
    const events: string[] = [];
    const feed = createSseParser((data) => events.push(data));
    feed('data: a\r');
    feed('\r');
    feed('x');
    expect(events).toEqual(['a']);
  });

  it.each([['[1]'], ['nope'], ['null'], ['"s"']])('parseFrame ignores %s', (data) => {
    expect(parseFrame(data)).toBeUndefined();
  });

  it('reconnects after 1 s doubling up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(reconnectDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
