import type { RpcContract, RpcResponseOf } from '@parley/contracts';
import type { z } from 'zod';
import type { GatewayRpc, GatewayRpcOptions } from '../http/gateway-rpc.client';
import { ProblemException } from '../http/problem.exception';

export interface NotifierCallOptions extends GatewayRpcOptions {
  /** The request field the HTTP body was nested under (`rule`): dropped from field paths. */
  bodyField?: string;
}

const snakeCase = (segment: string) => segment.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A notifier field path (`rule.channelIds.0`) as the HTTP request named it (`channel_ids.0`). */
export function httpFieldPath(path: string, bodyField?: string): string {
  const segments = path.split('.');
  if (bodyField !== undefined && segments[0] === bodyField && segments.length > 1) segments.shift();
  return segments.map(snakeCase).join('.');
}

/**
 * GatewayRpc.call for the notifier: the same problem+json answers, with the fields of a VALIDATION
 * answer (the notifier checks channel and user ids against the scope) named the way the
 * snake_case HTTP body names them.
 */
export async function notifierCall<C extends RpcContract>(
  rpc: GatewayRpc,
  contract: C,
  payload: z.input<C['request']['schema']>,
  options: NotifierCallOptions = {},
): Promise<RpcResponseOf<C>> {
  const { bodyField, ...rpcOptions } = options;
  try {
    return await rpc.call(contract, payload, rpcOptions);
  } catch (error) {
    if (!(error instanceof ProblemException) || !error.errors?.length) throw error;
    throw new ProblemException({
      status: error.getStatus(),
      code: error.code,
      title: error.title,
      detail: error.detail,
      errors: error.errors.map((field) => ({ path: httpFieldPath(field.path, bodyField), message: field.message })),
      headers: error.headers,
    });
  }
}
