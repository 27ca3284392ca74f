import type { AlertSeverity } from '@parley/contracts';
import type { OutboundNotification } from './channel.types';
import { safeLink, singleLine } from './text-limits.util';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const COLOR: Record<AlertSeverity, string> = { critical: '#c0143c', warning: '#b7791f', info: '#1d6fa5' };

/** Everything that comes from a notification is text: in HTML it is escaped, always. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** `[<severity>] <title>`, plain text and HTML bodies with the link back to the console and digest items. */
export function buildEmail(n: OutboundNotification): EmailContent {
  const subject = singleLine(`[${n.severity}] ${n.title}`);
  const link = safeLink(n.url);
  const items = n.items ?? [];

  const text = [
    n.title,
    '',
    n.body,
    ...(items.length > 0
      ? [
          '',
          'Included:',
          ...items.map((i) => `- [${i.severity}] ${i.title} (${i.occurredAt})${safeLink(i.url) ? ` ${safeLink(i.url)}` : ''}`),
        ]
      : []),
    ...(link ? ['', `Open in Parley: ${link}`] : []),
    '',
    '--',
    `${n.scopeName} · ${n.severity} · ${n.occurredAt}`,
  ].join('\n');

  const paragraphs = n.body
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p style="margin:0 0 12px">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  const list = items.length > 0 ? `<ul style="padding-left:20px">${items.map(itemHtml).join('')}</ul>` : '';
  const button = link
    ? `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:8px 14px;background:#1f2937;color:#ffffff;text-decoration:none;border-radius:4px">Open in Parley</a></p>`
    : '';
  const html =
    '<!doctype html><html><body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1f2937;line-height:1.5">' +
    `<p style="margin:0 0 4px;color:${COLOR[n.severity]};font-weight:600;text-transform:uppercase;font-size:12px">${escapeHtml(n.severity)}</p>` +
    `<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(n.title)}</h1>` +
    paragraphs +
    list +
    button +
    `<p style="margin-top:24px;color:#6b7280;font-size:12px">${escapeHtml(n.scopeName)} · ${escapeHtml(n.occurredAt)}</p>` +
    '</body></html>';

  return { subject, text, html };
}

function itemHtml(item: NonNullable<OutboundNotification['items']>[number]): string {
  const link = safeLink(item.url);
  const title = escapeHtml(item.title);
  return `<li><strong>[${escapeHtml(item.severity)}]</strong> ${link ? `<a href="${escapeHtml(link)}">${title}</a>` : title} <span style="color:#6b7280">${escapeHtml(item.occurredAt)}</span></li>`;
}
