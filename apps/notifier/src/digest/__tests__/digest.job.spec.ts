import { randomUUID } from 'node:crypto';
import { digestOf } from '../digest.job';
import type { HeldItem } from '../digest.repository';

const item = (title: string, severity: string): HeldItem => ({
  id: randomUUID(),
  channelId: randomUUID(),
  channelKind: 'email',
  title,
  severity,
  link: null,
  occurredAt: new Date('2026-06-01T10:00:00Z'),
});

describe('digestOf', () => {
  it('lists the held notifications under the highest severity', () => {
    expect(digestOf([item('Follow up: quote', 'info'), item('Usage dropped', 'warning')])).toEqual({
      severity: 'warning',
      title: 'Daily digest: 2 notifications',
      body: '- [info] Follow up: quote\n- [warning] Usage dropped',
    });
    expect(digestOf([item('One', 'info')]).title).toBe('Daily digest: 1 notification');
  });

  it('lists at most 50 and says how many more', () => {
    const body = digestOf(Array.from({ length: 53 }, (_, i) => item(`n${i}`, 'info'))).body;
    expect(body.split('\n')).toHaveLength(51);
    expect(body).toContain('…and 3 more');
  });
});
