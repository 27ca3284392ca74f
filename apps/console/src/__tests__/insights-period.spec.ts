import {
  addDays,
  daysBetween,
  defaultRange,
  isIsoDate,
  localToday,
  periodLabel,
  rangeFromParams,
  rangeProblem,
  weekStart,
} from '../insights/insights-period.util';

describe('insights period and date maths', () => {
  it('adds days across months, years and a daylight-saving change', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-10-20', '2026-10-27')).toBe(7);
    expect(daysBetween('2026-10-27', '2026-10-20')).toBe(-7);
  });

  it.each([
    ['2026-12-07', '2026-12-07'], // Monday
    ['2026-12-06', '2026-11-30'], // Sunday
    ['2026-12-09', '2026-12-07'],
    ['2027-01-01', '2026-12-28'],
  ])('the week of %s starts on Monday %s', (date, monday) => {
    expect(weekStart(date)).toBe(monday);
  });

  it('defaults like the gateway: the last 7 days, or 4 weeks from a Monday', () => {
    expect(defaultRange('day', '2026-12-06')).toEqual({ period: 'day', from: '2026-11-30', to: '2026-12-06' });
    expect(defaultRange('week', '2026-12-06')).toEqual({ period: 'week', from: '2026-11-09', to: '2026-12-06' });
  });

  it('explains a range the gateway would refuse', () => {
    expect(rangeProblem({ period: 'day', from: '2026-12-01', to: '2026-12-06' })).toBeNull();
    expect(rangeProblem({ period: 'day', from: '2026-12-07', to: '2026-12-06' })).toMatch(/after/);
    expect(rangeProblem({ period: 'day', from: '2026-01-01', to: '2026-12-06' })).toMatch(/at most 92 days/);
    expect(rangeProblem({ period: 'week', from: '2026-01-01', to: '2026-12-06' })).toBeNull();
    expect(rangeProblem({ period: 'day', from: '', to: '2026-12-06' })).toBe('Enter both dates.');
  });

  it('validates calendar dates, not just their shape', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('6 Dec')).toBe(false);
  });

  it('reads the range from the address, falling back to the default for the period', () => {
    expect(rangeFromParams(new URLSearchParams('period=week&from=2026-11-02&to=2026-12-06'), '2026-12-06')).toEqual({
      period: 'week',
      from: '2026-11-02',
      to: '2026-12-06',
    });
    expect(rangeFromParams(new URLSearchParams('period=week&from=2026-12-09&to=2026-12-06'), '2026-12-06')).toEqual(
      defaultRange('week', '2026-12-06'),
    );
    expect(rangeFromParams(new URLSearchParams(''), '2026-12-06')).toEqual(defaultRange('day', '2026-12-06'));
  });

  it('labels periods and knows the local date', () => {
    expect(periodLabel('day', '2026-12-03')).toBe('Thu 3 Dec');
    expect(periodLabel('week', '2026-11-30')).toBe('Week of 30 Nov');
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
