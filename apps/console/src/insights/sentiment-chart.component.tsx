import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART, CHART_HEIGHT } from './chart-palette.constants';
import { ChartFigure } from './chart-figure.component';
import { count, sentiment } from './insights-format.util';
import type { InsightPeriod } from './insights-period.util';
import { sentimentSeries, sentimentSummary } from './insights-series.util';
import type { InsightRollup } from './insights.types';

/** Average visitor sentiment per local day, −1 (negative) to +1 (positive). */
export function SentimentChart({ period, rollups }: { period: InsightPeriod; rollups: readonly InsightRollup[] }) {
  const data = sentimentSeries(period, rollups);
  return (
    <ChartFigure
      id="sentiment"
      title="Sentiment trend"
      summary={sentimentSummary(rollups)}
      rows={data}
      columns={[
        { header: 'Day', cell: (r) => r.label },
        { header: 'Average sentiment', cell: (r) => sentiment(r.average) },
        { header: 'Messages', cell: (r) => count(r.samples) },
      ]}
    >
      <LineChart
        data={data}
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
      >
        <CartesianGrid stroke={CHART.grid} vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} />
        <YAxis domain={[-1, 1]} ticks={[-1, -0.5, 0, 0.5, 1]} tick={AXIS_TICK} width={40} />
        <ReferenceLine y={0} stroke={CHART.axis} />
        <Tooltip formatter={(value) => sentiment(typeof value === 'number' ? value : null)} />
        <Line
          type="monotone"
          dataKey="average"
          name="Average sentiment"
          stroke={CHART.purple}
          strokeWidth={2}
          connectNulls
          dot
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}
