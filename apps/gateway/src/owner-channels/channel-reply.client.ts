import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import type { AppConfig } from '../config/env.schema';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';

/** Slack's section text limit is 3,000 characters; a response_url message's text is cut well under Slack's own limits. */
const SLACK_MAX_CHARS = 3_900;
/** Discord's message content limit. */
const DISCORD_MAX_CHARS = 2_000;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Posts the assistant's answer back where the owner asked (docs/adr/0027-owner-chat-channels.md):
 * Slack's response_url (an ephemeral message: only the owner sees keys) and Discord's original
 * interaction response (PATCH /webhooks/{application_id}/{token}/messages/@original). One try,
 * bounded by OWNER_CHANNELS_REPLY_TIMEOUT_MS; a failure is logged (the token expires anyway).
 */
@Injectable()
export class ChannelReplyClient {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /** Only response URLs under OWNER_SLACK_RESPONSE_URL_PREFIX are posted to (never an address the request names freely). */
  slackUrlAllowed(url: string): boolean {
    return url.startsWith(this.config.ownerChannels.slackResponseUrlPrefix);
  }

  async slack(responseUrl: string, text: string): Promise<boolean> {
    if (!this.slackUrlAllowed(responseUrl)) return false;
    return this.send('slack', responseUrl, 'POST', {
      response_type: 'ephemeral',
      replace_original: false,
      text: clip(text, SLACK_MAX_CHARS),
    });
  }

  async discord(applicationId: string, token: string, text: string): Promise<boolean> {
    const url = `${this.config.ownerChannels.discordApiBaseUrl}/webhooks/${encodeURIComponent(applicationId)}/${encodeURIComponent(token)}/messages/@original`;
    return this.send('discord', url, 'PATCH', { content: clip(text, DISCORD_MAX_CHARS), allowed_mentions: { parse: [] } });
  }

  private async send(platform: 'slack' | 'discord', url: string, method: string, body: object): Promise<boolean> {
    try {
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        redirect: 'error',
        signal: AbortSignal.timeout(this.config.ownerChannels.replyTimeoutMs),
      });
      await response.body?.cancel();
      if (!response.ok) this.logger.warn({ platform, status: response.status }, 'owner channel answer refused');
      return response.ok;
    } catch (err) {
      this.logger.warn({ platform, err }, 'owner channel answer not delivered');
      return false;
    }
  }
}
