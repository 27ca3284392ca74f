import { busyOr, DatabaseBusyError, isDatabaseBusy } from '../errors/database-busy.error';

describe('isDatabaseBusy / busyOr', () => {
  const prismaStartTimeout = Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), {
    code: 'P2028',
  });
  const poolTimeout = new Error('timeout exceeded when trying to connect');
  const statementTimeout = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
  const tooManyConnections = Object.assign(new Error('sorry, too many clients already'), { code: '53300' });

  it.each([
    ['Prisma could not start a transaction within maxWait (P2028)', prismaStartTimeout],
    ["node-postgres' pool gave up waiting for a connection", poolTimeout],
    ['the same, wrapped as the cause of another error', new Error('driver adapter error', { cause: poolTimeout })],
    ['a statement cancelled by statement_timeout (57014)', statementTimeout],
    ['too many connections (53300)', tooManyConnections],
    [
      'a Prisma raw-query error whose driver error is 57014',
      { code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '57014' } } } },
    ],
  ])('busy: %s', (_what, error) => {
    expect(isDatabaseBusy(error)).toBe(true);
    const mapped = busyOr(error);
    expect(mapped).toBeInstanceOf(DatabaseBusyError);
    expect((mapped as DatabaseBusyError).code).toBe('UNAVAILABLE');
    expect((mapped as DatabaseBusyError).cause).toBe(error);
    // The message a caller sees says nothing of SQL or hosts.
    expect((mapped as Error).message).toBe('the database is busy; try again shortly');
  });

  it.each([
    [
      'another P2028 (a transaction that expired while running: a bug, not load)',
      Object.assign(new Error('Transaction API error: Transaction already closed'), { code: 'P2028' }),
    ],
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['an RLS rejection', Object.assign(new Error('new row violates row-level security policy'), { code: '42501' })],
    ['a plain error', new Error('boom')],
    ['not an error at all', 'boom'],
    ['nothing', undefined],
  ])('not busy, returned unchanged: %s', (_what, error) => {
    expect(isDatabaseBusy(error)).toBe(false);
    expect(busyOr(error)).toBe(error);
  });

  it('a DatabaseBusyError stays the same object', () => {
    const busy = new DatabaseBusyError();
    expect(busyOr(busy)).toBe(busy);
  });
});
