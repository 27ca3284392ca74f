import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART, CHART_HEIGHT } from './chart-palette.constants';
import { ChartFigure } from './chart-figure.component';
import { count } from './insights-format.util';
import { peakHours, peakHoursSummary } from './insights-series.util';
import type { InsightRollup } from './insights.types';

/** The busiest local hours of the range (each period reports its top three), in hour order. */
export function PeakHoursChart({ rollups, timezone }: { rollups: readonly InsightRollup[]; timezone: string }) {
  const data = peakHours(rollups);
  return (
    <ChartFigure
      id="peak-hours"
      title="Peak hours"
      summary={peakHoursSummary(data, timezone)}
      rows={data}
      columns={[
        { header: `Hour (${timezone})`, cell: (r) => r.label },
        { header: 'Messages', cell: (r) => count(r.turns) },
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
        <Bar dataKey="turns" name="Messages" fill={CHART.green} maxBarSize={48} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
