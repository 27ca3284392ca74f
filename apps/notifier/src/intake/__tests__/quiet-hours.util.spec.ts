import { localMinutes, nextLocalHour, quietHoursRelease } from '../quiet-hours.util';

const at = (iso: string) => new Date(iso);

describe('quietHoursRelease', () => {
  it.each([
    ['no quiet hours', null, '2026-06-01T23:30:00Z', 'UTC', '2026-06-01T23:30:00.000Z'],
    ['outside a same-day window', { start: '12:00', end: '14:00' }, '2026-06-01T10:00:00Z', 'UTC', '2026-06-01T10:00:00.000Z'],
    ['inside a same-day window', { start: '12:00', end: '14:00' }, '2026-06-01T12:30:00Z', 'UTC', '2026-06-01T14:00:00.000Z'],
    [
      'inside a window across midnight, before midnight',
      { start: '22:00', end: '07:00' },
      '2026-06-01T23:30:00Z',
      'UTC',
      '2026-06-02T07:00:00.000Z',
    ],
    [
      'inside a window across midnight, after midnight',
      { start: '22:00', end: '07:00' },
      '2026-06-02T03:15:00Z',
      'UTC',
      '2026-06-02T07:00:00.000Z',
    ],
    ['at the end minute: released', { start: '22:00', end: '07:00' }, '2026-06-02T07:00:00Z', 'UTC', '2026-06-02T07:00:00.000Z'],
    ['start == end means none', { start: '08:00', end: '08:00' }, '2026-06-02T08:00:00Z', 'UTC', '2026-06-02T08:00:00.000Z'],
    // 21:30 UTC is 22:30 in London (BST): quiet until 07:00 BST = 06:00 UTC
    ["in the tenant's zone", { start: '22:00', end: '07:00' }, '2026-06-01T21:30:00Z', 'Europe/London', '2026-06-02T06:00:00.000Z'],
    [
      "the rule's own zone wins",
      { start: '22:00', end: '07:00', timezone: 'America/New_York' },
      '2026-06-01T21:30:00Z',
      'Europe/London',
      '2026-06-01T21:30:00.000Z',
    ],
  ] as const)('%s', (_name, quiet, now, zone, expected) => {
    expect(quietHoursRelease(quiet, at(now), zone).toISOString()).toBe(expected);
  });

  it('falls back to UTC for an unknown zone instead of throwing', () => {
    expect(localMinutes(at('2026-06-01T05:07:00Z'), 'Mars/Olympus')).toBe(5 * 60 + 7);
  });
});

describe('nextLocalHour', () => {
  it('is later today, or tomorrow once the hour has passed', () => {
    expect(nextLocalHour(8, at('2026-06-01T06:20:00Z'), 'UTC').toISOString()).toBe('2026-06-01T08:00:00.000Z');
    expect(nextLocalHour(8, at('2026-06-01T09:00:00Z'), 'UTC').toISOString()).toBe('2026-06-02T08:00:00.000Z');
    expect(nextLocalHour(8, at('2026-06-01T06:20:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-06-02T06:00:00.000Z');
  });
});
