import { LazyInsightsView } from './insights-view.lazy';
import { useInsightRange } from './insights-range.hook';
import { useOwnInsights } from './insights.queries';

/** The signed-in staff member's tenant insights (GET /api/v1/insights). */
export function InsightsPage() {
  const [range, setRange] = useInsightRange();
  const result = useOwnInsights(range);
  return (
    <section aria-labelledby="insights-title">
      <h1 id="insights-title">Insights</h1>
      <LazyInsightsView range={range} onRangeChange={setRange} result={result} />
    </section>
  );
}
