import type { AlertSeverity } from '@parley/contracts';
import type { OutboundNotification } from './channel.types';
import { safeLink, truncate } from './text-limits.util';

// Discord embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits):
// a message over any of them is refused with HTTP 400.
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
} as const;

const COLOR: Record<AlertSeverity, number> = { critical: 0xe01e5a, warning: 0xecb22e, info: 0x1d9bd1 };

export interface DiscordEmbed {
  title: string;
  description?: string;
  url?: string;
  color: number;
  timestamp?: string;
  footer: { text: string };
  fields?: Array<{ name: string; value: string; inline?: boolean }>;
}

export interface DiscordMessage {
  username: string;
  embeds: DiscordEmbed[];
  /** Nothing in the text may ping anyone: a visitor's `@everyone` stays text. */
  allowed_mentions: { parse: [] };
}

/**
 * Backslash-escapes Discord markdown in text that may come from a visitor, so that
 * `[Pay here](https://evil)` stays visible text rather than a disguised link, and `<@id>` or
 * `<t:…>` is not rendered as a mention or a date.
 */
export function escapeDiscordMarkdown(text: string): string {
  return text.replace(/[\\*_~`|>[\]()#<@-]/g, '\\$&');
}

export function buildDiscordMessage(n: OutboundNotification): DiscordMessage {
  const title = truncate(n.title, DISCORD_LIMITS.title);
  const footer = truncate(n.scopeName, DISCORD_LIMITS.footer);
  const url = safeLink(n.url);
  const at = Date.parse(n.occurredAt);
  let budget = DISCORD_LIMITS.total - title.length - footer.length;
  const fields: NonNullable<DiscordEmbed['fields']> = [];
  const items = n.items ?? [];
  for (const item of items.slice(0, DISCORD_LIMITS.fields)) {
    const field = digestField(item);
    // Keep room for the "and N more" remark below and for a short description.
    if (field.name.length + field.value.length > budget - 200) break;
    fields.push(field);
    budget -= field.name.length + field.value.length;
  }
  const remark = items.length > fields.length ? `\n\n…and ${items.length - fields.length} more` : '';
  const description = truncate(escapeDiscordMarkdown(n.body), Math.min(DISCORD_LIMITS.description, budget) - remark.length) + remark;
  const embed: DiscordEmbed = {
    title,
    ...(description.trim() !== '' ? { description } : {}),
    ...(url !== null ? { url } : {}),
    color: COLOR[n.severity],
    ...(Number.isNaN(at) ? {} : { timestamp: new Date(at).toISOString() }),
    footer: { text: footer },
    ...(fields.length > 0 ? { fields } : {}),
  };
  return { username: 'Parley', embeds: [embed], allowed_mentions: { parse: [] } };
}

function digestField(item: NonNullable<OutboundNotification['items']>[number]): { name: string; value: string; inline: boolean } {
  const link = safeLink(item.url);
  const seconds = Math.floor(Date.parse(item.occurredAt) / 1000);
  const when = Number.isFinite(seconds) ? `<t:${seconds}:f>` : item.occurredAt;
  const value = `${item.severity} · ${when}${link !== null && link.length < 900 ? ` · [Open](${link.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : ''}`;
  return { name: truncate(item.title, DISCORD_LIMITS.fieldName), value: truncate(value, DISCORD_LIMITS.fieldValue), inline: false };
}
