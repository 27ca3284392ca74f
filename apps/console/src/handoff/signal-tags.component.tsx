import { isAlarming, orderedSignals, signalText, type Signal } from './handoff.util';

/** A message's (or conversation's) signals as tags; the alarming ones stand out. */
export function SignalTags({ signals, label }: { signals: readonly Signal[]; label: string }) {
  const ordered = orderedSignals(signals);
  if (ordered.length === 0) return null;
  return (
    <ul className="signal-tags" aria-label={label}>
      {ordered.map((signal) => (
        <li key={`${signal.kind}:${signal.label}`} className={`tag${isAlarming(signal) ? ' tag-critical' : ''}`}>
          {signalText(signal)}
        </li>
      ))}
    </ul>
  );
}
