import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART, CHART_HEIGHT } from './chart-palette.constants';
import { ChartFigure } from './chart-figure.component';
import { count } from './insights-format.util';
import type { Ranked } from './insights-series.util';

/** Labels with counts as horizontal bars, largest first (topics). */
export function RankedBarChart({
  id,
  title,
  summary,
  items,
  labelHeader,
  valueName,
}: {
  id: string;
  title: string;
  summary: string;
  items: readonly Ranked[];
  labelHeader: string;
  valueName: string;
}) {
  const height = Math.max(CHART_HEIGHT, items.length * 28 + 40);
  return (
    <ChartFigure
      id={id}
      title={title}
      summary={summary}
      rows={items}
      columns={[
        { header: labelHeader, cell: (r) => r.label },
        { header: valueName, cell: (r) => count(r.count) },
      ]}
    >
      <BarChart
        data={[...items]}
        layout="vertical"
        responsive
        style={{ width: '100%', height }}
        accessibilityLayer={false}
        margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
      >
        <CartesianGrid stroke={CHART.grid} horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
        <YAxis type="category" dataKey="label" width={140} tick={AXIS_TICK} />
        <Tooltip />
        <Bar dataKey="count" name={valueName} fill={CHART.blue} maxBarSize={48} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
