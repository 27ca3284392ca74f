import { applyObservation, mergeFieldRecords, readFieldRecords, type FieldObservation } from '../contacts/contact-fields';

const obs = (value: string, over: Partial<FieldObservation> = {}): FieldObservation => ({
  value,
  sourceMessageId: null,
  confidence: 0.8,
  correction: false,
  observedAt: '2026-11-23T10:00:00.000Z',
  ...over,
});

describe('contact field provenance', () => {
  it('keeps the first value on a confidence tie and records the other as an alternate', () => {
    const record = applyObservation(
      applyObservation(undefined, obs('+447700900123')),
      obs('+447700900999', { observedAt: '2026-11-23T10:01:00.000Z' }),
    );
    expect(record.value).toBe('+447700900123');
    expect(record.alternates.map((a) => a.value)).toEqual(['+447700900999']);
  });

  it('lets a strictly more confident value win', () => {
    const record = applyObservation(applyObservation(undefined, obs('Dave', { confidence: 0.5 })), obs('David', { confidence: 0.9 }));
    expect(record.value).toBe('David');
    expect(record.alternates.map((a) => a.value)).toEqual(['Dave']);
  });

  it('lets a correction win over a more confident value, and a later correction over an earlier one', () => {
    let record = applyObservation(undefined, obs('+447700900123', { confidence: 0.99, sourceMessageId: 'm1' }));
    record = applyObservation(
      record,
      obs('+447700900456', { confidence: 0.6, correction: true, sourceMessageId: 'm2', observedAt: '2026-11-23T10:02:00.000Z' }),
    );
    expect(record).toMatchObject({ value: '+447700900456', sourceMessageId: 'm2', correction: true });
    record = applyObservation(
      record,
      obs('+447700900789', { confidence: 0.99, sourceMessageId: 'm3', observedAt: '2026-11-23T10:03:00.000Z' }),
    );
    expect(record.value).toBe('+447700900456');
    record = applyObservation(
      record,
      obs('+447700900000', { correction: true, sourceMessageId: 'm4', observedAt: '2026-11-23T10:04:00.000Z' }),
    );
    expect(record.value).toBe('+447700900000');
    expect(record.alternates.map((a) => a.value)).toEqual(['+447700900456', '+447700900789', '+447700900123']);
  });

  it('repeating the same value keeps one record with the strongest evidence', () => {
    const record = applyObservation(
      applyObservation(undefined, obs('dave@example.com', { confidence: 0.7 })),
      obs('dave@example.com', { confidence: 0.95, sourceMessageId: 'm9' }),
    );
    expect(record).toMatchObject({ value: 'dave@example.com', confidence: 0.95, sourceMessageId: 'm9', alternates: [] });
  });

  it('merges two contacts field by field', () => {
    const a = { name: { ...obs('Dave'), alternates: [] }, email: { ...obs('dave@example.com'), alternates: [] } };
    const b = { phone: { ...obs('+447700900123'), alternates: [] }, name: { ...obs('David', { correction: true }), alternates: [] } };
    const merged = mergeFieldRecords(a, b);
    expect(merged.name?.value).toBe('David');
    expect(merged.email?.value).toBe('dave@example.com');
    expect(merged.phone?.value).toBe('+447700900123');
  });

  it('reads stored attributes defensively', () => {
    expect(readFieldRecords(null)).toEqual({});
    expect(readFieldRecords({ fields: 'nope' })).toEqual({});
    expect(
      readFieldRecords({ fields: { name: { value: 3 }, email: { ...obs('a@b.co'), alternates: [{ bogus: true }, obs('c@d.co')] } } }),
    ).toEqual({
      email: { ...obs('a@b.co'), alternates: [obs('c@d.co')] },
    });
  });
});
