import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART, CHART_HEIGHT } from './chart-palette.constants';
import { ChartFigure } from './chart-figure.component';
import { count, signedPercent } from './insights-format.util';
import type { InsightPeriod } from './insights-period.util';
import { volumeSeries, volumeSummary } from './insights-series.util';
import type { InsightRollup } from './insights.types';

/** Sessions per period next to the period before each, with the change in the summary and table. */
export function VolumeChart({ period, rollups }: { period: InsightPeriod; rollups: readonly InsightRollup[] }) {
  const data = volumeSeries(period, rollups);
  return (
    <ChartFigure
      id="volume"
      title="Volume"
      summary={volumeSummary(period, rollups)}
      rows={data}
      columns={[
        { header: 'Period', cell: (r) => r.label },
        { header: 'Sessions', cell: (r) => count(r.sessions) },
        { header: 'Period before', cell: (r) => count(r.previousSessions) },
        { header: 'Change', cell: (r) => signedPercent(r.changePct) },
      ]}
    >
      <BarChart
        data={data}
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
      >
        <CartesianGrid stroke={CHART.grid} vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} />
        <YAxis allowDecimals={false} tick={AXIS_TICK} width={40} />
        <Tooltip />
        <Legend />
        <Bar dataKey="previousSessions" name="Period before" fill={CHART.brown} maxBarSize={48} isAnimationActive={false} />
        <Bar dataKey="sessions" name="Sessions" fill={CHART.blue} maxBarSize={48} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
