import { AckPolicy, DeliverPolicy, ReplayPolicy, type ConsumerConfig, type ConsumerInfo } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import type { ConsumerDefinition } from '@parley/contracts';
import type { JetStreamFeatures } from '../connection/server-version';
import { MessagingError } from '../errors/messaging.error';
import { coveringFilter } from './subject-match';

/**
 * Rejects definitions JetStream would refuse or silently rewrite: max_deliver must exceed
 * the number of backoff steps, and with a backoff the server forces ack_wait = backoff[0].
 */
export function assertValidConsumer(def: ConsumerDefinition): void {
  const problems: string[] = [];
  if (!/^[A-Za-z0-9_-]+$/.test(def.durable)) problems.push('durable must be a single name token');
  if (def.filterSubjects.length === 0) problems.push('at least one filter subject is required');
  if (def.backoffMs.length === 0) problems.push('backoffMs needs at least one delay (it also sets ack_wait)');
  if (def.backoffMs.some((ms) => !Number.isFinite(ms) || ms < 1)) problems.push('backoff delays must be >= 1 ms');
  if (!Number.isInteger(def.maxDeliver) || def.maxDeliver <= def.backoffMs.length) {
    problems.push(`maxDeliver (${def.maxDeliver}) must be an integer > backoffMs.length (${def.backoffMs.length})`);
  }
  if (problems.length) throw new MessagingError('INVALID_CONFIG', `consumer ${def.durable}: ${problems.join('; ')}`);
}

/** Delay before redelivering after the `deliveryCount`-th delivery failed (last step repeats). */
export function backoffDelayMs(backoffMs: readonly number[], deliveryCount: number): number {
  const index = Math.min(Math.max(deliveryCount, 1), backoffMs.length) - 1;
  return backoffMs[index];
}

/** The durable pull consumer config declared for a (namespaced) definition. */
export function toConsumerConfig(def: ConsumerDefinition, features: JetStreamFeatures): Partial<ConsumerConfig> {
  assertValidConsumer(def);
  const filters =
    def.filterSubjects.length === 1 || !features.multipleFilters
      ? { filter_subject: coveringFilter(def.filterSubjects) }
      : { filter_subjects: [...def.filterSubjects] };
  return {
    durable_name: def.durable,
    description: def.description,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    replay_policy: ReplayPolicy.Instant,
    ack_wait: nanos(def.backoffMs[0]),
    backoff: def.backoffMs.map((ms) => nanos(ms)),
    max_deliver: def.maxDeliver,
    max_ack_pending: def.maxAckPending,
    ...filters,
  };
}

const IMMUTABLE: ReadonlyArray<keyof ConsumerConfig> = ['ack_policy', 'deliver_policy', 'replay_policy'];
const MUTABLE: ReadonlyArray<keyof ConsumerConfig> = [
  'description',
  'ack_wait',
  'backoff',
  'max_deliver',
  'max_ack_pending',
  'filter_subject',
  'filter_subjects',
];

function normalize(value: unknown): string {
  if (Array.isArray(value)) return value.length ? JSON.stringify(value) : 'null';
  if (value === undefined || value === null || value === '') return 'null';
  return JSON.stringify(value);
}

/** Fields whose live value differs from the declared one; throws on an immutable difference. */
export function consumerConfigDiff(desired: Partial<ConsumerConfig>, actual: ConsumerInfo['config']): Array<keyof ConsumerConfig> {
  const conflicts = IMMUTABLE.filter((k) => desired[k] !== undefined && normalize(desired[k]) !== normalize(actual[k]));
  if (conflicts.length) {
    throw new MessagingError(
      'CONFIG_CONFLICT',
      `consumer ${desired.durable_name} exists with different ${conflicts.join(', ')}; delete it to redeclare`,
    );
  }
  return MUTABLE.filter((k) => normalize(desired[k]) !== normalize(actual[k]));
}
