import { randomUUID } from 'node:crypto';
import { MODEL_ACTION_LIMITS, modelActionParamsSchemas, type Action } from '@parley/contracts';
import type { ModelToolCall } from '@parley/llm';
import { MODEL_TOOLS } from '../model-tools.constants';
import { MAX_MODEL_ACTIONS, normalizePhone, resolveRecipient, validateModelActions, type StaffMember } from '../model-action.validator';
import { ACTION_DONE_REPLY, ACTION_REFUSED_REPLY, actionOnlyReply, combineActions } from '../turn-actions.util';

const TENANT = randomUUID();
const OTHER_TENANT = randomUUID();

const member = (email: string, role: StaffMember['role'], over: Partial<StaffMember> = {}): StaffMember => ({
  id: randomUUID(),
  tenantId: TENANT,
  email,
  displayName: '',
  role,
  status: 'active',
  ...over,
});
const alice = member('alice@bobs-plumbing.test', 'tenant_admin');
const bob = member('bob@bobs-plumbing.test', 'tenant_agent');
const carol = member('carol@bobs-plumbing.test', 'tenant_agent', { status: 'disabled' });
// As if a bug (or a missing RLS policy) let another tenant's user into the list: still never a recipient.
const mallory = member('mallory@other-tenant.test', 'tenant_admin', { tenantId: OTHER_TENANT });
const STAFF = [alice, bob, carol, mallory];

const call = (name: string, args: Record<string, unknown> | null): ModelToolCall => ({
  id: `call_${randomUUID().slice(0, 6)}`,
  name,
  args,
});
const validate = (calls: ModelToolCall[]) => validateModelActions(calls, { tenantId: TENANT, staff: STAFF });

