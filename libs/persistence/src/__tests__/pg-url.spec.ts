// pgUrlWith, the URL helper of this lib's integration tests, on both forms set-up may hand them.
import { pgUrlWith } from './fixtures';

describe('pgUrlWith', () => {
  it('changes the database of a TCP URL and keeps credentials and parameters', () => {
    expect(
      pgUrlWith('postgresql://parley_owner:s%40cret@127.0.0.1:5432/parley_test_1?sslmode=disable', { database: 'parley_test_1_mig' }),
    ).toBe('postgresql://parley_owner:s%40cret@127.0.0.1:5432/parley_test_1_mig?sslmode=disable');
  });

  it('changes the port of a TCP URL', () => {
    expect(pgUrlWith('postgresql://parley_app:parley_app@127.0.0.1:5432/parley', { port: 1 })).toBe(
      'postgresql://parley_app:parley_app@127.0.0.1:1/parley',
    );
  });

  it('changes the database of a Unix-socket URL and keeps its empty host', () => {
    expect(pgUrlWith('postgresql://root@/postgres?host=/var/run/postgresql&port=5432', { database: 'parley_test_1_mig' })).toBe(
      'postgresql://root@/parley_test_1_mig?host=/var/run/postgresql&port=5432',
    );
  });

  it('changes the port parameter of a Unix-socket URL', () => {
    expect(pgUrlWith('postgres:///postgres?host=/tmp', { port: 6543 })).toBe('postgres:///postgres?host=%2Ftmp&port=6543');
  });
});
