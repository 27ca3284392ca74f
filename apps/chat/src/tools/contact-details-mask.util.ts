import { findEmails, findPhones, type PiiMatch } from '@parley/llm';

/** `alice@example.com` -> `a***@example.com`: enough to tell addresses apart, not to write to one. */
function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** `+44 7700 900123` -> `***123`: the last three digits only. */
function maskPhone(phone: string): string {
  return `***${phone.replace(/\D/g, '').slice(-3)}`;
}

function maskText(text: string): string {
  const matches: PiiMatch[] = [...findEmails(text), ...findPhones(text)].sort((a, b) => b.start - a.start);
  let out = text;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const m of matches) {
    if (m.end > lastStart) continue; // overlaps a match already masked (a phone-like run inside an email)
    const found = out.slice(m.start, m.end);
    out = out.slice(0, m.start) + (m.kind === 'EMAIL' ? maskEmail(found) : maskPhone(found)) + out.slice(m.end);
    lastStart = m.start;
  }
  return out;
}

/**
 * A tool call's arguments or result as tool_executions keeps them (90 days, readable by tenant
 * staff): every email address and phone number in any string masked, so the log shows which
 * lookup ran without holding the visitor's contact details, which belong in the CRM (where
 * erasure reaches them). Objects and arrays are copied; other values are kept.
 */
export function maskContactDetails<T>(value: T): T {
  if (typeof value === 'string') return maskText(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskContactDetails(v)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskContactDetails(v)])) as T;
  }
  return value;
}
