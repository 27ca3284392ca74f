import { randomUUID } from 'node:crypto';
import { NoRespondersError, RequestError, TimeoutError, headers } from '@nats-io/nats-core';
import { ChatTurnCompletedEvent, NotifyRequestedEvent, TenantCreatedEvent } from '@parley/contracts';
import {
  MessagingError,
  PermanentError,
  RpcError,
  buildDeadLetter,
  bodyForStorage,
  decodeJson,
  encodeJson,
  errorBodyFor,
  on,
  routeEvents,
  toOutboxMessage,
  transportError,
  validateEvent,
  type ConsumerMessageMeta,
} from '../messaging.api';
import { Semaphore } from '../consuming/semaphore';

const tenantId = randomUUID();
const occurredAt = new Date().toISOString();
const created = () => ({ version: 1, tenantId, displayName: 'Acme', slug: 'acme', kind: 'plumber', occurredAt }) as const;

describe('json codec', () => {
  it('round-trips JSON', () => {
    expect(decodeJson(encodeJson({ a: [1, 'é'] }))).toEqual({ ok: true, value: { a: [1, 'é'] } });
  });

  it.each([
    [new Uint8Array(), 'empty body'],
    [new Uint8Array([0xff, 0xfe]), 'not valid UTF-8'],
    [new TextEncoder().encode('{"a":'), 'not JSON'],
  ])('reports a bad body without throwing (%#)', (data, reason) => {
    const result = decodeJson(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('stores text as utf8 and bytes as base64', () => {
    expect(bodyForStorage(new TextEncoder().encode('{}'))).toEqual({ payload: '{}', payloadEncoding: 'utf8' });
    expect(bodyForStorage(new Uint8Array([0xff]))).toEqual({ payload: '/w==', payloadEncoding: 'base64' });
  });
});

describe('validateEvent / toOutboxMessage', () => {
  it('returns the subject and the parsed payload', () => {
    expect(validateEvent(TenantCreatedEvent, created(), tenantId)).toEqual({
      subject: `evt.tenant.created.${tenantId}`,
      payload: created(),
    });
  });

  it.each<[string, () => void, string]>([
    ['an invalid payload', () => validateEvent(TenantCreatedEvent, { ...created(), slug: 'Bad Slug' }, tenantId), 'INVALID_PAYLOAD'],
    ['a tenant mismatch', () => validateEvent(TenantCreatedEvent, created(), randomUUID()), 'TENANT_MISMATCH'],
    ['a non-uuid tenant', () => validateEvent(TenantCreatedEvent, created(), 'acme'), 'INVALID_NAME'],
  ])('throws MessagingError on %s', (_label, act, code) => {
    expect(act).toThrow(MessagingError);
    expect(act).toThrow(expect.objectContaining({ code }));
  });

  it('lists the offending fields of an invalid payload', () => {
    try {
      validateEvent(TenantCreatedEvent, { ...created(), slug: 'Bad Slug', kind: 'Gold Smith' } as never, tenantId);
      throw new Error('expected a throw');
    } catch (err) {
      expect((err as MessagingError).issues?.map((i) => i.path)).toEqual(['slug', 'kind']);
    }
  });

  it('builds an outbox message with contract headers', () => {
    const msg = toOutboxMessage(TenantCreatedEvent, created(), tenantId);
    expect(msg).toEqual({
      subject: `evt.tenant.created.${tenantId}`,
      payload: created(),
      headers: { 'Parley-Contract': 'evt.tenant.created', 'Parley-Version': '1' },
    });
  });
});

describe('rpc error mapping', () => {
  it.each<[string, unknown, string]>([
    ['a timeout', new TimeoutError(), 'TIMEOUT'],
    ['no responders', new NoRespondersError('chat.turn'), 'UNAVAILABLE'],
    ['a wrapped no responders', new RequestError('503', { cause: new NoRespondersError('chat.turn') }), 'UNAVAILABLE'],
    ['a closed connection', new RequestError('connection closed'), 'UNAVAILABLE'],
    ['anything else', new Error('boom'), 'INTERNAL'],
  ])('maps %s', (_label, err, code) => {
    expect(transportError('chat.turn', err, 100).code).toBe(code);
  });

  it.each<[string, unknown, object]>([
    ['an RpcError', new RpcError('NOT_FOUND', 'no tenant', { id: 'x' }), { code: 'NOT_FOUND', message: 'no tenant', details: { id: 'x' } }],
    [
      'a domain error with a known code',
      Object.assign(new Error('slug taken'), { code: 'CONFLICT' }),
      { code: 'CONFLICT', message: 'slug taken' },
    ],
    [
      'a domain error with details',
      Object.assign(new Error('bad'), { code: 'VALIDATION', details: { issues: [] } }),
      { code: 'VALIDATION', message: 'bad', details: { issues: [] } },
    ],
    [
      'an unknown code (no leak)',
      Object.assign(new Error('ECONNREFUSED 10.0.0.3:5432'), { code: 'ECONNREFUSED' }),
      { code: 'INTERNAL', message: 'internal error' },
    ],
    ['a plain error (no leak)', new Error('select * from secrets failed'), { code: 'INTERNAL', message: 'internal error' }],
    ['a thrown string', 'oops', { code: 'INTERNAL', message: 'internal error' }],
  ])('maps %s to the reply body', (_label, err, body) => {
    expect(errorBodyFor(err)).toEqual(body);
  });
});

describe('Semaphore', () => {
  it('bounds concurrent holders and hands slots over in order', async () => {
    const sem = new Semaphore(2);
    const a = await sem.acquire();
    await sem.acquire();
    expect(sem.inUse).toBe(2);
    let third = false;
    const pending = sem.acquire().then((release: () => void) => {
      third = true;
      return release;
    });
    await Promise.resolve();
    expect(third).toBe(false);
    a();
    a(); // idempotent
    (await pending)();
    expect(third).toBe(true);
    expect(sem.inUse).toBe(1);
  });

  it('rejects a zero capacity', () => expect(() => new Semaphore(0)).toThrow(RangeError));
});

describe('buildDeadLetter', () => {
  it('keeps the original message and the reason', () => {
    const h = headers();
    h.set('Nats-Msg-Id', 'm1');
    h.set('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    const subject = NotifyRequestedEvent.subjectFor(tenantId);
    const letter = buildDeadLetter(
      {
        consumer: 'notifier',
        deadLetterSubject: 'dlq.notifier',
        stream: 'EVENTS',
        streamSequence: 7,
        subject,
        deliveryCount: 5,
        headers: h,
        data: new Uint8Array([0xff]),
      },
      { kind: 'max_deliver', message: 'x'.repeat(3000), errorCode: 'UPSTREAM_ERROR' },
      new Date('2026-01-01T00:00:00.000Z'),
    );
    expect(letter).toMatchObject({
      consumer: 'notifier',
      originalSubject: subject,
      tenantId,
      msgId: 'm1',
      deliveryCount: 5,
      headers: { 'Nats-Msg-Id': ['m1'], traceparent: ['00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'] },
      payload: '/w==',
      payloadEncoding: 'base64',
      deadLetteredAt: '2026-01-01T00:00:00.000Z',
    });
    expect(letter.reason.message).toHaveLength(2000);
  });
});

describe('routeEvents', () => {
  const meta = (subject: string) => ({ subject }) as ConsumerMessageMeta;

  it('routes by event name and exposes each contract', async () => {
    const seen: string[] = [];
    const routes = routeEvents([
      on(ChatTurnCompletedEvent, async (turn) => void seen.push(`turn:${turn.turnId}`)),
      on(TenantCreatedEvent, async (t) => void seen.push(`tenant:${t.slug}`)),
    ]);
    expect(routes.contractFor(ChatTurnCompletedEvent.subjectFor(tenantId))).toBe(ChatTurnCompletedEvent);
    expect(routes.contractFor(NotifyRequestedEvent.subjectFor(tenantId))).toBeNull();
    await routes.handler(created(), meta(TenantCreatedEvent.subjectFor(tenantId)));
    expect(seen).toEqual(['tenant:acme']);
  });

  it('treats an unrouted subject as permanent', async () => {
    const routes = routeEvents([on(TenantCreatedEvent, async () => undefined)]);
    await expect(routes.handler({}, meta(NotifyRequestedEvent.subjectFor(tenantId)))).rejects.toBeInstanceOf(PermanentError);
  });
});
