import { isInsufficientPrivilege, isUniqueViolation, sqlStateOf } from '../errors/database-error.util';

describe('sqlStateOf and friends', () => {
  it('reads the SQLSTATE from a pg error, a Prisma raw-query error and a driver adapter cause', () => {
    expect(sqlStateOf({ code: '23505' })).toBe('23505');
    expect(sqlStateOf({ code: 'P2010', meta: { code: '42501' } })).toBe('42501');
    expect(sqlStateOf({ code: 'P2004', meta: { driverAdapterError: { cause: { originalCode: '23503', kind: 'postgres' } } } })).toBe(
      '23503',
    );
    expect(sqlStateOf(new Error('wrapper', { cause: { code: '42501' } }))).toBe('42501');
  });

  it('returns undefined for errors without one, and survives cyclic causes', () => {
    const cyclic: { cause?: unknown } = {};
    cyclic.cause = cyclic;
    expect(sqlStateOf(cyclic)).toBeUndefined();
    expect(sqlStateOf(new Error('plain'))).toBeUndefined();
    expect(sqlStateOf(undefined)).toBeUndefined();
    expect(sqlStateOf({ code: 'P2025' })).toBeUndefined();
  });

  it('classifies unique violations (P2002 or 23505) and privilege errors (42501)', () => {
    expect(isUniqueViolation({ code: 'P2002' })).toBe(true);
    expect(isUniqueViolation({ code: 'P2010', meta: { code: '23505' } })).toBe(true);
    expect(isUniqueViolation({ code: '42501' })).toBe(false);
    expect(isInsufficientPrivilege({ code: '42501' })).toBe(true);
    expect(isInsufficientPrivilege({ code: 'P2002' })).toBe(false);
  });
});
