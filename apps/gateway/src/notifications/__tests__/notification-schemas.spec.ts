import { channelIdParamSchema, createChannelBodySchema, rotateSecretBodySchema, updateChannelBodySchema } from '../dto/channels.schemas';
import { deliveryQuerySchema, redriveBodySchema } from '../dto/deliveries.schemas';
import { inboxQuerySchema, markReadBodySchema } from '../dto/inbox.schemas';
import { ruleBodySchema } from '../dto/rules.schemas';

const id = '7a0e5d2c-1b3f-4c8a-9d6e-000000000001';

/** Dotted paths of the issues a schema reports for `value` (what the 400 problem lists). */
function failedPaths(
  schema: { safeParse(value: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } } },
  value: unknown,
): string[] {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`${JSON.stringify(value)} was accepted`);
  return result.error!.issues.map((issue) => issue.path.map(String).join('.'));
}

describe('inbox query and mark-read body', () => {
  it('defaults to every entry, 20 a page', () => {
    expect(inboxQuerySchema.parse({})).toEqual({ unread_only: false, limit: 20 });
    expect(inboxQuerySchema.parse({ unread_only: 'true', limit: '5', cursor: 'abc' })).toEqual({
      unread_only: true,
      limit: 5,
      cursor: 'abc',
    });
  });

  it.each([
    [{ unread_only: 'yes' }, 'unread_only'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ user_id: id }, ''],
  ])('refuses %j', (query, path) => {
    expect(failedPaths(inboxQuerySchema, query)).toContain(path);
  });

  it('takes ids or all: true', () => {
    expect(markReadBodySchema.parse({ ids: [id] })).toEqual({ ids: [id] });
    expect(markReadBodySchema.parse({ all: true })).toEqual({ all: true });
  });

  it.each([
    [{}, 'ids'],
    [{ ids: [id], all: true }, 'ids'],
    [{ ids: [] }, 'ids'],
    [{ ids: ['not-a-uuid'] }, 'ids.0'],
    [{ all: false }, 'all'],
    [{ ids: [id], user_id: id }, ''],
  ])('refuses %j', (body, path) => {
    expect(failedPaths(markReadBodySchema, body)).toContain(path);
  });
});

describe('channel bodies', () => {
  it('creates enabled channels by default', () => {
    expect(createChannelBodySchema.parse({ name: ' Ops ', settings: { kind: 'webhook', url: 'https://hooks.example/x' } })).toEqual({
      name: 'Ops',
      enabled: true,
      settings: { kind: 'webhook', url: 'https://hooks.example/x' },
    });
  });

  it.each([
    [{ settings: { kind: 'webhook', url: 'https://hooks.example/x' } }, 'name'],
    [{ name: 'x', settings: { kind: 'sms', url: 'https://hooks.example/x' } }, 'settings.kind'],
    [{ name: 'x', settings: { kind: 'webhook', url: 'ftp://hooks.example/x' } }, 'settings.url'],
    [{ name: 'x', settings: { kind: 'slack' } }, 'settings.url'],
    [{ name: 'x', settings: { kind: 'email', to: [] } }, 'settings.to'],
    [{ name: 'x', settings: { kind: 'email', to: ['not-an-email'] } }, 'settings.to.0'],
    [{ name: 'x', settings: { kind: 'email', to: ['a@b.example'], senderName: 'camel' } }, 'settings'],
    [{ name: 'x', settings: { kind: 'webhook', url: 'https://hooks.example/x', secret: 'mine' } }, 'settings'],
    [{ name: 'x', tenant_id: id, settings: { kind: 'webhook', url: 'https://hooks.example/x' } }, ''],
  ])('refuses %j', (body, path) => {
    expect(failedPaths(createChannelBodySchema, body)).toContain(path);
  });

  it('patches any of name, enabled, settings, but at least one', () => {
    expect(updateChannelBodySchema.parse({ enabled: false })).toEqual({ enabled: false });
    expect(failedPaths(updateChannelBodySchema, {})).toEqual(['']);
    expect(failedPaths(updateChannelBodySchema, { kind: 'slack' })).toContain('');
  });

  it('rotates with a day of grace unless told otherwise, with or without a body', () => {
    expect(rotateSecretBodySchema.parse(undefined)).toEqual({ grace_seconds: 86_400 });
    expect(rotateSecretBodySchema.parse({})).toEqual({ grace_seconds: 86_400 });
    expect(rotateSecretBodySchema.parse({ grace_seconds: 0 })).toEqual({ grace_seconds: 0 });
    expect(failedPaths(rotateSecretBodySchema, { grace_seconds: 8 * 86_400 })).toEqual(['grace_seconds']);
    expect(failedPaths(rotateSecretBodySchema, { grace_seconds: 1.5 })).toEqual(['grace_seconds']);
  });

  it('takes uuids as channel ids', () => {
    expect(channelIdParamSchema.safeParse('42').success).toBe(false);
  });
});

describe('rule body', () => {
  it('fills in the defaults of a minimal rule', () => {
    expect(ruleBodySchema.parse({ name: 'All to admins' })).toEqual({
      name: 'All to admins',
      enabled: true,
      kinds: [],
      min_severity: 'info',
      channel_ids: [],
      inbox_user_ids: [],
      inbox_roles: [],
      quiet_hours: null,
      digest: false,
      digest_hour: 8,
    });
  });

  it.each([
    [{}, 'name'],
    [{ name: 'x', kinds: ['weather'] }, 'kinds.0'],
    [{ name: 'x', min_severity: 'loud' }, 'min_severity'],
    [{ name: 'x', channel_ids: ['nope'] }, 'channel_ids.0'],
    [{ name: 'x', inbox_roles: ['visitor'] }, 'inbox_roles.0'],
    [{ name: 'x', quiet_hours: { start: '25:00', end: '07:00' } }, 'quiet_hours.start'],
    [{ name: 'x', digest_hour: 24 }, 'digest_hour'],
    [{ name: 'x', minSeverity: 'info' }, ''],
  ])('refuses %j', (body, path) => {
    expect(failedPaths(ruleBodySchema, body)).toContain(path);
  });
});

describe('delivery query and redrive body', () => {
  it('filters by status and channel', () => {
    expect(deliveryQuerySchema.parse({ status: 'dead', channel_id: id })).toEqual({ status: 'dead', channel_id: id, limit: 20 });
    expect(failedPaths(deliveryQuerySchema, { status: 'lost' })).toEqual(['status']);
  });

  it('redrives listed deliveries or a channel, not both, not neither', () => {
    expect(redriveBodySchema.parse({ delivery_ids: [id] })).toEqual({ delivery_ids: [id] });
    expect(redriveBodySchema.parse({ channel_id: id })).toEqual({ channel_id: id });
    expect(failedPaths(redriveBodySchema, {})).toEqual(['delivery_ids']);
    expect(failedPaths(redriveBodySchema, { delivery_ids: [id], channel_id: id })).toEqual(['delivery_ids']);
    expect(failedPaths(redriveBodySchema, { delivery_ids: Array.from({ length: 101 }, () => id) })).toEqual(['delivery_ids']);
  });
});
