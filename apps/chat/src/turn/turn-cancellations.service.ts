import { Inject, Injectable } from '@nestjs/common';
import type { Subscription } from '@nats-io/nats-core';
import { CHAT_CANCEL_SUBJECTS_ALL, ChatCancelMessage, parseContract } from '@parley/contracts';
import { decodeJson, NatsClient, type MessagingConnection } from '@parley/messaging';
import { CHAT_LOGGER, type ChatLogger } from '../common/chat.logger';

interface InFlight {
  tenantId: string;
  controller: AbortController;
}

/** How long a cancel for a turn this replica has not started yet is remembered. */
const EARLY_CANCEL_TTL_MS = 60_000;

/**
 * Aborts generations when the gateway publishes chat.cancel.<turnId>. One wildcard
 * subscription per replica (not one per turn): it exists before any turn starts, so a cancel
 * sent right after the request cannot be missed, and a cancel that arrives before its turn
 * registered is remembered briefly. Every replica receives every cancel and acts only on the
 * turns it runs; a cancel naming another tenant than the turn's is ignored. Started and stopped
 * by ChatLifecycle (chat-lifecycle.service.ts).
 */
@Injectable()
export class TurnCancellations {
  private readonly inflight = new Map<string, InFlight>();
  private readonly early = new Map<string, { tenantId: string; until: number }>();
  private sub?: Subscription;

  constructor(
    @Inject(NatsClient) private readonly client: MessagingConnection,
    @Inject(CHAT_LOGGER) private readonly logger: ChatLogger,
  ) {}

  start(): void {
    this.sub = this.client.nc.subscribe(this.client.namer.subject(CHAT_CANCEL_SUBJECTS_ALL), {
      callback: (err, msg) => {
        if (err) return this.logger.error({ err }, 'cancel subscription error');
        const decoded = decodeJson(msg.data);
        const parsed = decoded.ok ? parseContract(ChatCancelMessage, decoded.value) : null;
        if (!parsed?.ok) return this.logger.warn({ subject: msg.subject }, 'invalid chat cancel ignored');
        this.cancel(parsed.value.turnId, parsed.value.tenantId, parsed.value.reason);
      },
    });
  }

  /** Ensures the subscription is registered with the server (tests, start-up). */
  async ready(): Promise<void> {
    await this.client.nc.flush();
  }

  /** The abort signal of a starting turn (already aborted when its cancel came first). */
  register(turnId: string, tenantId: string): AbortSignal {
    const controller = new AbortController();
    this.inflight.set(turnId, { tenantId, controller });
    const early = this.early.get(turnId);
    if (early && early.tenantId === tenantId && early.until > Date.now()) controller.abort(new Error('cancelled before start'));
    this.early.delete(turnId);
    return controller.signal;
  }

  release(turnId: string): void {
    this.inflight.delete(turnId);
  }

  /** Turns running now on this replica. */
  get size(): number {
    return this.inflight.size;
  }

  /** Aborts every running generation (shutdown past its grace period). */
  abortAll(reason: string): void {
    for (const { controller } of this.inflight.values()) controller.abort(new Error(reason));
  }

  async stop(): Promise<void> {
    if (this.sub && !this.sub.isClosed() && !this.client.nc.isClosed()) await this.sub.drain().catch(() => undefined);
  }

  private cancel(turnId: string, tenantId: string, reason: string): void {
    const turn = this.inflight.get(turnId);
    if (!turn) {
      this.pruneEarly();
      this.early.set(turnId, { tenantId, until: Date.now() + EARLY_CANCEL_TTL_MS });
      return;
    }
    if (turn.tenantId !== tenantId) return;
    this.logger.info({ turn_id: turnId, reason }, 'turn cancelled');
    turn.controller.abort(new Error(reason));
  }

  private pruneEarly(): void {
    const now = Date.now();
    for (const [id, entry] of this.early) if (entry.until <= now) this.early.delete(id);
  }
}
