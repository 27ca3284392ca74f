/** A line the widget shows between messages: what the platform noticed or did. */
export interface Notice {
  id: string;
  /** urgent and safety notices are announced assertively (role=alert). */
  tone: 'urgent' | 'safety' | 'info';
  text: string;
}

interface SignalLike {
  kind?: unknown;
  label?: unknown;
}

export const NOTICE_TEXT = {
  safety: 'If anyone is in danger, call your local emergency number now. We have also alerted the team.',
  urgent: 'This looks urgent: we have flagged it to the team so someone can get back to you quickly.',
  handoff: 'A person will reply here. You can keep typing in the meantime.',
  botBack: 'You are chatting with the assistant again.',
  actionDone: 'Passed on to the team.',
  actionFailed: 'We could not pass this on automatically. Please try again or contact the business directly.',
} as const;

let counter = 0;
const notice = (tone: Notice['tone'], text: string): Notice => ({ id: `n${++counter}`, tone, text });

/** The notice for a turn's signal frame: safety first, then urgency; other signals show nothing. */
export function noticeForSignals(signals: readonly SignalLike[]): Notice | undefined {
  if (signals.some((s) => s.kind === 'safety')) return notice('safety', NOTICE_TEXT.safety);
  if (signals.some((s) => s.kind === 'urgency' && s.label !== 'low' && s.label !== 'none')) return notice('urgent', NOTICE_TEXT.urgent);
  return undefined;
}

/** The notice for the session changing hands (live `mode` frame). */
export function noticeForMode(mode: unknown): Notice | undefined {
  if (mode === 'human') return notice('info', NOTICE_TEXT.handoff);
  if (mode === 'bot') return notice('info', NOTICE_TEXT.botBack);
  return undefined;
}

/** The notice for an action: a turn's `requested` action, or its outcome on the live stream. */
export function noticeForAction(status: unknown): Notice | undefined {
  if (status === 'requested' || status === 'done' || status === 'completed') return notice('info', NOTICE_TEXT.actionDone);
  if (status === 'failed') return notice('info', NOTICE_TEXT.actionFailed);
  return undefined;
}
