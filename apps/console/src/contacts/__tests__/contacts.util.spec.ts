import {
  contactListQuery,
  contactName,
  exportBaseName,
  filtersFromParams,
  filtersToParams,
  formatConfidence,
  NO_FILTERS,
  provenanceRows,
} from '../contacts.util';

describe('contact filters', () => {
  it('reads only valid filters from the URL', () => {
    expect(filtersFromParams(new URLSearchParams('search=dana&intent=booking&lead=true&seen_since=2026-12-01'))).toEqual({
      search: 'dana',
      intent: 'booking',
      lead: 'true',
      seenSince: '2026-12-01',
    });
    expect(filtersFromParams(new URLSearchParams('intent=shouting&lead=maybe&seen_since=yesterday'))).toEqual(NO_FILTERS);
  });

  it('writes only the filters that are set, trimmed', () => {
    expect(filtersToParams({ ...NO_FILTERS, search: '  dana ', lead: 'false' })).toEqual({ search: 'dana', lead: 'false' });
    expect(filtersToParams(NO_FILTERS)).toEqual({});
  });

  it('turns filters and a cursor into the API query; a date is the start of that local day', () => {
    expect(contactListQuery(NO_FILTERS, null, 25)).toEqual({ limit: 25 });
    const query = contactListQuery({ search: ' smith ', intent: 'complaint', lead: 'true', seenSince: '2026-12-01' }, 'abc', 10);
    expect(query).toEqual({
      limit: 10,
      search: 'smith',
      intent: 'complaint',
      lead: 'true',
      seen_since: new Date('2026-12-01T00:00:00').toISOString(),
      cursor: 'abc',
    });
    expect(contactListQuery({ ...NO_FILTERS, search: 'x'.repeat(300) }, null, 5).search).toHaveLength(200);
  });
});

describe('provenance', () => {
  const field = (value: string, confidence: number, correction = false) => ({
    value,
    confidence,
    correction,
    observedAt: '2026-12-06T10:00:00.000Z',
    sourceMessageId: correction ? null : '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
  });

  it('lists name, email and phone first, then the others by name, with the confidence as a percentage', () => {
    const rows = provenanceRows({
      fields: {
        phone: field('+44 7700 900123', 0.87),
        zeta: field('z', 0.5),
        email: field('dana@example.test', 1),
        name: field('Dana', 0.6, true),
      },
    });
    expect(rows.map((r) => [r.label, r.value, r.confidence, r.correction])).toEqual([
      ['Name', 'Dana', '60 %', true],
      ['Email', 'dana@example.test', '100 %', false],
      ['Phone', '+44 7700 900123', '87 %', false],
      ['Zeta', 'z', '50 %', false],
    ]);
    expect(rows[0].sourceMessageId).toBeNull();
    expect(rows[1].sourceMessageId).toBe('1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed');
  });

  it('clamps odd confidences', () => {
    expect([formatConfidence(1.2), formatConfidence(-0.1), formatConfidence(0.875), formatConfidence(Number.NaN)]).toEqual([
      '100 %',
      '0 %',
      '88 %',
      '–',
    ]);
  });

  it('names a contact by name, email, phone, else as unnamed; the export file after them', () => {
    expect(contactName({ name: null, email: null, phone: '+1' })).toBe('+1');
    expect(contactName({ name: null, email: null, phone: null })).toBe('Unnamed visitor');
    expect(exportBaseName({ id: '1b9d6bcd-bbfd', name: null, email: 'dana@example.test', phone: null }, '2026-12-06T10:00:00Z')).toBe(
      'contact-dana@example.test-2026-12-06',
    );
    expect(exportBaseName({ id: '1b9d6bcd-bbfd', name: null, email: null, phone: '+1' }, '2026-12-06T10:00:00Z')).toBe(
      'contact-1b9d6bcd-2026-12-06',
    );
  });
});
