import type { z } from 'zod';
import { replyEnvelopeSchema } from './common/reply-envelope.schema';
import { eventSubject, eventSubjectPattern, type EventName, type RpcSubject } from './subjects';

/** Anything parseContract() can validate: a named, versioned schema. */
export interface SchemaContract<S extends z.ZodType = z.ZodType> {
  /** Stable id used in errors and logs, e.g. `evt.chat.turn_completed` or `chat.turn#request`. */
  readonly id: string;
  /** The version producers write today (consumers may accept older ones too). */
  readonly version: number;
  readonly schema: S;
}

/** A durable JetStream event `evt.<name>.<tenantId>`. */
export interface EventContract<S extends z.ZodType = z.ZodType> extends SchemaContract<S> {
  readonly kind: 'event';
  readonly name: EventName;
  /** Subject filter matching this event for every tenant (`evt.<name>.*`). */
  readonly pattern: string;
  subjectFor(tenantId: string): string;
}

/** A NATS core request-reply endpoint with a reply envelope. */
export interface RpcContract<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly kind: 'rpc';
  readonly id: string;
  readonly subject: RpcSubject;
  readonly version: number;
  readonly request: SchemaContract<Req>;
  readonly response: SchemaContract<Res>;
  /** `{ ok: true, data: response } | { ok: false, error }` */
  readonly reply: SchemaContract<ReturnType<typeof replyEnvelopeSchema<Res>>>;
}

/** An ephemeral NATS core message on a per-entity subject (token frames, cancels, inbox). */
export interface MessageContract<S extends z.ZodType = z.ZodType> extends SchemaContract<S> {
  readonly kind: 'message';
  subjectFor(id: string): string;
}

export type PayloadOf<C extends SchemaContract> = z.output<C['schema']>;
export type InputOf<C extends SchemaContract> = z.input<C['schema']>;
export type RpcRequestOf<C extends RpcContract> = z.output<C['request']['schema']>;
export type RpcResponseOf<C extends RpcContract> = z.output<C['response']['schema']>;

export function defineEvent<S extends z.ZodType>(name: EventName, schema: S, version = 1): EventContract<S> {
  return {
    kind: 'event',
    id: `evt.${name}`,
    name,
    version,
    schema,
    pattern: eventSubjectPattern(name),
    subjectFor: (tenantId: string) => eventSubject(name, tenantId),
  };
}

export function defineRpc<Req extends z.ZodType, Res extends z.ZodType>(
  subject: RpcSubject,
  request: Req,
  response: Res,
  version = 1,
): RpcContract<Req, Res> {
  return {
    kind: 'rpc',
    id: subject,
    subject,
    version,
    request: { id: `${subject}#request`, version, schema: request },
    response: { id: `${subject}#response`, version, schema: response },
    reply: { id: `${subject}#reply`, version, schema: replyEnvelopeSchema(response) },
  };
}

export function defineMessage<S extends z.ZodType>(
  id: string,
  subjectFor: (id: string) => string,
  schema: S,
  version = 1,
): MessageContract<S> {
  return { kind: 'message', id, version, schema, subjectFor };
}
