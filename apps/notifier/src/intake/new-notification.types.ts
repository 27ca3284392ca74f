import type { AlertSeverity, NotificationKind } from '@parley/contracts';

/** A notification about to be stored, whatever event it came from. */
export interface NewNotification {
  /** The event's notification, alert or action id: a redelivered event maps to the same row. */
  id: string;
  /** The tenant whose staff hear about it, or PLATFORM_TENANT_ID for the owner. */
  scope: string;
  kind: NotificationKind;
  severity: AlertSeverity;
  title: string;
  body: string;
  /** Relative console link, e.g. `/sessions/<id>`. */
  link: string | null;
  /** The event subject's name (`notify.requested`, `insights.alert`, `action.requested`). */
  source: string;
  occurredAt: Date;
  /** Only these users' inboxes (a staff message); otherwise the rules decide. */
  recipientUserIds?: readonly string[];
  data: Record<string, unknown>;
}
