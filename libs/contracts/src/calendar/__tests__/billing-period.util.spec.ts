import { currentPeriod, previousPeriod, secondsToReset, startOfLocalDay } from '..';

const at = (iso: string) => new Date(iso);

describe('billing periods in the tenant time zone', () => {
  it('UTC: the calendar month, reset at 00:00 UTC of the 1st; Retry-After 1 s at 23:59:59 on the last day', () => {
    const now = at('2027-01-31T23:59:59Z');
    const period = currentPeriod(now, 'UTC');
    expect(period).toEqual({
      key: '2027-01',
      from: '2027-01-01',
      to: '2027-01-31',
      startsAt: at('2027-01-01T00:00:00Z'),
      endsAt: at('2027-02-01T00:00:00Z'),
    });
    expect(secondsToReset(now, period)).toBe(1);
    expect(currentPeriod(at('2027-02-01T00:00:00Z'), 'UTC').key).toBe('2027-02');
    expect(secondsToReset(at('2027-01-01T00:00:00Z'), period)).toBe(31 * 86_400);
  });

  it('America/New_York: a month with the spring DST change is one hour short, reset at local midnight (EDT)', () => {
    const lastSecond = at('2027-04-01T03:59:59Z'); // 2027-03-31 23:59:59 EDT
    const period = currentPeriod(lastSecond, 'America/New_York');
    expect(period).toMatchObject({ key: '2027-03', from: '2027-03-01', to: '2027-03-31' });
    expect(period.startsAt).toEqual(at('2027-03-01T05:00:00Z')); // EST
    expect(period.endsAt).toEqual(at('2027-04-01T04:00:00Z')); // EDT
    expect(secondsToReset(lastSecond, period)).toBe(1);
    expect(secondsToReset(period.startsAt, period)).toBe(31 * 86_400 - 3_600);
    // 02:00 UTC on April 1st is still March 31st in New York.
    expect(currentPeriod(at('2027-04-01T02:00:00Z'), 'America/New_York').key).toBe('2027-03');
    // November: the autumn change makes the month one hour longer.
    const november = currentPeriod(at('2027-11-15T12:00:00Z'), 'America/New_York');
    expect(november.endsAt.getTime() - november.startsAt.getTime()).toBe((30 * 86_400 + 3_600) * 1000);
  });

  it('Asia/Kolkata (+05:30): the half-hour offset moves the reset to 18:30 UTC on the last day', () => {
    const lastSecond = at('2027-02-28T18:29:59Z'); // 2027-02-28 23:59:59 IST
    const period = currentPeriod(lastSecond, 'Asia/Kolkata');
    expect(period).toMatchObject({ key: '2027-02', from: '2027-02-01', to: '2027-02-28' });
    expect(period.startsAt).toEqual(at('2027-01-31T18:30:00Z'));
    expect(period.endsAt).toEqual(at('2027-02-28T18:30:00Z'));
    expect(secondsToReset(lastSecond, period)).toBe(1);
    expect(currentPeriod(at('2027-02-28T18:30:00Z'), 'Asia/Kolkata').key).toBe('2027-03');
  });

  it('Pacific/Auckland: the new year starts on 31 December UTC; April loses the DST hour at its start and gains one', () => {
    expect(currentPeriod(at('2026-12-31T10:59:59Z'), 'Pacific/Auckland').key).toBe('2026-12');
    const january = currentPeriod(at('2026-12-31T11:00:00Z'), 'Pacific/Auckland');
    expect(january).toMatchObject({ key: '2027-01', from: '2027-01-01', to: '2027-01-31', startsAt: at('2026-12-31T11:00:00Z') });
    expect(secondsToReset(at('2026-12-31T10:59:59Z'), currentPeriod(at('2026-12-31T10:59:59Z'), 'Pacific/Auckland'))).toBe(1);
    // DST ends on 4 April 2027 (NZDT +13 -> NZST +12): April is 30 days and one hour long.
    const april = currentPeriod(at('2027-04-10T00:00:00Z'), 'Pacific/Auckland');
    expect(april.startsAt).toEqual(at('2027-03-31T11:00:00Z'));
    expect(april.endsAt).toEqual(at('2027-04-30T12:00:00Z'));
    expect(secondsToReset(at('2027-04-30T11:59:59Z'), april)).toBe(1);
  });

  it('the last day of each month, leap years included, and the previous period across a year end', () => {
    expect(currentPeriod(at('2028-02-15T00:00:00Z'), 'UTC').to).toBe('2028-02-29');
    expect(currentPeriod(at('2027-02-15T00:00:00Z'), 'UTC').to).toBe('2027-02-28');
    expect(currentPeriod(at('2027-04-15T00:00:00Z'), 'UTC').to).toBe('2027-04-30');
    const last = previousPeriod(at('2027-01-10T00:00:00Z'), 'America/New_York');
    expect(last).toMatchObject({ key: '2026-12', from: '2026-12-01', to: '2026-12-31' });
    expect(last.endsAt).toEqual(at('2027-01-01T05:00:00Z'));
    expect(previousPeriod(at('2027-03-01T00:00:00Z'), 'Asia/Kolkata').key).toBe('2027-02');
  });

  it('a day whose local midnight a DST change skips starts at the first instant after the gap', () => {
    // America/Santiago moved its clocks from 24:00 to 01:00 on 2022-09-11 (CLT -4 -> CLST -3).
    expect(startOfLocalDay(2022, 9, 11, 'America/Santiago')).toEqual(at('2022-09-11T04:00:00Z'));
    expect(startOfLocalDay(2022, 9, 10, 'America/Santiago')).toEqual(at('2022-09-10T04:00:00Z'));
  });
});
