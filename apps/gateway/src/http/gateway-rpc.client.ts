import { Inject, Injectable } from '@nestjs/common';
import type { RpcContract, RpcResponseOf } from '@parley/contracts';
import { RpcClient, RpcError } from '@parley/messaging';
import type { z } from 'zod';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { problemForRpcError } from './rpc-problem.mapper';

export interface GatewayRpcOptions {
  /** How long to wait for the reply; RPC_TIMEOUT_MS when omitted. */
  timeoutMs?: number;
}

/**
 * The gateway's one way to call a service over NATS: an RPC whose failure becomes the matching
 * HTTP problem (NOT_FOUND 404, VALIDATION 400 with the fields, CONFLICT 409, UNAVAILABLE 503,
 * TIMEOUT 504, ...; see rpc-problem.mapper.ts):
 * `const { tenant } = await this.rpc.call(TenantGetRpc, { version: 1, tenantId });`
 * Anything that is not an RpcError is rethrown as is (an opaque 500 from the filter). Streamed
 * chat turns use the RpcClient itself (chat/stream/chat-turn.client.ts): their failures become
 * SSE error frames, not problems.
 */
@Injectable()
export class GatewayRpc {
  private readonly timeoutMs: number;
  private readonly longTimeoutMs: number;

  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) config: AppConfig,
  ) {
    this.timeoutMs = config.rpc.timeoutMs;
    this.longTimeoutMs = Math.max(config.rpc.timeoutMs, 60_000);
  }

  async call<C extends RpcContract>(
    contract: C,
    payload: z.input<C['request']['schema']>,
    options: GatewayRpcOptions = {},
  ): Promise<RpcResponseOf<C>> {
    try {
      return await this.rpc.request(contract, payload, { timeoutMs: options.timeoutMs ?? this.timeoutMs });
    } catch (error) {
      if (error instanceof RpcError) throw problemForRpcError(error);
      throw error;
    }
  }

  /** For work that takes longer than a lookup (a document upload: chunking and embedding): RPC_TIMEOUT_MS, at least a minute. */
  callLong<C extends RpcContract>(contract: C, payload: z.input<C['request']['schema']>): Promise<RpcResponseOf<C>> {
    return this.call(contract, payload, { timeoutMs: this.longTimeoutMs });
  }
}
