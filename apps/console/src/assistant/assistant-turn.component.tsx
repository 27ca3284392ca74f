import { secretsOf, STATUS_LABELS, type AssistantOperation, type AssistantTurn } from './assistant-transcript.util';

const TAG_CLASS: Partial<Record<AssistantOperation['status'], string>> = {
  proposed: 'tag tag-warning',
  failed: 'tag tag-critical',
  asked: 'tag tag-warning',
};

/** A secret of a performed operation (a new API key): shown here once; the assistant keeps only a placeholder. */
function SecretValue({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="secret-row">
      <label htmlFor={id}>{label} (shown once)</label>
      <input
        id={id}
        type="text"
        readOnly
        value={value}
        className="secret-value"
        data-testid="assistant-secret"
        onFocus={(e) => e.target.select()}
      />
    </div>
  );
}

/** One exchange: what the owner said, the answer (streaming), the operations proposed, performed or read. */
export function AssistantTurnView({ turn }: { turn: AssistantTurn }) {
  return (
    <li className="card" data-testid="assistant-turn" aria-busy={turn.state === 'streaming'}>
      <p className="assistant-message">You: {turn.message}</p>
      <p className="assistant-answer" data-testid="assistant-answer">
        {turn.answer || (turn.state === 'streaming' ? 'Thinking…' : '')}
      </p>
      {turn.operations.length > 0 ? (
        <ul className="assistant-operations" aria-label="Operations">
          {turn.operations.map((op, i) => (
            <li key={`${op.kind}-${op.status}-${i}`} data-testid="assistant-operation" data-kind={op.kind} data-status={op.status}>
              <span className={TAG_CLASS[op.status] ?? 'tag'}>{STATUS_LABELS[op.status]}</span> {op.summary}
              {secretsOf(op).map((s, j) => (
                <SecretValue key={s.label} id={`assistant-secret-${turn.id}-${i}-${j}`} label={s.label} value={s.value} />
              ))}
            </li>
          ))}
        </ul>
      ) : null}
      {turn.error ? (
        <p className="problem" role="alert">
          {turn.error}
        </p>
      ) : null}
    </li>
  );
}
