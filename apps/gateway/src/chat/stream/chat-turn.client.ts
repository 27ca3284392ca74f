import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  ChatCancelMessage,
  ChatTurnRpc,
  chatCancelSubject,
  chatStreamSubject,
  parseContract,
  type ChatCancel,
  type ChatTurnRequest,
  type ChatTurnResponse,
} from '@parley/contracts';
import { NatsClient, RpcClient, encodeJson } from '@parley/messaging';
import { getRequestContext } from '@parley/observability';
import { ProblemException } from '../../http/problem.exception';
import { GatewayRpc } from '../../http/gateway-rpc.client';
import { QuotaService } from '../../quota/quota.service';
import { TENANT_API_OPTIONS, type TenantApiOptions } from '../../tenant-api.options';
import { StreamedTurn } from './streamed-turn.subscription';

/** One turn as the routes describe it; the client adds the turn id, stream flag and request id. */
export type TurnInput = Pick<ChatTurnRequest, 'tenantId' | 'sessionId' | 'message' | 'channel' | 'context' | 'staffUserId'>;

/** Runs chat turns over NATS: request-reply for JSON answers, stream subscription + request for SSE. */
@Injectable()
export class ChatTurnClient {
  constructor(
    @Inject(NatsClient) private readonly nats: NatsClient,
    @Inject(GatewayRpc) private readonly rpc: GatewayRpc,
    @Inject(RpcClient) private readonly rpcClient: RpcClient,
    @Inject(TENANT_API_OPTIONS) private readonly options: TenantApiOptions,
    @Optional() @Inject(QuotaService) private readonly quota?: QuotaService,
  ) {}

  /**
   * The whole answer in one reply (no frames are published); a failure throws its problem+json
   * status. When the gateway gives up waiting (CHAT_TURN_TIMEOUT_MS), chat is told to stop.
   */
  async run(input: TurnInput): Promise<ChatTurnResponse> {
    const turnId = randomUUID();
    try {
      const response = await this.rpc.call(ChatTurnRpc, this.request(input, turnId, false), { timeoutMs: this.options.chatTurnTimeoutMs });
      // Counted before the answer goes out, so the caller's next turn is checked against it.
      await this.quota?.recordTurn(input.tenantId, response.turnId, response.usage);
      return response;
    } catch (error) {
      if (error instanceof ProblemException && error.code === 'TIMEOUT') this.cancel(input.tenantId, turnId, 'timeout');
      throw error;
    }
  }

  /**
   * Subscribes to the turn's frames, then sends the request; read the outcome from the returned
   * turn's events. The request goes through the RpcClient itself: a failure stays an RpcError,
   * which the relay writes as an error frame (or the route answers as a problem before the first byte).
   */
  start(input: TurnInput): StreamedTurn {
    const turnId = randomUUID();
    const turn = new StreamedTurn(this.nats, turnId, this.nats.namer.subject(chatStreamSubject(turnId)));
    turn.track(
      this.rpcClient.request(ChatTurnRpc, this.request(input, turnId, true), { timeoutMs: this.options.chatTurnTimeoutMs }).then(
        (response) => {
          this.completed(input.tenantId, response);
          return { kind: 'reply' as const, response };
        },
        (error: unknown) => ({ kind: 'failed' as const, error }),
      ),
    );
    return turn;
  }

  /** Asks chat to stop generating (the client went away, or the gateway gave up waiting). */
  cancel(tenantId: string, turnId: string, reason: ChatCancel['reason']): void {
    const parsed = parseContract(ChatCancelMessage, { version: 1, tenantId, turnId, reason });
    if (!parsed.ok) throw new Error(parsed.error.message);
    if (this.nats.nc.isClosed() || this.nats.nc.isDraining()) return;
    this.nats.nc.publish(this.nats.namer.subject(chatCancelSubject(turnId)), encodeJson(parsed.value));
  }

  /**
   * A streamed turn chat answered and stored: counted once against the tenant's quota (quota/,
   * ADR 0025) when the reply arrives (just after the done frame), whether or not the client is
   * still there. Never throws; not awaited.
   */
  private completed(tenantId: string, response: ChatTurnResponse): void {
    void this.quota?.recordTurn(tenantId, response.turnId, response.usage);
  }

  private request(input: TurnInput, turnId: string, stream: boolean): ChatTurnRequest {
    return {
      version: 1,
      tenantId: input.tenantId,
      sessionId: input.sessionId,
      turnId,
      message: input.message,
      stream,
      channel: input.channel,
      ...(input.staffUserId ? { staffUserId: input.staffUserId } : {}),
      ...(input.context ? { context: input.context } : {}),
      requestId: getRequestContext()?.requestId ?? randomUUID(),
    };
  }
}
