import type { ConsumerDefinition, StreamDefinition } from '@parley/contracts';
import { MessagingError } from '../errors/messaging.error';

const NAMESPACE = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * The one place where a client's namespace is applied. With namespace `t1a2`, subject
 * `evt.x` becomes `t1a2.evt.x` and stream `EVENTS` becomes `t1a2_EVENTS`, so test runs and
 * environments can share one NATS server without seeing each other's messages. Durable
 * consumer names are not prefixed: they live inside the (prefixed) stream.
 */
export class SubjectNamer {
  readonly namespace: string | null;

  constructor(namespace?: string | null) {
    if (namespace !== undefined && namespace !== null && namespace !== '' && !NAMESPACE.test(namespace)) {
      throw new MessagingError('INVALID_NAME', `namespace must match ${NAMESPACE} (one subject token, valid in a stream name)`);
    }
    this.namespace = namespace ? namespace : null;
  }

  subject(subject: string): string {
    return this.namespace ? `${this.namespace}.${subject}` : subject;
  }

  stream(name: string): string {
    return this.namespace ? `${this.namespace}_${name}` : name;
  }

  /** The logical subject of a received message (throws if it is outside this namespace). */
  strip(subject: string): string {
    if (!this.namespace) return subject;
    const prefix = `${this.namespace}.`;
    if (!subject.startsWith(prefix)) {
      throw new MessagingError('INVALID_NAME', `subject ${subject} is outside namespace ${this.namespace}`);
    }
    return subject.slice(prefix.length);
  }

  streamDefinition(def: StreamDefinition): StreamDefinition {
    return { ...def, name: this.stream(def.name), subjects: def.subjects.map((s) => this.subject(s)) };
  }

  consumerDefinition(def: ConsumerDefinition): ConsumerDefinition {
    return {
      ...def,
      stream: this.stream(def.stream),
      filterSubjects: def.filterSubjects.map((s) => this.subject(s)),
      deadLetterSubject: this.subject(def.deadLetterSubject),
    };
  }
}
