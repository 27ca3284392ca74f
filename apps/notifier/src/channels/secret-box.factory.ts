import { SecretBox } from '@parley/auth';
import type { NotifierOptions } from '../common/notifier.options';

/**
 * The first part of the authenticated data of every sealed channel secret. It must never change:
 * the rows sealed before would no longer open.
 */
export const NOTIFIER_SECRET_PURPOSE = 'parley-notifier-secret';

/** The secret box of the channel secrets (webhook signing secrets, Slack and Discord URLs), under NOTIFIER_SECRET_KEYS. */
export function notifierSecretBox(options: Pick<NotifierOptions, 'secretKeys' | 'activeSecretKid'>): SecretBox {
  return new SecretBox({
    keys: options.secretKeys,
    activeKid: options.activeSecretKid,
    purpose: NOTIFIER_SECRET_PURPOSE,
    envName: 'NOTIFIER_SECRET_KEYS',
  });
}
