import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { findSpokenPhoneRuns } from './spoken-phone.util';

export interface PhoneCandidate {
  start: number;
  end: number;
  /** E.164. */
  value: string;
  /** True when libphonenumber knows the number range; drama/unallocated ranges are only "possible". */
  valid: boolean;
}

// A run of digit groups: a first group (+cc, 00cc, a parenthesised area code or digits) then more
// groups, each after at most one separator. It may not start inside a word, a price (£1,250), a
// reference (#1234, RTN-55102), a date (12/03) or a decimal.
// Round 13: a slash after a trunk-0 area code separates too ("0487/22.33.44", "030/1234567"); a date
// read so ("01/02/2023") has too few digits for a national number.
const CANDIDATE =
  /(?<![\p{L}\p{N}_#£$€@.,/:+\-])(?:\+\s?\d{1,3}|\(\d{1,5}\)|\d+)(?:(?:[ .\-]|\s?-\s?|(?<=(?<![\p{N}])0\d{1,4})\/)?(?:\(0\)\s?)?(?:\(\d{1,5}\)|\d+))*/gu;
const GROUP = /\+\s?\d{1,3}|\(\d{1,5}\)|\d+/g;
// A written phone number is at most ~15 digits with separators: longer runs are cut, so a run of
// thousands of digit groups costs linear time.
const MAX_PHONE_CHARS = 28;
const MAX_GROUPS = 8;

// Words before a number that make it a reference, a price, a date or an amount, not a phone.
const REFERENCE_BEFORE =
  /(?:\b(?:order|ref|reference|invoice|booking|tracking|account|acct|policy|case|ticket|return|rma|receipt|transaction|confirmation|membership|member|customer|patient|nhs|claim|job|quote|estimate|serial|model|part|item|sku|product|code|id|dob|born|reg|registration|vin|mileage|miles|postcode|flat|house|unit|room|table)\s*(?:no\.?|number|num|id|code|ref|#)?\s*(?:is|was|of|:|#|-)?\s*)$/;
// The same in the other languages, on the normalised text: compound reference nouns ("Bestellnummer",
// "bestelnummer", "Rechnung", "commande", "pedido", "fattura", "CPF"), never a bare "Nummer" / "número"
// ("meine Nummer ist 0151 …" is a phone).
const REFERENCE_BEFORE_I18N =
  /(?<![\p{L}])(?:\p{L}*(?:bestell|kunden|auftrags|rechnungs|mitglieds|vertrags|order|bestel|klant|factuur|dossier|referentie|polis|schaden|versicherungs|lidmaatschaps)s?nummer|bestellung|rechnung|auftrag|vertrag|bestelling|factuur|commande|facture|dossier|r[ée]f[ée]rence|r[ée]f|pedido|factura|p[óo]liza|expediente|ordine|fattura|pratica|encomenda|fatura|ap[óo]lice|processo|cpf|cnpj|nif|nie|dni|bsn|iban|os)\s*(?:n[º°o]\.?|nr\.?|no\.?|num\.?|#)?\s*(?:[:#-]|est|ist|es|è|é|is)?\s*$/u;
// Regions whose national numbers have eight digits and no trunk prefix (Singapore's 9123 4567).
const EIGHT_DIGIT_REGIONS: ReadonlySet<string> = new Set(['SG', 'HK', 'DK', 'NO']);
const AMOUNT_AFTER =
  /^\s?(?:%|am\b|pm\b|p\b|k\b|kg|g\b|mm|cm|m\b|km|miles?|mph|quid|pounds?|gbp|euros?|pence|sq|ft|metres?|meters?|litres?|days?|weeks?|months?|years?|hours?|mins?|minutes?|people|guests|x\b|st\b|nd\b|rd\b|th\b)/;

function endsCleanly(text: string, end: number): boolean {
  const next = text.slice(end, end + 2);
  if (/^[\p{L}\p{N}_]/u.test(next)) return false;
  return !/^[.,:/][\p{N}]/u.test(next);
}

/** The region a local number is read in: the tenant's country when libphonenumber knows it, else GB. */
export function phoneRegion(country: string | undefined): CountryCode {
  const code = typeof country === 'string' ? country.toUpperCase() : '';
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code) ? code : 'GB';
}

/**
 * Parses a digit run as a phone number in E.164, or undefined when it is not one. A national
 * number is read in `defaultRegion` (the tenant's country):
 * - with its trunk 0 (07700 900123, 030 12345678, 06 12 34 56 78) it needs 9 to 12 digits and must
 *   be possible there (GB: 10 or 11 digits, as before);
 * - without one (North America's (312) 555-0147, Spain's 612 345 678, Italy's mobiles) it needs
 *   9 to 11 digits and must be a *valid* number of the region: a bare digit run is far more often an
 *   order number than a phone, so only a known number range is taken.
 */
export function toE164(raw: string, defaultRegion: CountryCode = 'GB'): { value: string; valid: boolean } | undefined {
  const compact = raw.replace(/\(0\)/g, '').replace(/[\s().\-/]/g, '');
  const international = compact.startsWith('+') || compact.startsWith('00');
  const digits = compact.replace(/^\+|^00/, '');
  if (!/^\d+$/.test(digits)) return undefined;
  let strict = false;
  if (international) {
    if (digits.length < 8 || digits.length > 15 || digits.startsWith('0')) return undefined;
  } else if (digits.startsWith('0')) {
    // Argentina's mobiles keep the "15" after the area code nationally: "011 15 6234-9071" is 13 digits.
    const [min, max] = defaultRegion === 'GB' ? [10, 11] : defaultRegion === 'AR' ? [10, 13] : [9, 12];
    if (digits.length < min || digits.length > max) return undefined;
  } else {
    const min = EIGHT_DIGIT_REGIONS.has(defaultRegion) ? 8 : 9;
    const max = defaultRegion === 'AR' ? 12 : 11;
    if (defaultRegion === 'GB' || digits.length < min || digits.length > max) return undefined;
    strict = true;
  }
  const parsed = parsePhoneNumberFromString(international ? `+${digits}` : digits, defaultRegion);
  if (parsed === undefined || !parsed.isPossible()) return undefined;
  const valid = parsed.isValid();
  if (strict && !valid) return undefined;
  return { value: parsed.number, valid };
}

/**
 * Finds phone numbers (UK national formats and international ones) and normalises them to E.164.
 * Within a run of digit groups the longest prefix that parses wins ("07700 900123 2 times"), and a
 * run holding two numbers yields both.
 * Numbers after a reference word ("order 100234567", "invoice 20931"), prices, dates, times and
 * postcodes are skipped. Parsing costs ~0.5 ms a number, so callers cap the count with `limit`.
 */
export function findPhoneCandidates(
  text: string,
  normalized: string,
  limit = Number.POSITIVE_INFINITY,
  country?: string,
): PhoneCandidate[] {
  const region = phoneRegion(country);
  const out: PhoneCandidate[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    if (out.length >= limit) break;
    const before = normalized.slice(Math.max(0, m.index - 40), m.index);
    if (REFERENCE_BEFORE.test(before) || REFERENCE_BEFORE_I18N.test(before)) continue;
    const groups = [...m[0].matchAll(GROUP)].map((g) => ({ start: m.index + g.index, end: m.index + g.index + g[0].length }));
    // From the run's first group, and again after each number found ("07700 900123 or 07700 900124").
    let from = 0;
    while (from < groups.length && out.length < limit) {
      const start = (groups[from] as { start: number }).start;
      const found = longestPhoneAt(text, normalized, start, groups.slice(from), region);
      if (found === undefined) break;
      out.push(found);
      from = groups.findIndex((g) => g.start >= found.end);
      if (from < 0) break;
    }
  }
  // Round 16: numbers spoken in words ("oh seven nine four six double two …"), read like a written one.
  for (const run of findSpokenPhoneRuns(normalized)) {
    if (out.length >= limit) break;
    if (out.some((p) => run.start < p.end && p.start < run.end)) continue;
    // Review fix: a run that ran on into the next number word ("… one two three, two of us", "… zeven acht, een keer")
    // keeps its longest prefix ending on a group boundary that is a valid number; failing that, the longest one
    // libphonenumber finds possible (the fictional 07700 900xxx range is possible, not valid, as written numbers are
    // kept); a run with neither is not stored.
    const readings = [{ digits: run.digits, end: run.end }, ...(run.prefixes ?? [])].map((r) => ({
      ...r,
      phone: toE164(r.digits, region),
    }));
    const best = readings.find((r) => r.phone?.valid === true) ?? readings.find((r) => r.phone !== undefined);
    if (best?.phone !== undefined) out.push({ start: run.start, end: best.end, ...best.phone });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The longest prefix of the groups from `start` that parses as a phone (at most MAX_PHONE_CHARS long). */
function longestPhoneAt(
  text: string,
  normalized: string,
  start: number,
  groups: ReadonlyArray<{ end: number }>,
  region: CountryCode,
): PhoneCandidate | undefined {
  for (let i = Math.min(groups.length, MAX_GROUPS) - 1; i >= 0; i -= 1) {
    const end = (groups[i] as { end: number }).end;
    if (end - start > MAX_PHONE_CHARS || !endsCleanly(text, end) || AMOUNT_AFTER.test(normalized.slice(end, end + 8))) continue;
    const phone = toE164(text.slice(start, end), region);
    if (phone !== undefined) return { start, end, ...phone };
  }
  return undefined;
}
