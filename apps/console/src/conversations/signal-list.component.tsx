import { notableSignals, signalText, type Signal } from './conversations.util';

const TONE: Record<string, string> = { urgency: 'tag-warning', escalation: 'tag-warning', safety: 'tag-critical' };

/** A message's or conversation's notable signals as tags (nothing when there is none). */
export function SignalList({ signals, label }: { signals: readonly Signal[]; label: string }) {
  const notable = notableSignals(signals);
  if (notable.length === 0) return null;
  return (
    <ul className="signal-list" aria-label={label}>
      {notable.map((signal) => (
        <li key={`${signal.kind}:${signal.label}`} className={`tag ${TONE[signal.kind] ?? ''}`}>
          {signalText(signal)}
        </li>
      ))}
    </ul>
  );
}
