import { createLogger } from '../logging/logger.factory';
import { NestLoggerAdapter } from '../logging/nest-logger.adapter';
import { memoryDestination } from './memory-destination';

function adapter(level = 'trace') {
  const out = memoryDestination();
  return { nest: new NestLoggerAdapter(createLogger({ service: 'svc', level, destination: out })), lines: out.lines };
}

describe('NestLoggerAdapter', () => {
  it('writes Nest messages as JSON with their context', () => {
    const { nest, lines } = adapter();
    nest.log('Mapped {/health/live, GET} route', 'RouterExplorer');
    nest.warn('careful');
    nest.verbose('very detailed', 'Deep');
    expect(lines).toMatchObject([
      { level: 'info', msg: 'Mapped {/health/live, GET} route', context: 'RouterExplorer', service: 'svc' },
      { level: 'warn', msg: 'careful' },
      { level: 'trace', msg: 'very detailed', context: 'Deep' },
    ]);
    expect(lines[1]).not.toHaveProperty('context');
  });

  it('keeps the stack of error() apart from the context', () => {
    const { nest, lines } = adapter();
    nest.error('it failed', 'Error: it failed\n    at handler (x.ts:1:1)', 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: 'it failed',
      context: 'ExceptionsHandler',
      stack: 'Error: it failed\n    at handler (x.ts:1:1)',
    });
  });

  it('serializes Error messages and merges object messages as fields (redaction still applies)', () => {
    const { nest, lines } = adapter();
    nest.error(new Error('db down'), 'Prisma');
    nest.log({ msg: 'routed', conversationId: 'c1', content: 'private words' }, 'Router');
    expect(lines[0]).toMatchObject({ msg: 'db down', context: 'Prisma', err: { message: 'db down', type: 'Error' } });
    expect(lines[1]).toMatchObject({ msg: 'routed', conversationId: 'c1', content: '[REDACTED]', context: 'Router' });
  });

  it('respects the level', () => {
    const { nest, lines } = adapter('warn');
    nest.debug('hidden');
    nest.log('hidden too');
    nest.fatal('shown');
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });
});
