import { Inject, Injectable } from '@nestjs/common';
import type { RpcContract, RpcResponseOf } from '@parley/contracts';
import { RpcClient } from '@parley/messaging';
import type { z } from 'zod';
import { rpcCall } from './http/rpc-call';
import { TENANT_API_OPTIONS, type TenantApiOptions } from './tenant-api.options';

/** rpcCall (failures become their problem+json status) with the gateway's RPC_TIMEOUT_MS. */
@Injectable()
export class TenantRpc {
  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(TENANT_API_OPTIONS) private readonly options: TenantApiOptions,
  ) {}

  call<C extends RpcContract>(
    contract: C,
    payload: z.input<C['request']['schema']>,
    timeoutMs = this.options.rpcTimeoutMs,
  ): Promise<RpcResponseOf<C>> {
    return rpcCall(this.rpc, contract, payload, { timeoutMs });
  }

  /** For work that takes longer than a lookup (a document upload: chunking and embedding). */
  callLong<C extends RpcContract>(contract: C, payload: z.input<C['request']['schema']>): Promise<RpcResponseOf<C>> {
    return this.call(contract, payload, this.options.longRpcTimeoutMs);
  }
}
