import { CONSUMERS, DLQ_STREAM, EVENTS_STREAM } from '@parley/contracts';

/** The six deployable services, their HTTP ports and (for event consumers) their durable. */
export interface ParleyService {
  name: string;
  port: number;
  consumer?: string;
  /** Secrets beyond DATABASE_URL and REDIS_URL that only this service receives (required ones: its env schema decides). */
  extraSecrets: string[];
}

export const PARLEY_SERVICES: readonly ParleyService[] = [
  { name: 'gateway', port: 3000, extraSecrets: ['AUTH_SIGNING_KEYS'] },
  { name: 'chat', port: 3001, extraSecrets: ['INTEGRATION_SECRET_KEYS'] },
  { name: 'tenant-intelligence', port: 3002, consumer: CONSUMERS.tenantIntelligence.durable, extraSecrets: [] },
  { name: 'client-insights', port: 3003, consumer: CONSUMERS.clientInsights.durable, extraSecrets: ['ANALYTICS_DATABASE_URL'] },
  { name: 'provisioning', port: 3004, extraSecrets: ['INTEGRATION_SECRET_KEYS'] },
  { name: 'notifier', port: 3005, consumer: CONSUMERS.notifier.durable, extraSecrets: ['NOTIFIER_SECRET_KEYS'] },
];

export const SERVICE_NAMES = PARLEY_SERVICES.map((s) => s.name);

/** Durable consumer names on the EVENTS stream, from libs/contracts (the source of truth). */
export const CONSUMER_NAMES = Object.values(CONSUMERS).map((c) => c.durable);

export const EVENTS_STREAM_NAME = EVENTS_STREAM.name;
export const DLQ_STREAM_NAME = DLQ_STREAM.name;

export const SHUTDOWN_TIMEOUT_MS = 10_000;
