// The notifier's intake, dispatcher and channel administration wired by hand over the real
// database as the app role (RLS applies), with real webhook/Slack/Discord senders against local
// receivers, the real secret box, and NATS replaced by a recorder of what would be published.
import { randomBytes } from 'node:crypto';
import { ServiceMetrics } from '@parley/observability';
import { createPrismaClient, TenantDb, type PrismaClient } from '@parley/persistence';
import { ActionOutcomePublisher } from '../actions/action-outcome.publisher';
import { ActionOutcomeRepository } from '../actions/action-outcome.repository';
import { ActionOutcomeService } from '../actions/action-outcome.service';
import { ChannelAdminService } from '../channel-admin/channel-admin.service';
import { ChannelRepository } from '../channel-admin/channel.repository';
import { ChannelRegistry } from '../channels/channel.registry';
import { DiscordChannel } from '../channels/discord.channel';
import { EmailChannel } from '../channels/email.channel';
import { InboxChannel } from '../channels/inbox.channel';
import { OutboundHttpClient } from '../channels/outbound-http.client';
import type { SecretBox } from '@parley/auth';
import { notifierSecretBox } from '../channels/secret-box.factory';
import { SlackChannel } from '../channels/slack.channel';
import { WebhookChannel } from '../channels/webhook.channel';
import type { NotifierOptions } from '../config/env.schema';
import { ChannelBreakers } from '../delivery/channel-breakers.registry';
import { DeliveryDispatcher } from '../delivery/delivery-dispatcher.service';
import { DeliveryWakeup } from '../delivery/delivery-wakeup.signal';
import { DeliveryMetrics } from '../delivery/delivery.metrics';
import { DeliveryRepository } from '../delivery/delivery.repository';
import { DeliveryLogRepository } from '../delivery-log/delivery-log.repository';
import { DeliveryLogService } from '../delivery-log/delivery-log.service';
import { NotificationIntakeRepository } from '../intake/notification-intake.repository';
import { NotificationIntakeService } from '../intake/notification-intake.service';

export const silent = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silent;
  },
} as never;

export interface Published {
  subject: string;
  frame: Record<string, unknown>;
}

export interface Harness {
  prisma: PrismaClient;
  owner: PrismaClient;
  db: TenantDb;
  options: NotifierOptions;
  secrets: SecretBox;
  intake: NotificationIntakeService;
  outcomes: ActionOutcomeService;
  dispatcher: DeliveryDispatcher;
  channels: ChannelAdminService;
  /** Everything published on NATS (inbox entries, action outcomes), in order. */
  published: Published[];
  close(): Promise<void>;
}

/** Keys shared by every harness of a test file, so a second harness can stand for a restarted notifier. */
export const KEYS = { k1: randomBytes(32), k2: randomBytes(32) };

/** The test database's URLs (TEST_DATABASE_URL: the app role; TEST_DATABASE_OWNER_URL: fixtures). */
export interface TestDatabases {
  app: string;
  owner: string;
}

export function startHarness(databases: TestDatabases, over: Partial<NotifierOptions> = {}): Harness {
  const metrics = new ServiceMetrics('notifier');
  const prisma = createPrismaClient({ databaseUrl: databases.app, poolMax: 4 });
  const owner = createPrismaClient({ databaseUrl: databases.owner, poolMax: 2 });
  const db = new TenantDb(prisma);
  const options: NotifierOptions = {
    secretKeys: new Map([['k1', KEYS.k1]]),
    activeSecretKid: 'k1',
    publicUrl: 'https://parley.test',
    smtpUrl: null,
    emailFrom: 'notifications@parley.test',
    production: false,
    allowPrivateTargets: true,
    httpTimeoutMs: 2_000,
    maxAttempts: 2,
    retryBaseMs: 100,
    retryMaxMs: 200,
    breaker: { errorThresholdPercentage: 50, volumeThreshold: 1_000, resetTimeoutMs: 1_000 },
    pollMs: 60_000,
    dispatchConcurrency: 4,
    leaseMs: 30_000,
    consumerConcurrency: 1,
    digestIntervalMs: 60_000,
    followUpIntervalMs: 60_000,
    ...over,
  };
  const published: Published[] = [];
  const nats = {
    nc: {
      publish: (subject: string, data: Uint8Array) =>
        published.push({ subject, frame: JSON.parse(Buffer.from(data).toString('utf8')) as Record<string, unknown> }),
    },
    namer: { subject: (s: string) => s },
  } as never;
  const deliveryMetrics = new DeliveryMetrics(metrics);
  const wakeup = new DeliveryWakeup();
  const secrets = notifierSecretBox(options);
  const http = new OutboundHttpClient(options);
  const email = new EmailChannel(options);
  const registry = new ChannelRegistry({
    inbox: new InboxChannel(nats),
    webhook: new WebhookChannel(http),
    slack: new SlackChannel(http),
    discord: new DiscordChannel(http),
    email,
  });
  const breakers = new ChannelBreakers(options, deliveryMetrics);
  const outcomes = new ActionOutcomeService(new ActionOutcomeRepository(), new ActionOutcomePublisher(nats));
  const dispatcher = new DeliveryDispatcher(
    db,
    new DeliveryRepository(prisma),
    registry,
    breakers,
    secrets,
    deliveryMetrics,
    wakeup,
    outcomes,
    options,
    silent,
  );
  const intake = new NotificationIntakeService(
    db,
    new NotificationIntakeRepository(),
    new ActionOutcomeRepository(),
    wakeup,
    deliveryMetrics,
    silent,
  );
  const channelRepo = new ChannelRepository();
  const deliveryLog = new DeliveryLogService(db, new DeliveryLogRepository(), channelRepo, dispatcher, wakeup, options);
  const channels = new ChannelAdminService(db, channelRepo, secrets, breakers, deliveryLog, options);
  return {
    prisma,
    owner,
    db,
    options,
    secrets,
    intake,
    outcomes,
    dispatcher,
    channels,
    published,
    close: async () => {
      breakers.shutdown();
      await email.close();
      await prisma.$disconnect();
      await owner.$disconnect();
    },
  };
}

/** Sends every due delivery of the scope once, as the dispatcher would after claiming them (only this scope's rows). */
export async function sendDue(h: Harness, scope: string): Promise<number> {
  const ids = await h.db.run(scope, async (tx) => {
    const due = await tx.notificationDelivery.findMany({
      where: { tenantId: scope, status: 'pending', nextAttemptAt: { lte: new Date(Date.now() + 60_000) } },
      select: { id: true },
    });
    await tx.notificationDelivery.updateMany({
      where: { id: { in: due.map((d) => d.id) } },
      data: { status: 'sending', lockedUntil: new Date(Date.now() + h.options.leaseMs) },
    });
    return due.map((d) => d.id);
  });
  for (const id of ids) await h.dispatcher.deliver({ id, tenantId: scope });
  return ids.length;
}

export const systemActor = { type: 'system' as const, id: null };
