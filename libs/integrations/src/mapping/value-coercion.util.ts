// Turns loosely typed values of a tenant's API or database (numbers as strings, Dates, "1"/"yes")
// into the shapes of the normalised tool results. Anything unreadable becomes null, never an
// exception: a result that still does not fit its schema fails later, as an upstream_error.

export function text(value: unknown, max: number): string | null {
  if (typeof value === 'string') return value.trim().slice(0, max);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value).slice(0, max);
  if (typeof value === 'bigint') return value.toString().slice(0, max);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, max);
  return null;
}

/** A decimal amount as a string (`19.90`); numbers from JSON or SQL alike. */
export function money(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return /^-?\d+(\.\d+)?$/.test(trimmed) ? trimmed : null;
  }
  return null;
}

export function integer(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'bigint')
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : null;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
    const parsed = Number(value.trim());
    return Number.isSafeInteger(parsed) ? parsed : null;
  }
  return null;
}

export function boolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (['true', '1', 'yes', 'y', 'in_stock', 'instock', 'available'].includes(word)) return true;
    if (['false', '0', 'no', 'n', 'out_of_stock', 'outofstock', 'unavailable'].includes(word)) return false;
  }
  return null;
}

/** An ISO 4217 code (upper case) or null. */
export function currency(value: unknown): string | null {
  const code = text(value, 10);
  return code && /^[A-Za-z]{3}$/.test(code) ? code.toUpperCase() : null;
}

/** `HH:MM` from `9:00`, `09:00:00` (SQL TIME) or `0900`. */
export function clock(value: unknown): string | null {
  const raw = text(value, 20);
  if (!raw) return null;
  const match = /^(\d{1,2}):?(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(raw);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** 0 = Sunday ... 6 = Saturday, from a number or a day name (`Mon`, `monday`). */
export function weekday(value: unknown): number | null {
  const n = integer(value);
  if (n !== null) return n >= 0 && n <= 6 ? n : n === 7 ? 0 : null;
  const name = text(value, 20)?.toLowerCase();
  if (!name || name.length < 3) return null;
  const index = WEEKDAYS.findIndex((day) => day.startsWith(name));
  return index === -1 ? null : index;
}

/** `YYYY-MM-DD` from a date string, a timestamp string or a Date. */
export function isoDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const raw = text(value, 40);
  return raw && /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : null;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
