import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { http } from '../e2e/platform';
import type { Fixture, FuzzRequest } from './request-cases';

// The owner's Slack app and Discord application for the fuzz run (docs/adr/0027-owner-chat-channels.md):
// set through the owner's API, then every request to the signed routes is signed over its exact
// bytes like Slack and Discord sign theirs (a fresh timestamp; a resent copy is a replay, 401).
// The fixtures aim the schema-valid requests at the allowed workspace, user and application;
// the Slack answer goes to OWNER_SLACK_RESPONSE_URL_PREFIX (a closed local port in the run).

export const FUZZ_SLACK_RESPONSE_PREFIX = 'http://127.0.0.1:9/slack/';
export const FUZZ_DISCORD_API_BASE = 'http://127.0.0.1:9/discord/api/v10';

const SLACK_ROUTE = 'POST /api/v1/owner-channels/{id}/slack';
const DISCORD_ROUTE = 'POST /api/v1/owner-channels/{id}/discord';
const APP_ID = '100200300400500600';

export interface OwnerChannelsFixture {
  id: string;
  fixtures: Record<string, Fixture>;
  signers: Record<string, (request: FuzzRequest) => Record<string, string>>;
}

export async function seedOwnerChannels(gatewayUrl: string, ownerToken: string, runTag: string): Promise<OwnerChannelsFixture> {
  const secret = `fuzz-slack-secret-${runTag}`;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyHex = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString('hex');
  const settings = {
    slack: { signing_secret: secret, team_ids: ['TFUZZ'], user_ids: ['UFUZZ'] },
    discord: { application_id: APP_ID, public_key: publicKeyHex, guild_ids: ['700800900100200300'], user_ids: ['800900100200300400'] },
  };
  const res = await http(`${gatewayUrl}/api/v1/admin/chat-channels`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${ownerToken}` },
    body: settings,
  });
  if (res.status !== 200) throw new Error(`owner chat channels: HTTP ${res.status} ${res.text.slice(0, 300)}`);
  const id = /\/owner-channels\/([^/]+)\/slack$/.exec(res.body.slack.command_url as string)![1];
  const now = () => String(Math.floor(Date.now() / 1000));
  const bytes = (request: FuzzRequest) => (request.body ?? Buffer.alloc(0)).toString('utf8');
  return {
    id,
    fixtures: {
      // The same settings (a random body would switch the signed routes off for the rest of the run).
      'PUT /api/v1/admin/chat-channels': { body: settings },
      [SLACK_ROUTE]: {
        body: {
          team_id: 'TFUZZ',
          user_id: 'UFUZZ',
          channel_id: 'CFUZZ',
          command: '/parley',
          text: 'Show me all my clients',
          response_url: `${FUZZ_SLACK_RESPONSE_PREFIX}commands/TFUZZ/1/fuzz`,
        },
      },
      // A PING of the application (members named like ids would otherwise take uuids from the pools, not snowflakes).
      [DISCORD_ROUTE]: {
        body: {
          type: 1,
          application_id: APP_ID,
          id: undefined,
          guild_id: undefined,
          channel_id: undefined,
          token: undefined,
          member: undefined,
          user: undefined,
          data: undefined,
        },
      },
    },
    signers: {
      [SLACK_ROUTE]: (request) => {
        const timestamp = now();
        const mac = createHmac('sha256', secret)
          .update(`v0:${timestamp}:${bytes(request)}`)
          .digest('hex');
        return { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': `v0=${mac}` };
      },
      [DISCORD_ROUTE]: (request) => {
        const timestamp = now();
        const signature = sign(null, Buffer.from(`${timestamp}${bytes(request)}`, 'utf8'), privateKey).toString('hex');
        return { 'x-signature-timestamp': timestamp, 'x-signature-ed25519': signature };
      },
    },
  };
}
