import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART, CHART_HEIGHT, DASH } from './chart-palette.constants';
import { ChartFigure } from './chart-figure.component';
import { count, usd } from './insights-format.util';
import type { InsightPeriod } from './insights-period.util';
import { usageSeries, usageSummary } from './insights-series.util';
import type { InsightRollup } from './insights.types';

/** Tokens in and out (bars, left axis) and model cost (line, right axis) per period. */
export function UsageChart({ period, rollups }: { period: InsightPeriod; rollups: readonly InsightRollup[] }) {
  const data = usageSeries(period, rollups);
  return (
    <ChartFigure
      id="usage"
      title="Cost and usage"
      summary={usageSummary(rollups)}
      rows={data}
      columns={[
        { header: 'Period', cell: (r) => r.label },
        { header: 'Tokens in', cell: (r) => count(r.tokensIn) },
        { header: 'Tokens out', cell: (r) => count(r.tokensOut) },
        { header: 'Cost', cell: (r) => usd(r.costUsd) },
      ]}
    >
      <ComposedChart
        data={data}
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
      >
        <CartesianGrid stroke={CHART.grid} vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} />
        <YAxis yAxisId="tokens" allowDecimals={false} tick={AXIS_TICK} width={56} />
        <YAxis yAxisId="cost" orientation="right" tickFormatter={(v: number) => usd(v)} tick={AXIS_TICK} width={64} />
        <Tooltip />
        <Legend />
        <Bar
          yAxisId="tokens"
          dataKey="tokensIn"
          name="Tokens in"
          stackId="tokens"
          fill={CHART.blue}
          maxBarSize={48}
          isAnimationActive={false}
        />
        <Bar
          yAxisId="tokens"
          dataKey="tokensOut"
          name="Tokens out"
          stackId="tokens"
          fill={CHART.purple}
          maxBarSize={48}
          isAnimationActive={false}
        />
        <Line
          yAxisId="cost"
          type="monotone"
          dataKey="costUsd"
          name="Cost (USD)"
          stroke={CHART.brown}
          strokeDasharray={DASH.dashed}
          strokeWidth={2}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFigure>
  );
}
