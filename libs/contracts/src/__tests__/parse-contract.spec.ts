import { z } from 'zod';
import { defineMessage, parseContract, toFieldIssues } from '../index';

const Sample = defineMessage(
  'sample',
  (id) => `sample.${id}`,
  z.object({ version: z.literal(1), items: z.array(z.object({ id: z.uuid() })) }),
);

describe('parseContract', () => {
  it('returns the parsed value on success', () => {
    expect(parseContract(Sample, { version: 1, items: [] })).toEqual({ ok: true, value: { version: 1, items: [] } });
  });

  it('strips unknown keys (zod object default) so extra fields never reach handlers', () => {
    const result = parseContract(Sample, { version: 1, items: [], extra: 'x' });
    expect(result).toEqual({ ok: true, value: { version: 1, items: [] } });
  });

  it('lists every offending field with a dotted path and names the contract', () => {
    const result = parseContract(Sample, { version: 2, items: [{ id: 'x' }] });
    expect(result).toEqual({
      ok: false,
      error: {
        contract: 'sample',
        message: 'sample payload is invalid (version, items.0.id)',
        issues: [
          expect.objectContaining({ path: 'version', code: 'invalid_value' }),
          expect.objectContaining({ path: 'items.0.id', code: 'invalid_format' }),
        ],
      },
    });
  });

  it.each([null, 'text', 42, []])('reports a non-object payload %j at (root)', (data) => {
    const result = parseContract(Sample, data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues[0].path).toBe('(root)');
  });

  it('caps the number of issues', () => {
    const schema = z.array(z.string());
    expect(toFieldIssues(schema.safeParse(Array.from({ length: 80 }, (_, i) => i)).error!.issues)).toHaveLength(50);
  });
});
