import { count } from './insights-format.util';
import { rankedSummary, type Ranked } from './insights-series.util';

/** Questions the bot could not answer (candidates for the knowledge base), most asked first. */
export function UnmetNeedsList({ items }: { items: readonly Ranked[] }) {
  return (
    <section className="chart-card" aria-labelledby="unmet-title" data-testid="unmet-needs">
      <h2 id="unmet-title" className="chart-title">
        Unmet needs
      </h2>
      <p className="chart-summary">{rankedSummary(items, 'unanswered question', 'Every question in this range was answered.')}</p>
      {items.length > 0 ? (
        <ol className="unmet-list">
          {items.map((item) => (
            <li key={item.label}>
              <span className="unmet-question">{item.label}</span> <span className="muted">asked {count(item.count)}×</span>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
