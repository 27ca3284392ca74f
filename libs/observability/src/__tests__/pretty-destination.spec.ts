import { createLogger } from '../logging/logger.factory';
import { formatPrettyLine, prettyDestination } from '../logging/pretty-destination';

describe('pretty output (LOG_PRETTY)', () => {
  it('turns a JSON line into time, level, service, message and the remaining fields', () => {
    const line = JSON.stringify({
      level: 'warn',
      time: '2026-11-23T09:30:01.123Z',
      service: 'chat',
      pid: 1,
      msg: 'slow turn',
      request_id: 'r1',
    });
    expect(formatPrettyLine(line)).toBe('09:30:01.123 WARN  [chat] slow turn {"request_id":"r1"}\n');
  });

  it('passes through lines that are not JSON', () => {
    expect(formatPrettyLine('plain')).toBe('plain\n');
  });

  it('is what the logger writes when pretty is on', () => {
    const written: string[] = [];
    const out = { write: (chunk: string) => written.push(chunk) === 0 } as unknown as NodeJS.WritableStream;
    createLogger({ service: 'notifier', destination: prettyDestination(out) }).info({ password: 'x' }, 'sent');
    expect(written[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO  \[notifier\] sent \{"password":"\[REDACTED\]"\}\n$/);
  });
});
