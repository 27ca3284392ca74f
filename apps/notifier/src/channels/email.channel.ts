import { createTransport, type Transporter } from 'nodemailer';
import type { NotifierOptions } from '../config/env.schema';
import type { ChannelSender, DeliveryResult, DeliveryTarget, OutboundNotification } from './channel.types';
import { withDeadline } from '@parley/integrations';
import { buildEmail } from './email-message.builder';
import { DEFAULT_HTTP_TIMEOUT_MS } from './outbound-http.client';
import { singleLine, truncate } from './text-limits.util';

export type EmailChannelOptions = Pick<NotifierOptions, 'smtpUrl' | 'emailFrom'> & Partial<Pick<NotifierOptions, 'httpTimeoutMs'>>;

export const EMAIL_NOT_CONFIGURED = 'email is not configured (NOTIFIER_SMTP_URL)';

/** Connection-level failures: the message never reached a server that could refuse it. */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EABORT',
  'EMAXLIMIT',
  'EPROXY',
  'ECONNREFUSED',
  'ECONNRESET',
]);

/**
 * Email over SMTP. One pooled transport for the process (created here, closed by close() or
 * Nest's onModuleDestroy). The Message-ID is derived from the delivery id, so a redelivered
 * mail is recognisably the same message. SMTP 4xx is retryable, 5xx (except 503) is not.
 */
export class EmailChannel implements ChannelSender<'email'> {
  readonly kind = 'email' as const;
  private readonly transport: Transporter | null;
  private readonly deadlineMs: number;

  constructor(private readonly options: EmailChannelOptions) {
    const timeoutMs = options.httpTimeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
    // Connecting, the greeting and each reply each get the timeout; the whole send gets three.
    this.deadlineMs = 3 * timeoutMs;
    this.transport = options.smtpUrl
      ? createTransport({
          url: options.smtpUrl,
          pool: true,
          maxConnections: 3,
          idleTimeout: 30_000,
          connectionTimeout: timeoutMs,
          greetingTimeout: timeoutMs,
          socketTimeout: timeoutMs,
        })
      : null;
  }

  async send(
    notification: OutboundNotification,
    target: Extract<DeliveryTarget, { kind: 'email' }>,
    signal: AbortSignal,
  ): Promise<DeliveryResult> {
    if (this.transport === null) return { ok: false, retryable: false, error: EMAIL_NOT_CONFIGURED };
    const { subject, text, html } = buildEmail(notification);
    const deadline = withDeadline(signal, this.deadlineMs);
    try {
      await this.transport.sendMail({
        from: { name: singleLine(target.senderName), address: this.options.emailFrom },
        to: target.to,
        subject,
        text,
        html,
        messageId: `<${notification.deliveryId}@parley>`,
        headers: {
          'X-Parley-Notification-Id': notification.notificationId,
          'X-Parley-Delivery-Id': notification.deliveryId,
          // RFC 3834: no out-of-office replies to a machine.
          'Auto-Submitted': 'auto-generated',
        },
        signal: deadline.signal,
      });
      return { ok: true };
    } catch (err) {
      if (deadline.timedOut()) return { ok: false, retryable: true, error: `timed out after ${this.deadlineMs} ms` };
      return classifySmtpError(err as SmtpError);
    } finally {
      deadline.dispose();
    }
  }

  /** Ends the pooled SMTP connections (on shutdown). */
  async close(): Promise<void> {
    this.transport?.close();
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  permanent?: boolean;
}

export function classifySmtpError(err: SmtpError): DeliveryResult {
  if (typeof err.responseCode === 'number') {
    const permanent = err.permanent ?? (err.responseCode >= 500 && err.responseCode !== 503);
    const detail = truncate(singleLine(err.response ?? err.message), 300);
    return { ok: false, retryable: !permanent, statusCode: err.responseCode, error: `SMTP ${detail}` };
  }
  const retryable = err.name === 'AbortError' || (err.code !== undefined && TRANSIENT_CODES.has(err.code));
  return { ok: false, retryable, error: `SMTP ${err.code ?? 'error'}: ${truncate(singleLine(err.message), 300)}` };
}
