import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SERVICE_LOGGER, createLogger } from '@parley/observability';
import { BatchedLines, DEFAULT_BATCHED_LINES } from '../batched-lines.destination';
import { TURN_LOGGER, type ChatLogger } from '../chat.logger';
import { CHAT_OPTIONS } from '../chat.options';
import { turnLoggerProvider } from '../turn-logger.factory';
import { recordingWriter } from './line-writer.fixture';

function serviceLogger() {
  const lines: string[] = [];
  return {
    lines,
    logger: createLogger({ service: 'chat', level: 'info', destination: { write: (line: string) => void lines.push(line) } }),
  };
}

/** A Nest application with ChatModule's TURN_LOGGER provider; its lines go to `writes` (the first `refuse` writes fail with EAGAIN). */
async function app(refuse = 0) {
  const service = serviceLogger();
  const { writer, writes, refuseNext } = recordingWriter();
  refuseNext(refuse);
  @Module({
    providers: [
      { provide: SERVICE_LOGGER, useValue: service.logger },
      { provide: CHAT_OPTIONS, useValue: { log: { level: 'info', pretty: false } } },
      turnLoggerProvider(() => new BatchedLines(1, DEFAULT_BATCHED_LINES, writer)),
    ],
  })
  class TurnLoggerTestModule {}
  const nest = await NestFactory.createApplicationContext(TurnLoggerTestModule, { logger: false });
  await nest.init();
  return { nest, turnLog: nest.get<ChatLogger>(TURN_LOGGER), service: service.lines, writes };
}

describe('TURN_LOGGER (turnLoggerProvider)', () => {
  it('writes its waiting lines when the application closes', async () => {
    const { nest, turnLog, writes } = await app();
    turnLog.info({ turn_id: 't1' }, 'turn completed');
    expect(writes).toEqual([]);
    await nest.close();
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0])).toMatchObject({ service: 'chat', component: 'chat', turn_id: 't1', msg: 'turn completed' });
  });

  it('writes warnings and errors at once, through the service logger', async () => {
    const { nest, turnLog, service, writes } = await app();
    turnLog.warn({ turn_id: 't1' }, 'slow');
    turnLog.error({ turn_id: 't1' }, 'failed');
    expect(service.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['slow', 'failed']);
    await nest.close();
    expect(writes).toEqual([]);
  });

  it('loses no line when the pipe refuses the write at close (retried synchronously)', async () => {
    const { nest, turnLog, writes } = await app(2);
    turnLog.info({ turn_id: 't2' }, 'turn completed');
    await nest.close();
    expect(writes.map((line) => (JSON.parse(line) as { turn_id: string }).turn_id)).toEqual(['t2']);
  });

  it('adds no process exit listener per application booted and closed', async () => {
    const before = process.listenerCount('exit');
    for (let i = 0; i < 15; i += 1) {
      const { nest, turnLog } = await app();
      turnLog.info({ turn_id: `t${i}` }, 'turn completed');
      expect(process.listenerCount('exit')).toBeLessThanOrEqual(before + 1);
      await nest.close();
    }
    expect(process.listenerCount('exit')).toBe(before);
  });
});
