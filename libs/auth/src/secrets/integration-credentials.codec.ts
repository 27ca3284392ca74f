import { integrationAuthSchema, type IntegrationAuth } from '@parley/contracts';
import { SecretBox, type SealedSecret } from './secret-box.cipher';

/**
 * The first part of the authenticated data of every sealed integration credential. It must never
 * change: the rows sealed before would no longer open.
 */
export const INTEGRATION_SECRET_PURPOSE = 'parley-integration-credentials';

export interface IntegrationKeyRing {
  secretKeys: ReadonlyMap<string, Buffer>;
  activeKid: string;
}

/**
 * Seals an integration's auth (tokens, passwords, client secrets) with AES-256-GCM under
 * INTEGRATION_SECRET_KEYS, bound to the integration's id: a ciphertext copied to another row
 * does not open. Any key of the ring opens; the active one seals, so a rotation needs no
 * downtime (rows under an older key are re-sealed when next written, `isStale` tells which).
 */
export class IntegrationCredentials {
  private readonly box: SecretBox;

  constructor(ring: IntegrationKeyRing) {
    this.box = new SecretBox({
      keys: ring.secretKeys,
      activeKid: ring.activeKid,
      purpose: INTEGRATION_SECRET_PURPOSE,
      envName: 'INTEGRATION_SECRET_KEYS',
    });
  }

  /** null for `none` auth: nothing to keep secret. */
  seal(auth: IntegrationAuth, integrationId: string): SealedSecret | null {
    if (auth.type === 'none') return null;
    return this.box.seal(JSON.stringify(auth), integrationId);
  }

  /** The auth of a row; `none` when it has no sealed credentials. Throws SecretBoxError when it does not open. */
  open(sealed: { ciphertext: Uint8Array | null; keyId: string | null }, integrationId: string): IntegrationAuth {
    if (!sealed.ciphertext || !sealed.keyId) return { type: 'none' };
    return integrationAuthSchema.parse(JSON.parse(this.box.open(sealed.ciphertext, sealed.keyId, integrationId)));
  }

  isStale(keyId: string | null): boolean {
    return keyId !== null && this.box.isStale(keyId);
  }
}
