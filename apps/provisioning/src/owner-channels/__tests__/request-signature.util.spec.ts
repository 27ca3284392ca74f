import { discordSignatureValid, slackSignatureValid } from '../request-signature.util';

// Slack's own example (api.slack.com, "Verifying requests from Slack") and RFC 8032's Ed25519
// test vector 2 (message 0x72 = "r", split here into a timestamp "" and a body "r").
const SLACK = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: '1531420618',
  body:
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar' +
    '&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands' +
    '%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};
const ED = {
  publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
  signature:
    '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
};

describe('Slack request signatures', () => {
  it("accepts Slack's documented example", () => {
    expect(slackSignatureValid(SLACK.secret, SLACK.timestamp, SLACK.body, SLACK.signature)).toBe(true);
  });

  it.each([
    ['a tampered body', { body: SLACK.body.replace('roadrunner', 'coyote') }],
    ['another timestamp', { timestamp: '1531420619' }],
    ['another secret', { secret: 'another-signing-secret' }],
    ['a truncated signature', { signature: SLACK.signature.slice(0, -2) }],
    ['no v0= prefix', { signature: SLACK.signature.slice(3) }],
  ])('refuses %s', (_label, change: Partial<typeof SLACK>) => {
    const s = { ...SLACK, ...change };
    expect(slackSignatureValid(s.secret, s.timestamp, s.body, s.signature)).toBe(false);
  });
});

describe('Discord request signatures (Ed25519)', () => {
  it('accepts the RFC 8032 vector over timestamp + body', () => {
    expect(discordSignatureValid(ED.publicKey, '', 'r', ED.signature)).toBe(true);
  });

  it.each([
    ['another body', '', 's', ED.signature, ED.publicKey],
    ['a timestamp that was not signed', '1', 'r', ED.signature, ED.publicKey],
    ['a flipped signature bit', '', 'r', `${ED.signature.slice(0, -1)}1`, ED.publicKey],
    ['a signature that is not hex', '', 'r', 'zz'.repeat(64), ED.publicKey],
    ['a short signature', '', 'r', ED.signature.slice(0, 64), ED.publicKey],
    ['a malformed key', '', 'r', ED.signature, 'abc'],
  ])('refuses %s', (_label, timestamp, body, signature, key) => {
    expect(discordSignatureValid(key, timestamp, body, signature)).toBe(false);
  });
});
