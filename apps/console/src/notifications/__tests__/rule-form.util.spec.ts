import { formToRuleRequest, NEW_RULE, ruleProblems, ruleSummary, ruleToForm, toggled, type Rule } from '../rule-form.util';

const rule: Rule = {
  id: 'r1',
  name: 'Urgent to ops',
  enabled: true,
  kinds: ['urgent_callback', 'safety'],
  min_severity: 'warning',
  channel_ids: ['c1'],
  inbox_roles: ['tenant_admin'],
  inbox_user_ids: ['u1', 'u2'],
  quiet_hours: { start: '22:00', end: '07:00', timezone: 'Europe/London' },
  digest: true,
  digest_hour: 9,
  created_at: '2026-12-06T10:00:00Z',
  updated_at: '2026-12-06T10:00:00Z',
};

describe('rule form ↔ API', () => {
  it('round-trips a rule through the form', () => {
    const { id: _id, created_at: _c, updated_at: _u, ...request } = rule;
    expect(formToRuleRequest(ruleToForm(rule))).toEqual(request);
  });

  it('sends no quiet hours when they are off, no time zone when empty, and a default hour without a digest', () => {
    const body = formToRuleRequest({ ...NEW_RULE, name: ' All ', quietHours: false, digestHour: '' });
    expect(body).toEqual({
      name: 'All',
      enabled: true,
      kinds: [],
      min_severity: 'info',
      channel_ids: [],
      inbox_roles: [],
      inbox_user_ids: [],
      quiet_hours: null,
      digest: false,
      digest_hour: 8,
    });
    expect(formToRuleRequest({ ...NEW_RULE, name: 'Q', quietHours: true, quietTimezone: ' ' }).quiet_hours).toEqual({
      start: '22:00',
      end: '07:00',
    });
  });

  it('names the problems by the API’s field paths', () => {
    expect(ruleProblems({ ...NEW_RULE, name: 'ok' })).toEqual({});
    expect(
      ruleProblems({ ...NEW_RULE, name: ' ', digest: true, digestHour: '24', quietHours: true, quietStart: '7', quietEnd: '7' }),
    ).toEqual({
      name: expect.any(String),
      digest_hour: expect.any(String),
      'quiet_hours.start': expect.any(String),
      'quiet_hours.end': expect.any(String),
    });
  });

  it('summarises what a rule does', () => {
    expect(ruleSummary(rule, (id) => (id === 'c1' ? 'Ops hook' : undefined))).toBe(
      'Urgent callback, Safety · warning and up · to Ops hook, Admins’ inbox, 2 people · quiet 22:00–07:00 Europe/London · daily digest at 09:00',
    );
    expect(
      ruleSummary(
        {
          ...rule,
          kinds: [],
          min_severity: 'info',
          channel_ids: ['gone'],
          inbox_roles: [],
          inbox_user_ids: [],
          quiet_hours: null,
          digest: false,
        },
        () => undefined,
      ),
    ).toBe('Every kind · any severity · to a deleted channel');
  });

  it('toggles a value in a list', () => {
    expect(toggled(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggled(['a'], 'a', true)).toEqual(['a']);
  });
});
