import { useState, type FormEvent } from 'react';
import { errorAt, fieldErrorsOf } from '../forms/field-errors.util';
import { TextField } from '../forms/text-field.component';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useKnowledgeSearch } from './knowledge.queries';
import { matchedByText } from './knowledge.util';

/** "Test a search": the chunks the bot would retrieve for a question, best first. */
export function KnowledgeSearch() {
  const [query, setQuery] = useState('');
  const [empty, setEmpty] = useState(false);
  const search = useKnowledgeSearch();
  const errors = fieldErrorsOf(search.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setEmpty(query.trim() === '');
    if (query.trim() !== '') search.mutate({ query: query.trim(), limit: 5 });
  };

  return (
    <div className="form-card">
      <form onSubmit={submit} noValidate aria-labelledby="search-title">
        <h2 id="search-title">Test a search</h2>
        <ProblemAlert error={search.error} context="The search failed" />
        <TextField
          id="k-query"
          label="A visitor’s question"
          type="search"
          value={query}
          onChange={setQuery}
          error={empty ? 'Type a question.' : errorAt(errors, 'query')}
          disabled={search.isPending}
        />
        <button type="submit" className="primary" disabled={search.isPending}>
          {search.isPending ? 'Searching…' : 'Search'}
        </button>
      </form>
      <div aria-live="polite">
        {search.isSuccess ? (
          search.data.items.length === 0 ? (
            <p>Nothing found: the bot would have no document to answer from.</p>
          ) : (
            <ol className="plain-list" aria-label="Retrieved chunks, best first">
              {search.data.items.map((hit) => (
                <li key={hit.chunkId} className="chunk">
                  <strong>{hit.title}</strong>{' '}
                  <span className="muted">
                    score {hit.score.toFixed(3)}, matched by {matchedByText(hit.matchedBy)}
                  </span>
                  <p>{hit.text}</p>
                </li>
              ))}
            </ol>
          )
        ) : null}
      </div>
    </div>
  );
}
