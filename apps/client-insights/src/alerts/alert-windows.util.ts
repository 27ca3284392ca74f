const DAY_MS = 86_400_000;

/** The two weeks the L5 rules compare: [previousStart, start) against [start, end). */
export interface AlertWindows {
  start: Date;
  end: Date;
  previousStart: Date;
}

/**
 * [start, end): the last 7 days of UTC hours up to and including the hour in progress (so an
 * alert can fire within minutes of the conversations that cause it), and the 7 days before.
 */
export function alertWindows(now: Date): AlertWindows {
  const end = new Date((Math.floor(now.getTime() / 3_600_000) + 1) * 3_600_000);
  const start = new Date(end.getTime() - 7 * DAY_MS);
  return { start, end, previousStart: new Date(start.getTime() - 7 * DAY_MS) };
}