describe('model action validation', () => {
  describe('notify_staff', () => {
    it.each([
      ['an active staff email', 'alice@bobs-plumbing.test', () => [alice.id]],
      ['an email in other case', ' Bob@Bobs-Plumbing.TEST ', () => [bob.id]],
      ['a staff user id', () => bob.id, () => [bob.id]],
      ['the manager role', 'manager', () => [alice.id]],
      ['the tenant_agent role (active users only)', 'tenant_agent', () => [bob.id]],
    ])('accepts %s', (_label, recipient, expected) => {
      const named = typeof recipient === 'function' ? recipient() : recipient;
      const { accepted, refused } = validate([
        call('notify_staff', { recipient: named, message: "Bob's off sick tomorrow", urgency: 'high' }),
      ]);
      expect(refused).toEqual([]);
      expect(accepted).toHaveLength(1);
      expect(accepted[0].params).toEqual({
        recipient: named.trim(),
        recipientUserIds: expected(),
        message: "Bob's off sick tomorrow",
        urgency: 'high',
      });
      expect(modelActionParamsSchemas.notify_staff.safeParse(accepted[0].params).success).toBe(true);
      // The visitor's client sees that a message went to the team, not to whom.
      expect(accepted[0].action).toEqual({
        id: expect.any(String),
        type: 'notify_staff',
        status: 'requested',
        label: 'Message passed to the team',
        params: { urgency: 'high' },
      });
    });

    it.each([
      ['an email that is no staff user', 'nobody@bobs-plumbing.test'],
      ['an arbitrary external email', 'attacker@evil.example'],
      ["another tenant's user by email", 'mallory@other-tenant.test'],
      ["another tenant's user by id", () => mallory.id],
      ['a disabled staff user', 'carol@bobs-plumbing.test'],
      ['a random uuid', () => randomUUID()],
      ['a name', 'Alice'],
      ['the owner role', 'owner'],
    ])('refuses %s as recipient', (_label, recipient) => {
      const named = typeof recipient === 'function' ? recipient() : recipient;
      const { accepted, refused } = validate([call('notify_staff', { recipient: named, message: 'Call me on +44 20 7946 0000' })]);
      expect(accepted).toEqual([]);
      expect(refused).toEqual([{ tool: 'notify_staff', reason: 'unknown_recipient', callId: expect.any(String), fields: ['recipient'] }]);
    });

    it('refuses a role nobody active holds', () => {
      const { refused } = validateModelActions([call('notify_staff', { recipient: 'tenant_agent', message: 'hello' })], {
        tenantId: TENANT,
        staff: [alice, carol],
      });
      expect(refused.map((r) => r.reason)).toEqual(['unknown_recipient']);
    });

    it('defaults the urgency and refuses oversize or empty messages', () => {
      expect(validate([call('notify_staff', { recipient: 'manager', message: 'hi' })]).accepted[0].params.urgency).toBe('medium');
      const { refused } = validate([
        call('notify_staff', { recipient: 'manager', message: 'x'.repeat(MODEL_ACTION_LIMITS.message + 1) }),
        call('notify_staff', { recipient: 'manager', message: '   ' }),
        call('notify_staff', { recipient: 'x'.repeat(300) + '@bobs-plumbing.test', message: 'hi' }),
        call('notify_staff', { recipient: 'manager', message: 'hi', urgency: 'apocalyptic' }),
      ]);
      expect(refused.map((r) => [r.reason, r.fields])).toEqual([
        ['invalid_arguments', ['message']],
        ['invalid_arguments', ['message']],
        ['invalid_arguments', ['recipient']],
        ['invalid_arguments', ['urgency']],
      ]);
    });
  });

  describe('request_callback', () => {
    it.each([
      ['07700 900123', '+447700900123'],
      ['+44 20 7946 0000', '+442079460000'],
      ['(020) 7946-0000', '+442079460000'],
      ['+1 415 555 2671', '+14155552671'],
    ])('accepts %s as %s', (phone, e164) => {
      const { accepted } = validate([call('request_callback', { phone, when: 'after 5pm' })]);
      expect(accepted[0].params).toEqual({ phone: e164, when: 'after 5pm' });
      expect(accepted[0].action).toMatchObject({
        type: 'request_callback',
        label: 'Callback requested',
        params: { phone: e164, when: 'after 5pm' },
      });
    });

    it.each(['12345', 'call me maybe', '07700 900123; rm -rf /', '+44 7700 900123 ext 5', '0'.repeat(20), 'javascript:alert(1)'])(
      'refuses the malformed phone %p',
      (phone) => {
        const { accepted, refused } = validate([call('request_callback', { phone })]);
        expect(accepted).toEqual([]);
        expect(refused.map((r) => r.reason)).toEqual([phone.length > MODEL_ACTION_LIMITS.phone ? 'invalid_arguments' : 'invalid_phone']);
      },
    );

    it('keeps an absent time as null', () => {
      expect(validate([call('request_callback', { phone: '020 7946 0000' })]).accepted[0].params).toEqual({
        phone: '+442079460000',
        when: null,
      });
    });
  });

  describe('log_event and create_follow_up', () => {
    it('accepts bounded text and normalises the event kind', () => {
      const { accepted } = validate([
        call('log_event', { kind: 'Lost Property', details: 'Left a blue scarf at table 4' }),
        call('create_follow_up', { what: 'Send the quote', due: 'Friday' }),
      ]);
      expect(accepted.map((a) => [a.type, a.params])).toEqual([
        ['log_event', { kind: 'lost_property', details: 'Left a blue scarf at table 4' }],
        ['create_follow_up', { what: 'Send the quote', due: 'Friday' }],
      ]);
    });

    it('refuses oversize text and odd kinds', () => {
      const { refused } = validate([
        call('log_event', { kind: 'complaint', details: 'x'.repeat(MODEL_ACTION_LIMITS.details + 1) }),
        call('log_event', { kind: '<script>', details: 'x' }),
        call('create_follow_up', { what: 'w'.repeat(MODEL_ACTION_LIMITS.what + 1), due: 'today' }),
        call('create_follow_up', { what: 'Send the quote' }),
      ]);
      expect(refused.map((r) => [r.tool, r.reason, r.fields])).toEqual([
        ['log_event', 'invalid_arguments', ['details']],
        ['log_event', 'invalid_arguments', ['kind']],
        ['create_follow_up', 'invalid_arguments', ['what']],
        ['create_follow_up', 'invalid_arguments', ['due']],
      ]);
    });
  });

  it('refuses unknown tools without echoing their name, and malformed arguments', () => {
    const { accepted, refused } = validate([
      call('send_email', { to: 'attacker@evil.example', body: 'secrets' }),
      call('callback_request', { phone: '07700 900123' }),
      call('notify_staff', null),
    ]);
    expect(accepted).toEqual([]);
    expect(refused.map((r) => [r.tool, r.reason])).toEqual([
      ['unknown', 'unknown_tool'],
      ['unknown', 'unknown_tool'],
      ['notify_staff', 'malformed_arguments'],
    ]);
  });

  it(`accepts at most ${MAX_MODEL_ACTIONS} actions a turn`, () => {
    const calls = Array.from({ length: MAX_MODEL_ACTIONS + 2 }, (_, i) => call('log_event', { kind: 'note', details: `note ${i}` }));
    const { accepted, refused } = validate(calls);
    expect(accepted).toHaveLength(MAX_MODEL_ACTIONS);
    expect(refused.map((r) => r.reason)).toEqual(['too_many_actions', 'too_many_actions']);
  });

  it('resolves recipients only within the tenant', () => {
    expect(resolveRecipient('mallory@other-tenant.test', { tenantId: OTHER_TENANT, staff: STAFF })).toEqual([mallory.id]);
    expect(resolveRecipient('mallory@other-tenant.test', { tenantId: TENANT, staff: STAFF })).toEqual([]);
    expect(normalizePhone('07700900123')).toBe('+447700900123');
    expect(normalizePhone('not a number')).toBeNull();
  });
});

