import { createHmac, createPublicKey, timingSafeEqual, verify } from 'node:crypto';

/**
 * Slack's request signature (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` under the app's signing secret,
 * compared in constant time.
 */
export function slackSignatureValid(signingSecret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(`v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`, 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Discord's interaction signature (https://discord.com/developers/docs/interactions/overview):
 * Ed25519 over `{timestamp}{raw body}`, hex, under the application's public key (hex, 32 bytes).
 */
export function discordSignatureValid(publicKeyHex: string, timestamp: string, body: string, signatureHex: string): boolean {
  if (!/^[0-9a-fA-F]{128}$/.test(signatureHex) || !/^[0-9a-fA-F]{64}$/.test(publicKeyHex)) return false;
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyHex, 'hex').toString('base64url') },
    format: 'jwk',
  });
  return verify(null, Buffer.from(`${timestamp}${body}`, 'utf8'), key, Buffer.from(signatureHex, 'hex'));
}
