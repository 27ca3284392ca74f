import { DiscardPolicy, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import type { StreamDefinition } from '@parley/contracts';
import { MessagingError } from '../errors/messaging.error';

export type StreamSettings = Pick<
  StreamConfig,
  'name' | 'description' | 'subjects' | 'storage' | 'retention' | 'max_age' | 'duplicate_window' | 'max_msg_size' | 'discard'
>;

/** The JetStream config declared for a (namespaced) stream definition. */
export function toStreamConfig(def: StreamDefinition): StreamSettings {
  return {
    name: def.name,
    description: def.description,
    subjects: [...def.subjects],
    storage: def.storage === 'file' ? StorageType.File : StorageType.Memory,
    retention: RetentionPolicy.Limits,
    max_age: nanos(def.maxAgeMs),
    duplicate_window: nanos(def.duplicateWindowMs),
    max_msg_size: def.maxMsgSizeBytes,
    discard: DiscardPolicy.Old,
  };
}

const IMMUTABLE = ['storage', 'retention'] as const;
const MUTABLE = ['description', 'subjects', 'max_age', 'duplicate_window', 'max_msg_size', 'discard'] as const;

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  return (a ?? null) === (b ?? null);
}

/** Fields whose live value differs from the declared one; throws on an immutable difference. */
export function streamConfigDiff(desired: StreamSettings, actual: StreamConfig): string[] {
  const conflicts = IMMUTABLE.filter((k) => !same(desired[k], actual[k]));
  if (conflicts.length) {
    throw new MessagingError(
      'CONFIG_CONFLICT',
      `stream ${desired.name} exists with different ${conflicts.join(', ')}; migrate it explicitly`,
    );
  }
  return MUTABLE.filter((k) => !same(desired[k], actual[k]));
}
