import { BadRequestException, ForbiddenException, HttpException, type ArgumentsHost } from '@nestjs/common';
import { createLogger } from '../logging/logger.factory';
import { runWithRequestContext } from '../request-context/request-context.storage';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { problemForStatus } from '../errors/problem-details';
import { memoryDestination } from './memory-destination';

function fakeReply() {
  const sent: { status?: number; headers: Record<string, string>; body?: unknown } = { headers: {} };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  return { sent, host };
}

describe('ProblemDetailsFilter', () => {
  const out = memoryDestination();
  const filter = new ProblemDetailsFilter(createLogger({ service: 'test', destination: out }));

  it.each([
    [
      new BadRequestException(['message must be a string', 'stream must be a boolean']),
      400,
      'BAD_REQUEST',
      'message must be a string; stream must be a boolean',
    ],
    [new ForbiddenException('tenant deactivated'), 403, 'FORBIDDEN', 'tenant deactivated'],
    [new HttpException('slow down', 429), 429, 'RATE_LIMITED', 'slow down'],
  ])('keeps the status and a safe detail of %s', (exception, status, code, detail) => {
    const { sent, host } = fakeReply();
    runWithRequestContext({ requestId: 'req-1' }, () => filter.catch(exception, host));
    expect(sent.status).toBe(status);
    expect(sent.headers['content-type']).toBe('application/problem+json');
    expect(sent.body).toEqual({
      type: `urn:parley:problem:${code.toLowerCase().replace(/_/g, '-')}`,
      title: expect.any(String),
      status,
      code,
      detail,
      requestId: 'req-1',
    });
  });

  it('turns anything else into an opaque 500 and logs the cause with the request id', () => {
    const { sent, host } = fakeReply();
    runWithRequestContext({ requestId: 'req-2' }, () => filter.catch(new Error('password=hunter2 leaked from a driver'), host));
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({
      type: 'urn:parley:problem:internal',
      title: 'Internal server error',
      status: 500,
      code: 'INTERNAL',
      requestId: 'req-2',
    });
    expect(JSON.stringify(sent.body)).not.toContain('hunter2');
    expect(out.lines.at(-1)).toMatchObject({
      level: 'error',
      msg: 'request failed',
      request_id: 'req-2',
      err: { message: expect.stringContaining('leaked') },
    });
  });

  it('hides the message of a 5xx HttpException too', () => {
    const { sent, host } = fakeReply();
    filter.catch(new HttpException('db host 10.0.0.5 unreachable', 503), host);
    expect(sent.body).toEqual(problemForStatus(503));
  });
});
