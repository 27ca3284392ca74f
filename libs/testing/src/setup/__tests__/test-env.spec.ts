import { pick, randomId, testDatabaseCreatedAt, testDatabaseName, testEnvironment } from '../test-env';

describe('test environment helpers', () => {
  it('names test databases with a sortable UTC timestamp and reads it back', () => {
    const at = new Date('2026-11-23T09:05:07.123Z');
    const name = testDatabaseName(at, 'ab12cd');
    expect(name).toBe('parley_test_20261123090507_ab12cd');
    expect(testDatabaseCreatedAt(name)).toEqual(new Date('2026-11-23T09:05:07Z'));
  });

  it('does not recognise other databases as test databases', () => {
    for (const name of ['parley', 'parley_test', 'parley_test_2026_x', 'parley_test_20261123090507_AB', 'other_test_20261123090507_ab']) {
      expect(testDatabaseCreatedAt(name)).toBeNull();
    }
  });

  it('makes random ids of the requested length from [a-z0-9]', () => {
    const ids = new Set(Array.from({ length: 50 }, () => randomId(8)));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{8}$/);
    expect(randomId(20)).toHaveLength(20);
  });

  it('prefers a non-empty override', () => {
    expect(pick({ A: 'x' }, 'A', 'd')).toBe('x');
    expect(pick({ A: '' }, 'A', 'd')).toBe('d');
    expect(pick({}, 'A', 'd')).toBe('d');
  });

  it('testEnvironment names every missing variable', () => {
    expect(() => testEnvironment({ TEST_DATABASE_URL: 'x' })).toThrow(/TEST_DATABASE_OWNER_URL, .*TEST_RUN_ID not set/);
    const full = Object.fromEntries(
      [
        'TEST_DATABASE_URL',
        'TEST_DATABASE_OWNER_URL',
        'TEST_DATABASE_ANALYTICS_URL',
        'TEST_SUPERUSER_URL',
        'TEST_DATABASE_NAME',
        'TEST_NATS_URL',
        'TEST_REDIS_URL',
        'TEST_RUN_ID',
      ].map((k) => [k, k.toLowerCase()]),
    );
    expect(testEnvironment(full)).toEqual(full);
  });
});
