import { assertReadOnlySelect, bindNamedPlaceholders, limitedSelect } from '../sql-statement.util';

describe('SQL endpoint statements', () => {
  it('binds :name placeholders as PostgreSQL parameters, reusing the index of a repeated name', () => {
    expect(
      bindNamedPlaceholders('SELECT * FROM p WHERE title ILIKE :q OR sku = :q LIMIT :limit', { q: '%mug%', limit: 5 }, 'postgres'),
    ).toEqual({
      text: 'SELECT * FROM p WHERE title ILIKE $1 OR sku = $1 LIMIT $2',
      values: ['%mug%', 5],
    });
  });

  it('binds as MySQL ? markers in order of appearance', () => {
    expect(
      bindNamedPlaceholders(
        'SELECT * FROM o WHERE n = :order_number AND (email = :email OR :email IS NULL)',
        { order_number: '7', email: 'a@b.example' },
        'mysql',
      ),
    ).toEqual({
      text: 'SELECT * FROM o WHERE n = ? AND (email = ? OR ? IS NULL)',
      values: ['7', 'a@b.example', 'a@b.example'],
    });
  });

  it('leaves strings, quoted identifiers, comments and casts alone', () => {
    const sql = `SELECT ':not' AS a, "col:x", \`m:y\`, created::date, '10:30' -- :comment\n/* :block */ FROM t WHERE id = :id`;
    expect(bindNamedPlaceholders(sql, { id: 1 }, 'postgres')).toEqual({
      text: `SELECT ':not' AS a, "col:x", \`m:y\`, created::date, '10:30' -- :comment\n/* :block */ FROM t WHERE id = $1`,
      values: [1],
    });
  });

  it('refuses a placeholder without a value', () => {
    expect(() => bindNamedPlaceholders('SELECT :x', {}, 'mysql')).toThrow(expect.objectContaining({ failure: 'invalid_arguments' }));
  });

  it.each(['SELECT 1; DROP TABLE t', "SELECT ';'", 'DELETE FROM t', 'UPDATE t SET a = 1', '  insert into t values (1)'])(
    'refuses %j',
    (sql) => {
      expect(() => assertReadOnlySelect(sql)).toThrow(expect.objectContaining({ failure: 'not_configured' }));
    },
  );

  it('accepts SELECT and WITH, and wraps them with a row limit', () => {
    expect(() => assertReadOnlySelect('  with x as (select 1) select * from x')).not.toThrow();
    expect(limitedSelect('SELECT 1 -- trailing', 21)).toBe('SELECT * FROM (\nSELECT 1 -- trailing\n) AS parley_endpoint LIMIT 21');
  });
});
