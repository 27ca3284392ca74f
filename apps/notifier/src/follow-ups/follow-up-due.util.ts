// When a follow-up falls due. Follow-ups carry their due time in words: an L2 summary's "due"
// is the first day the customer named ("tomorrow", "friday", "this afternoon", "next week"),
// a model's create_follow_up has what the model wrote ("by Friday", "2026-12-24"). This reads
// the forms the platform produces, in the tenant's time zone, relative to when the follow-up
// was created; anything else has no due time (its creation notice is all it gets).

/** The local hour a day's follow-up falls due, unless a part of the day is named. */
export const DUE_HOUR = 9;
const PART_HOUR: Record<string, number> = { morning: 9, afternoon: 13, evening: 17, tonight: 17 };
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

interface LocalDate {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
    weekday: 'long',
  };
  try {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
  }
}

function partsOf(at: Date, timeZone: string): LocalDate & { hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(String(parts.weekday).toLowerCase()),
  };
}

/** The instant the clock of `timeZone` shows `hour`:00 on the local date (DST-safe to the hour). */
export function zonedInstant(date: Pick<LocalDate, 'year' | 'month' | 'day'>, hour: number, timeZone: string): Date {
  const wanted = Date.UTC(date.year, date.month - 1, date.day, hour);
  let guess = wanted;
  for (let i = 0; i < 2; i += 1) {
    const p = partsOf(new Date(guess), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess += wanted - shown;
  }
  return new Date(guess);
}

function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

/**
 * The instant a follow-up created at `createdAt` falls due, or null when its due words name no
 * time this reads, or a time not after its creation (it was due when it was created: the
 * creation notice said so).
 */
export function followUpDueAt(due: string | null | undefined, createdAt: Date, timeZone: string): Date | null {
  if (!due) return null;
  const text = due
    .trim()
    .toLowerCase()
    .replace(/^(?:due\s+)?(?:by|on|before|until|for)\s+/, '')
    .replace(/\s+/g, ' ');
  const today: LocalDate = partsOf(createdAt, timeZone);
  let day: LocalDate | null = null;
  let hour = DUE_HOUR;

  const iso = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  const part = /\b(morning|afternoon|evening|tonight)\b/.exec(text);
  if (part) hour = PART_HOUR[part[1]];
  if (iso) {
    const d = new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
    if (d.getUTCMonth() + 1 !== Number(iso[2])) return null;
    day = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), weekday: d.getUTCDay() };
  } else if (/^(?:today|tonight|this (?:morning|afternoon|evening))$/.test(text)) {
    day = today;
  } else if (/^tomorrow(?: (?:morning|afternoon|evening))?$/.test(text)) {
    day = addDays(today, 1);
  } else if (text === 'next week') {
    day = addDays(today, (8 - today.weekday) % 7 || 7); // the coming Monday
  } else if (text === 'this week') {
    day = today.weekday >= 1 && today.weekday <= 5 ? addDays(today, 5 - today.weekday) : null;
  } else if (text === 'this weekend') {
    day = addDays(today, (6 - today.weekday + 7) % 7);
  } else {
    const weekday = /^(?:this |next )?(sun|mon|tues|wednes|thurs|fri|satur)day(?: (?:morning|afternoon|evening))?$/.exec(text);
    if (weekday) {
      const target = WEEKDAYS.indexOf(`${weekday[1]}day`);
      // The coming one, never the creation day itself ("friday" said on a Friday is next week's).
      day = addDays(today, (target - today.weekday + 7) % 7 || 7);
    }
  }
  if (!day) return null;
  const at = zonedInstant(day, hour, timeZone);
  return at.getTime() > createdAt.getTime() ? at : null;
}
