import type { AlertSeverity } from '@parley/contracts';
import type { OutboundNotification } from './channel.types';
import { safeLink, truncate } from './text-limits.util';

// Slack Block Kit limits (https://api.slack.com/reference/block-kit/blocks): a message over
// any of them is refused whole with `invalid_blocks`.
export const SLACK_HEADER_MAX = 150;
export const SLACK_SECTION_MAX = 3000;
export const SLACK_BUTTON_URL_MAX = 3000;

const EMOJI: Record<AlertSeverity, string> = { critical: '🚨', warning: '⚠️', info: 'ℹ️' };

type PlainText = { type: 'plain_text'; text: string; emoji?: boolean };
type Mrkdwn = { type: 'mrkdwn'; text: string };
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: Mrkdwn }
  | { type: 'context'; elements: Mrkdwn[] }
  | { type: 'actions'; elements: Array<{ type: 'button'; text: PlainText; url: string; action_id: string }> };

export interface SlackMessage {
  /** Fallback for notifications and clients that cannot show blocks. */
  text: string;
  blocks: SlackBlock[];
}

/**
 * Slack's three control characters. Escaping them is also what keeps a visitor's text from
 * writing `<!channel>`, `<@U123>` or a disguised `<https://evil|link>` into the message.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A link inside `<url|label>`: the URL may contain neither `|` nor an unescaped `>`. */
function mrkdwnLink(url: string, label: string): string {
  return `<${escapeMrkdwn(url).replace(/\|/g, '%7C')}|${escapeMrkdwn(label)}>`;
}

/** `<!date^…>` renders in each reader's own timezone; the ISO text is the fallback. */
function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return Number.isFinite(seconds) ? `<!date^${seconds}^{date_short_pretty} {time}|${escapeMrkdwn(iso)}>` : escapeMrkdwn(iso);
}

export function buildSlackMessage(n: OutboundNotification): SlackMessage {
  const emoji = EMOJI[n.severity];
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`${emoji} ${n.title}`, SLACK_HEADER_MAX), emoji: true } },
  ];
  if (n.body.trim() !== '')
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(escapeMrkdwn(n.body), SLACK_SECTION_MAX) } });
  if (n.items && n.items.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: digestLines(n.items) } });
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `*${escapeMrkdwn(n.scopeName)}* · ${n.severity} · ${slackDate(n.occurredAt)}` }],
  });
  const link = safeLink(n.url);
  if (link !== null && link.length <= SLACK_BUTTON_URL_MAX) {
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Parley' }, url: link, action_id: 'open_in_parley' }],
    });
  }
  return { text: truncate(escapeMrkdwn(`${emoji} [${n.severity}] ${n.title}`), SLACK_SECTION_MAX), blocks };
}

/** One bullet per item, as many as fit in one section, then how many were left out. */
function digestLines(items: NonNullable<OutboundNotification['items']>): string {
  const lines: string[] = [];
  let length = 0;
  for (const [index, item] of items.entries()) {
    const link = safeLink(item.url);
    const title = truncate(item.title, 200);
    const line = `• ${link ? mrkdwnLink(link, title) : escapeMrkdwn(title)} (${item.severity}, ${slackDate(item.occurredAt)})`;
    const more = `…and ${items.length - index} more`;
    if (length + line.length + 1 + more.length + 1 > SLACK_SECTION_MAX) {
      lines.push(more);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}
