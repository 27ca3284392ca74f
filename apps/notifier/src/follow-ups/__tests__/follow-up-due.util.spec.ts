import { followUpDueAt, zonedInstant } from '../follow-up-due.util';

// Wednesday 2 December 2026, 15:30 in London (UTC in winter).
const created = new Date('2026-12-02T15:30:00Z');
const london = 'Europe/London';

describe('followUpDueAt', () => {
  it.each([
    ['tomorrow', '2026-12-03T09:00:00.000Z'],
    ['tomorrow afternoon', '2026-12-03T13:00:00.000Z'],
    ['this evening', '2026-12-02T17:00:00.000Z'],
    ['tonight', '2026-12-02T17:00:00.000Z'],
    ['friday', '2026-12-04T09:00:00.000Z'],
    ['By Friday', '2026-12-04T09:00:00.000Z'],
    ['on monday', '2026-12-07T09:00:00.000Z'],
    ['wednesday', '2026-12-09T09:00:00.000Z'],
    ['next week', '2026-12-07T09:00:00.000Z'],
    ['this week', '2026-12-04T09:00:00.000Z'],
    ['this weekend', '2026-12-05T09:00:00.000Z'],
    ['2026-12-24', '2026-12-24T09:00:00.000Z'],
  ])('reads %p', (due, expected) => {
    expect(followUpDueAt(due, created, london)?.toISOString()).toBe(expected);
  });

  it.each([['today'], ['this morning'], ['2026-12-01'], ['soon'], ['whenever suits'], ['2026-02-30'], [''], [null]])(
    'has no due time for %p (unreadable, or due when it was created)',
    (due) => {
      expect(followUpDueAt(due, created, london)).toBeNull();
    },
  );

  it("reads the day in the tenant's time zone", () => {
    // 23:30 UTC on the 2nd is already the 3rd in Berlin: "tomorrow" is the 4th there.
    const late = new Date('2026-12-02T23:30:00Z');
    expect(followUpDueAt('tomorrow', late, 'Europe/Berlin')?.toISOString()).toBe('2026-12-04T08:00:00.000Z');
    expect(followUpDueAt('tomorrow', late, 'America/New_York')?.toISOString()).toBe('2026-12-03T14:00:00.000Z');
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(followUpDueAt('tomorrow', created, 'Mars/Olympus')?.toISOString()).toBe('2026-12-03T09:00:00.000Z');
  });
});

describe('zonedInstant', () => {
  it('is right across a DST change', () => {
    expect(zonedInstant({ year: 2026, month: 3, day: 30 }, 9, london).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(zonedInstant({ year: 2026, month: 3, day: 28 }, 9, london).toISOString()).toBe('2026-03-28T09:00:00.000Z');
  });
});