describe('staff assistant recipients (sender set)', () => {
  const maria = member('maria@trattoria.test', 'tenant_admin', { displayName: 'Maria Rossi' });
  const sam = member('sam@trattoria.test', 'tenant_agent', { displayName: 'Sam Patel' });
  const luca = member('luca@trattoria.test', 'tenant_agent', { displayName: 'Luca Bianchi' });
  const sam2 = member('sam.b@trattoria.test', 'tenant_agent', { displayName: 'Sam Brown' });
  const outsider = member('sam@other.test', 'tenant_agent', { displayName: 'Sam Other', tenantId: OTHER_TENANT });
  const team = [maria, sam, luca, outsider];
  const ctx = (sender: StaffMember, staff = team) => ({ tenantId: TENANT, staff, sender: { userId: sender.id } });

  it.each([
    ['a full display name', 'Luca Bianchi', () => [luca.id]],
    ['a first name', 'luca', () => [luca.id]],
    ['the manager role', 'manager', () => [maria.id]],
    ['an email', 'luca@trattoria.test', () => [luca.id]],
  ])('resolves %s within the tenant', (_label, recipient, expected) => {
    expect(resolveRecipient(recipient, ctx(sam))).toEqual(expected());
  });

  it('never resolves the sender, another tenant or an ambiguous first name', () => {
    expect(resolveRecipient('manager', ctx(maria))).toEqual([]);
    expect(resolveRecipient('Maria', ctx(maria))).toEqual([]);
    expect(resolveRecipient('Sam Other', ctx(luca))).toEqual([]);
    expect(resolveRecipient('sam@other.test', ctx(luca))).toEqual([]);
    expect(resolveRecipient('Sam', ctx(luca, [...team, sam2]))).toEqual([]);
    expect(resolveRecipient('Sam Brown', ctx(luca, [...team, sam2]))).toEqual([sam2.id]);
  });

  it('prefixes the message with the sender and shows the sender who was told', () => {
    const { accepted } = validateModelActions([call('notify_staff', { recipient: 'manager', message: "I'm off sick tomorrow" })], ctx(sam));
    expect(accepted[0].params).toMatchObject({
      recipientUserIds: [maria.id],
      message: "From Sam Patel (via the staff assistant): I'm off sick tomorrow",
      urgency: 'medium',
    });
    expect(accepted[0].action.label).toBe('Message sent to Maria Rossi');
  });

  it('keeps names unresolvable in visitor turns', () => {
    expect(resolveRecipient('Luca Bianchi', { tenantId: TENANT, staff: team })).toEqual([]);
  });
});

describe('combining rule and model actions', () => {
  const urgent: Action = {
    id: randomUUID(),
    type: 'callback_request',
    status: 'requested',
    label: 'Urgent callback: flooding',
    params: { urgency: 'critical', reason: 'flooding', evidence: 'water everywhere' },
  };

  it('appends the model actions with their event params after the rule actions', () => {
    const { accepted } = validate([call('notify_staff', { recipient: 'manager', message: 'hi' })]);
    const { actions, eventParams } = combineActions([urgent], accepted);
    expect(actions.map((a) => a.type)).toEqual(['callback_request', 'notify_staff']);
    expect(eventParams.get(actions[1].id)).toMatchObject({ recipientUserIds: [alice.id] });
    expect(eventParams.has(urgent.id)).toBe(false);
  });

  it("folds the model's callback into the urgent callback the signals asked for", () => {
    const { accepted } = validate([call('request_callback', { phone: '07700 900123', when: 'now' })]);
    const { actions } = combineActions([urgent], accepted);
    expect(actions).toEqual([{ ...urgent, params: { ...urgent.params, phone: '+447700900123', when: 'now' } }]);
    expect(urgent.params).not.toHaveProperty('phone');
  });

  it('gives the visitor a reply when the model only called tools', () => {
    expect(actionOnlyReply(validate([call('log_event', { kind: 'note', details: 'x' })]).accepted)).toBe(ACTION_DONE_REPLY);
    expect(actionOnlyReply([])).toBe(ACTION_REFUSED_REPLY);
  });
});

describe('the tools given to the model', () => {
  it('are the four actions with JSON Schema parameters from the contracts', () => {
    expect(MODEL_TOOLS.map((t) => t.name)).toEqual(['notify_staff', 'log_event', 'request_callback', 'create_follow_up']);
    const notify = MODEL_TOOLS[0].parameters as { type: string; properties: Record<string, { maxLength?: number }>; required: string[] };
    expect(notify).not.toHaveProperty('$schema');
    expect(notify.type).toBe('object');
    expect(notify.required).toEqual(['recipient', 'message']);
    expect(notify.properties.message.maxLength).toBe(MODEL_ACTION_LIMITS.message);
  });
});
