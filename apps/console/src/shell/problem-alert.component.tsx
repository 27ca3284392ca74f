import { ApiProblem } from '../api/problem.util';

/** An API error as the user sees it: its title, its detail, the fields at fault and the request id. */
export function ProblemAlert({ error, context }: { error: unknown; context?: string }) {
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : null;
  const title = problem?.title ?? 'Something went wrong';
  const detail = problem ? problem.detail : error instanceof Error ? error.message : undefined;
  return (
    <div className="problem" role="alert">
      <p className="problem-title">
        {context ? `${context}: ` : ''}
        {title}
      </p>
      {detail ? <p className="problem-detail">{detail}</p> : null}
      {problem && problem.fields.length > 0 ? (
        <ul className="problem-fields">
          {problem.fields.map((field) => (
            <li key={`${field.path}:${field.message}`}>
              {field.path ? <code>{field.path}</code> : null} {field.message}
            </li>
          ))}
        </ul>
      ) : null}
      {problem?.requestId ? <p className="problem-ref">Reference: {problem.requestId}</p> : null}
    </div>
  );
}
