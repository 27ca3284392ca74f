import { randomUUID } from 'node:crypto';
import {
  TenantDeactivatedEvent,
  TenantKeyRotatedEvent,
  TenantUpdatedEvent,
  type TenantDeactivated,
  type TenantUpdated,
} from '@parley/contracts';
import { encodeJson } from '../publishing/json-codec';
import { TenantEventsSubscriber } from '../tenant-events/tenant-events.subscriber';
import { natsTestContext, sleep, type NatsTestContext } from './nats-test-context';

const url = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
jest.setTimeout(30_000);

describe('TenantEventsSubscriber', () => {
  let ctx: NatsTestContext;
  beforeEach(async () => {
    ctx = await natsTestContext(url);
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  async function until(check: () => boolean): Promise<void> {
    for (let tries = 0; !check() && tries < 100; tries++) await sleep(20);
  }

  it('hands each tenant event published through JetStream to its handler, ignores an unreadable one, and stops', async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (_: unknown, msg: string) => void warnings.push(msg) };
    const updated: TenantUpdated[] = [];
    const deactivated: TenantDeactivated[] = [];
    const subscriber = new TenantEventsSubscriber(ctx.client, logger);
    // No keyRotated handler: that subject is not subscribed.
    subscriber.start({ updated: (e) => updated.push(e), deactivated: (e) => deactivated.push(e) });
    await subscriber.ready();

    const tenantId = randomUUID();
    const occurredAt = new Date().toISOString();
    const publish = (subject: string, payload: unknown) => ctx.client.js.publish(ctx.client.namer.subject(subject), encodeJson(payload));
    await publish(TenantUpdatedEvent.subjectFor(tenantId), { version: 1, tenantId, changedFields: ['degrade'], occurredAt });
    await publish(TenantKeyRotatedEvent.subjectFor(tenantId), {
      version: 1,
      tenantId,
      newKeyId: randomUUID(),
      newKeyPrefix: 'sk_live_ab',
      revokedKeyIds: [],
      occurredAt,
    });
    await publish(TenantDeactivatedEvent.subjectFor(tenantId), { version: 1, tenantId, reason: 'unpaid', occurredAt });
    // Not an evt.tenant.updated payload (no changedFields): logged and ignored.
    await publish(TenantUpdatedEvent.subjectFor(tenantId), { version: 1, tenantId, occurredAt });
    await until(() => updated.length > 0 && deactivated.length > 0 && warnings.length > 0);

    expect(updated).toEqual([{ version: 1, tenantId, changedFields: ['degrade'], occurredAt }]);
    expect(deactivated).toEqual([{ version: 1, tenantId, reason: 'unpaid', occurredAt }]);
    expect(warnings).toEqual(['ignored an unreadable tenant event']);

    subscriber.stop();
    await publish(TenantUpdatedEvent.subjectFor(tenantId), { version: 1, tenantId, changedFields: ['llm'], occurredAt });
    await ctx.client.nc.flush();
    await sleep(100);
    expect(updated).toHaveLength(1);
  });
});
