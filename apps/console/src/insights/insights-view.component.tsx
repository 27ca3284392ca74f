import './insights.css';
import type { UseQueryResult } from '@tanstack/react-query';
import { ProblemAlert } from '../shell/problem-alert.component';
import { InsightsControls } from './insights-controls.component';
import { shortDate, type InsightRange } from './insights-period.util';
import { rankedSummary, topTopics, unmetNeeds } from './insights-series.util';
import type { TenantInsights } from './insights.types';
import { PeakHoursChart } from './peak-hours-chart.component';
import { RankedBarChart } from './ranked-bar-chart.component';
import { ConversionChart, OutcomeChart } from './rate-charts.component';
import { SentimentChart } from './sentiment-chart.component';
import { UnmetNeedsList } from './unmet-needs-list.component';
import { UsageChart } from './usage-chart.component';
import { VolumeChart } from './volume-chart.component';

/**
 * A tenant's L3 insights as charts: the staff's own Insights page and the owner's drill-down
 * into one tenant both render this with their own query (the two routes answer the same shape).
 */
export function InsightsView({
  range,
  onRangeChange,
  result,
}: {
  range: InsightRange;
  onRangeChange: (next: InsightRange) => void;
  result: UseQueryResult<TenantInsights>;
}) {
  const data = result.data;
  const rollups = data?.rollups ?? [];
  const topics = topTopics(rollups);
  return (
    <div className="insights">
      <InsightsControls range={range} onChange={onRangeChange} busy={result.isFetching} />
      <ProblemAlert error={result.error} context="Could not load the insights" />
      {result.isPending ? <p role="status">Loading insights…</p> : null}
      {data ? (
        <>
          <p className="muted" aria-live="polite">
            {data.period === 'day' ? 'Daily' : 'Weekly'} insights, {shortDate(range.from)} to {shortDate(range.to)}, in the tenant&apos;s
            time zone ({data.timezone}).
            {result.isFetching ? ' Updating…' : ''}
          </p>
          <div className="chart-grid">
            <VolumeChart period={data.period} rollups={rollups} />
            <SentimentChart period={data.period} rollups={rollups} />
            <RankedBarChart
              id="topics"
              title="Top topics"
              summary={rankedSummary(topics, 'topic', 'No topics detected in this range.')}
              items={topics}
              labelHeader="Topic"
              valueName="Mentions"
            />
            <ConversionChart period={data.period} rollups={rollups} />
            <UnmetNeedsList items={unmetNeeds(rollups)} />
            <PeakHoursChart rollups={rollups} timezone={data.timezone} />
            <OutcomeChart period={data.period} rollups={rollups} />
            <UsageChart period={data.period} rollups={rollups} />
          </div>
        </>
      ) : null}
    </div>
  );
}
