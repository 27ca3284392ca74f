import {
  addDays,
  daysBetween,
  isValidTimeZone,
  localDateOf,
  localHourOf,
  localMidnight,
  utcHourStart,
  weekStart,
} from '@parley/contracts/calendar';
import { periodContaining, previousPeriod } from '../insight-period.util';

describe('tenant-local calendar', () => {
  it.each([
    ['2026-07-06', 'Europe/London', '2026-07-05T23:00:00.000Z'], // BST
    ['2026-01-06', 'Europe/London', '2026-01-06T00:00:00.000Z'], // GMT
    ['2026-07-06', 'Asia/Kolkata', '2026-07-05T18:30:00.000Z'], // +05:30
    ['2026-07-06', 'Asia/Kathmandu', '2026-07-05T18:15:00.000Z'], // +05:45
    ['2026-07-06', 'America/New_York', '2026-07-06T04:00:00.000Z'], // EDT
    ['2026-07-06', 'UTC', '2026-07-06T00:00:00.000Z'],
  ])('%s starts in %s at %s', (date, zone, utc) => {
    expect(localMidnight(date, zone).toISOString()).toBe(utc);
  });

  it('days around the clock changes are 23 and 25 hours long in London', () => {
    const hours = (date: string) =>
      (localMidnight(addDays(date, 1), 'Europe/London').getTime() - localMidnight(date, 'Europe/London').getTime()) / 3_600_000;
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2026-07-06')).toBe(24);
  });

  it('reads the local date and hour of an instant', () => {
    const late = new Date('2026-07-05T23:30:00Z');
    expect(localDateOf(late, 'Europe/London')).toBe('2026-07-06');
    expect(localHourOf(late, 'Europe/London')).toBe(0);
    expect(localDateOf(late, 'UTC')).toBe('2026-07-05');
    expect(localHourOf(new Date('2026-07-06T18:00:00Z'), 'Asia/Kolkata')).toBe(23);
    expect(utcHourStart(new Date('2026-07-06T18:59:59.999Z')).toISOString()).toBe('2026-07-06T18:00:00.000Z');
  });

  it('does calendar arithmetic across months and years; weeks start on Monday', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-07-01', '2026-07-12')).toBe(11);
    expect(weekStart('2026-07-12')).toBe('2026-07-06'); // Sunday
    expect(weekStart('2026-07-06')).toBe('2026-07-06'); // Monday
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });

  it('builds week periods in local time and their previous period', () => {
    const week = periodContaining('week', '2026-07-08', 'Europe/London');
    expect(week).toMatchObject({ localDate: '2026-07-06', start: new Date('2026-07-05T23:00:00Z'), end: new Date('2026-07-12T23:00:00Z') });
    expect(week.days).toHaveLength(7);
    expect(previousPeriod(week, 'Europe/London')).toMatchObject({ localDate: '2026-06-29', start: new Date('2026-06-28T23:00:00Z') });
    // The October week with the clock change is 169 hours long.
    const autumn = periodContaining('week', '2026-10-25', 'Europe/London');
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(169);
  });

  it('knows valid IANA zones', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
