import type { Logger } from '@parley/observability';
import type { GatewayRpc } from '../../http/gateway-rpc.client';
import { ProblemException } from '../../http/problem.exception';
import type { ReplayStore } from '../replay.store';
import { SignedRequestVerifier, type SignedRequest } from '../signed-request.verifier';

const CHANNELS_ID = '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a090';
const OWNER_ID = '0b7e2c1d-3f4a-4b5c-8d6e-7f8091a2b3c4';
const NOW = 1_765_000_000_000;
const channels = { id: CHANNELS_ID, slack: null, discord: null, updatedAt: '2026-12-07T00:00:00.000Z' };

/** A verifier whose provisioning answers `verified` and whose Redis has seen the signatures in `seen`. */
function verifier(verified: boolean) {
  const calls: unknown[] = [];
  const seen = new Set<string>();
  const rpc = {
    call: async (_contract: unknown, request: unknown) => {
      calls.push(request);
      return verified ? { version: 1, verified: true, ownerId: OWNER_ID, channels } : { version: 1, verified: false };
    },
  } as unknown as GatewayRpc;
  const replays = {
    firstUse: async (_platform: string, signature: string) => (seen.has(signature) ? false : (seen.add(signature), true)),
  } as unknown as ReplayStore;
  return { sut: new SignedRequestVerifier(rpc, replays, { warn: () => undefined } as unknown as Logger), calls };
}

const request = (change: Partial<SignedRequest> = {}): SignedRequest => ({
  platform: 'slack',
  channelsId: CHANNELS_ID,
  timestamp: String(NOW / 1000),
  signature: 'v0=abc',
  body: Buffer.from('text=hi'),
  ...change,
});

async function refusal(promise: Promise<unknown>): Promise<[number, string]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemException);
  return [(error as ProblemException).getStatus(), (error as ProblemException).code];
}

describe('SignedRequestVerifier', () => {
  it('passes a fresh, verified, first-seen request with its owner', async () => {
    const { sut, calls } = verifier(true);
    await expect(sut.verify(request(), NOW)).resolves.toEqual({ ownerId: OWNER_ID, channels });
    expect(calls).toEqual([
      expect.objectContaining({ channelsId: CHANNELS_ID, platform: 'slack', body: 'text=hi', timestamp: String(NOW / 1000) }),
    ]);
  });

  it.each([
    ['no timestamp', { timestamp: undefined }, 'SIGNATURE_MISSING'],
    ['no signature', { signature: undefined }, 'SIGNATURE_MISSING'],
    ['a timestamp 6 minutes old', { timestamp: String(NOW / 1000 - 360) }, 'SIGNATURE_STALE'],
    ['a timestamp 6 minutes ahead', { timestamp: String(NOW / 1000 + 360) }, 'SIGNATURE_STALE'],
    ['a timestamp that is not a number', { timestamp: '17650000e3' }, 'SIGNATURE_STALE'],
  ])('refuses %s with 401 before asking provisioning', async (_label, change, code) => {
    const { sut, calls } = verifier(true);
    expect(await refusal(sut.verify(request(change), NOW))).toEqual([401, code]);
    expect(calls).toEqual([]);
  });

  it('accepts a timestamp just inside the 5-minute window', async () => {
    const { sut } = verifier(true);
    await expect(sut.verify(request({ timestamp: String(NOW / 1000 - 299) }), NOW)).resolves.toMatchObject({ ownerId: OWNER_ID });
  });

  it('refuses what provisioning does not verify, and an id that is not a uuid without asking', async () => {
    const refused = verifier(false);
    expect(await refusal(refused.sut.verify(request(), NOW))).toEqual([401, 'SIGNATURE_INVALID']);
    const odd = verifier(true);
    expect(await refusal(odd.sut.verify(request({ channelsId: '../../admin' }), NOW))).toEqual([401, 'SIGNATURE_INVALID']);
    expect(odd.calls).toEqual([]);
  });

  it('refuses the same signed request the second time', async () => {
    const { sut } = verifier(true);
    await sut.verify(request(), NOW);
    expect(await refusal(sut.verify(request(), NOW))).toEqual([401, 'SIGNATURE_REPLAYED']);
  });

  it('refuses a body larger than the verification carries with 413', async () => {
    const { sut } = verifier(true);
    expect(await refusal(sut.verify(request({ body: Buffer.alloc(200_001, 97) }), NOW))).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });
});
