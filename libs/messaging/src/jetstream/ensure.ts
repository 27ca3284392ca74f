import { JetStreamApiCodes, JetStreamApiError, type ConsumerInfo, type JetStreamManager, type StreamInfo } from '@nats-io/jetstream';
import { STREAMS, type ConsumerDefinition, type StreamDefinition } from '@parley/contracts';
import type { JetStreamFeatures } from '../connection/server-version';
import { MessagingError } from '../errors/messaging.error';
import type { SubjectNamer } from '../naming/subject-namer';
import { consumerConfigDiff, toConsumerConfig } from './consumer-config';
import { streamConfigDiff, toStreamConfig } from './stream-config';

export type EnsureOutcome = 'created' | 'updated' | 'unchanged';

function isNotFound(err: unknown, code: number): boolean {
  return err instanceof JetStreamApiError && err.code === code;
}

async function streamInfo(jsm: JetStreamManager, name: string): Promise<StreamInfo | null> {
  try {
    return await jsm.streams.info(name);
  } catch (err) {
    if (isNotFound(err, JetStreamApiCodes.StreamNotFound)) return null;
    throw err;
  }
}

/** Creates the stream, or updates it to the declared config; a second run changes nothing. */
export async function ensureStream(jsm: JetStreamManager, def: StreamDefinition): Promise<EnsureOutcome> {
  const desired = toStreamConfig(def);
  let info = await streamInfo(jsm, def.name);
  if (!info) {
    try {
      await jsm.streams.add(desired);
      return 'created';
    } catch (err) {
      // another replica may have created it concurrently: fall through to compare
      info = await streamInfo(jsm, def.name);
      if (!info) throw new MessagingError('INVALID_CONFIG', `cannot create stream ${def.name}: ${(err as Error).message}`, { cause: err });
    }
  }
  const diff = streamConfigDiff(desired, info.config);
  if (diff.length === 0) return 'unchanged';
  try {
    await jsm.streams.update(def.name, { ...info.config, ...desired });
  } catch (err) {
    throw new MessagingError('CONFIG_CONFLICT', `cannot update stream ${def.name} (${diff.join(', ')}): ${(err as Error).message}`, {
      cause: err,
    });
  }
  return 'updated';
}

/** Declares EVENTS and DLQ (or the given definitions) under the namer's namespace. */
export async function ensureStreams(
  jsm: JetStreamManager,
  namer: SubjectNamer,
  defs: readonly StreamDefinition[] = STREAMS,
): Promise<Record<string, EnsureOutcome>> {
  const outcome: Record<string, EnsureOutcome> = {};
  for (const def of defs) {
    const named = namer.streamDefinition(def);
    outcome[named.name] = await ensureStream(jsm, named);
  }
  return outcome;
}

async function consumerInfo(jsm: JetStreamManager, stream: string, durable: string): Promise<ConsumerInfo | null> {
  try {
    return await jsm.consumers.info(stream, durable);
  } catch (err) {
    if (isNotFound(err, JetStreamApiCodes.ConsumerNotFound)) return null;
    throw err;
  }
}

/**
 * Creates the durable pull consumer (explicit ack, bounded max_deliver, backoff) or updates
 * it to the declared config; idempotent. `def` must already be namespaced
 * (`namer.consumerDefinition(CONSUMERS.x)`). Without `features.multipleFilters` (servers
 * before 2.10) several filters collapse into one covering filter.
 */
export async function ensureConsumer(
  jsm: JetStreamManager,
  def: ConsumerDefinition,
  features: JetStreamFeatures = { multipleFilters: false },
): Promise<EnsureOutcome> {
  const desired = toConsumerConfig(def, features);
  let info = await consumerInfo(jsm, def.stream, def.durable);
  if (!info) {
    try {
      await jsm.consumers.add(def.stream, desired);
      return 'created';
    } catch (err) {
      info = await consumerInfo(jsm, def.stream, def.durable);
      if (!info)
        throw new MessagingError('INVALID_CONFIG', `cannot create consumer ${def.durable} on ${def.stream}: ${(err as Error).message}`, {
          cause: err,
        });
    }
  }
  const diff = consumerConfigDiff(desired, info.config);
  if (diff.length === 0) return 'unchanged';
  // The client merges the update into the live config: an explicit undefined clears the
  // filter field we are switching away from (filter_subject <-> filter_subjects).
  const { durable_name: _d, ack_policy: _a, deliver_policy: _p, replay_policy: _r, ...mutable } = desired;
  const update = { ...mutable, filter_subject: desired.filter_subject, filter_subjects: desired.filter_subjects };
  try {
    await jsm.consumers.update(def.stream, def.durable, update);
  } catch (err) {
    throw new MessagingError('CONFIG_CONFLICT', `cannot update consumer ${def.durable} (${diff.join(', ')}): ${(err as Error).message}`, {
      cause: err,
    });
  }
  return 'updated';
}
