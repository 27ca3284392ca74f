import { Inject, Injectable } from '@nestjs/common';
import { OwnerChannelsVerifyRpc, type OwnerChannelsView } from '@parley/contracts';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { problems, ProblemException } from '../http/problem.exception';
import { ReplayStore } from './replay.store';

/** A signed request older or newer than this (seconds) is refused, as Slack recommends. */
export const MAX_SKEW_SECONDS = 5 * 60;
/** Slack and Discord requests are a few KB; the verification RPC carries at most this many bytes. */
const MAX_SIGNED_BODY_BYTES = 200_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SignedRequest {
  platform: 'slack' | 'discord';
  channelsId: string;
  timestamp: string | undefined;
  signature: string | undefined;
  body: Buffer | undefined;
}

export interface VerifiedOwner {
  ownerId: string;
  channels: OwnerChannelsView;
}

/**
 * Checks a Slack or Discord request before anything happens (docs/adr/0027-owner-chat-channels.md):
 * a timestamp within 5 minutes, a signature provisioning verifies over the raw body with the
 * owner's secret or public key, and a signature never seen before. Every refusal is a 401.
 */
@Injectable()
export class SignedRequestVerifier {
  constructor(
    @Inject(GatewayRpc) private readonly rpc: GatewayRpc,
    @Inject(ReplayStore) private readonly replays: ReplayStore,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async verify(request: SignedRequest, now = Date.now()): Promise<VerifiedOwner> {
    const { platform, timestamp, signature, body } = request;
    if (!timestamp || !signature || !body) throw problems.unauthorized('SIGNATURE_MISSING', 'The request is not signed.');
    if (body.length > MAX_SIGNED_BODY_BYTES)
      throw problems.payloadTooLarge(`A signed request body is at most ${MAX_SIGNED_BODY_BYTES} bytes.`);
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) {
      throw problems.unauthorized('SIGNATURE_STALE', 'The request timestamp is missing or more than 5 minutes away.');
    }
    const answer = UUID.test(request.channelsId)
      ? await this.rpc.call(OwnerChannelsVerifyRpc, {
          version: 1,
          channelsId: request.channelsId.toLowerCase(),
          platform,
          timestamp,
          signature: signature.slice(0, 256),
          body: body.toString('utf8'),
        })
      : { verified: false as const };
    if (!answer.verified) {
      this.logger.warn({ platform }, 'owner channel request refused: bad signature or unknown channel');
      throw problems.unauthorized('SIGNATURE_INVALID', 'The request signature does not verify.');
    }
    let first: boolean;
    try {
      first = await this.replays.firstUse(platform, signature);
    } catch (cause) {
      throw new ProblemException({
        status: 503,
        code: 'UNAVAILABLE',
        title: 'Service unavailable',
        detail: 'Replays cannot be checked now; retry.',
        cause,
      });
    }
    if (!first) throw problems.unauthorized('SIGNATURE_REPLAYED', 'This signed request was already received.');
    return { ownerId: answer.ownerId, channels: answer.channels };
  }
}
