import { parseRetryAfter } from '../retry-after.util';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-01T09:30:00Z');

  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    [['7', '9'], 7_000],
    ['Sun, 01 Mar 2026 09:31:30 GMT', 90_000],
    ['Sun, 01 Mar 2026 09:00:00 GMT', 0],
  ])('reads %p as %p ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  it.each([undefined, '', '-5', '1.5', 'soon'])('has no delay for %p', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
