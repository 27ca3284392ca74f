import type { RpcContract, RpcResponseOf } from '@parley/contracts';
import { RpcError, type RpcClient, type RpcRequestOptions } from '@parley/messaging';
import type { z } from 'zod';
import { problemForRpcError } from './rpc-problem';

/**
 * Calls an RPC and turns its failure into the matching HTTP problem (NOT_FOUND 404,
 * VALIDATION 400 with the fields, CONFLICT 409, UNAVAILABLE 503, TIMEOUT 504, ...):
 * `const { tenant } = await rpcCall(this.rpc, TenantGetRpc, { version: 1, tenantId });`
 * Anything that is not an RpcError is rethrown as is (an opaque 500 from the filter).
 */
export async function rpcCall<C extends RpcContract>(
  client: RpcClient,
  contract: C,
  payload: z.input<C['request']['schema']>,
  options?: RpcRequestOptions,
): Promise<RpcResponseOf<C>> {
  try {
    return await client.request(contract, payload, options);
  } catch (error) {
    if (error instanceof RpcError) {
      throw problemForRpcError(error);
    }
    throw error;
  }
}
