import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART, CHART_HEIGHT, DASH } from './chart-palette.constants';
import { ChartFigure } from './chart-figure.component';
import { percent } from './insights-format.util';
import type { InsightPeriod } from './insights-period.util';
import { conversionSummary, outcomeSummary, rateSeries } from './insights-series.util';
import type { InsightRollup } from './insights.types';

const asPercent = (value: unknown) => (typeof value === 'number' ? percent(value) : 'no data');

function RateAxes() {
  return (
    <>
      <CartesianGrid stroke={CHART.grid} vertical={false} />
      <XAxis dataKey="label" tick={AXIS_TICK} />
      <YAxis domain={[0, 1]} tickFormatter={(v: number) => percent(v)} tick={AXIS_TICK} width={48} />
      <Tooltip formatter={asPercent} />
    </>
  );
}

/** Share of sessions that produced a lead, per period. */
export function ConversionChart({ period, rollups }: { period: InsightPeriod; rollups: readonly InsightRollup[] }) {
  const data = rateSeries(period, rollups);
  return (
    <ChartFigure
      id="conversion"
      title="Conversion"
      summary={conversionSummary(rollups)}
      rows={data}
      columns={[
        { header: 'Period', cell: (r) => r.label },
        { header: 'Sessions with a lead', cell: (r) => percent(r.conversion) },
      ]}
    >
      <LineChart
        data={data}
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
      >
        {RateAxes()}
        <Line
          type="monotone"
          dataKey="conversion"
          name="Conversion"
          stroke={CHART.blue}
          strokeWidth={2}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}

/** Escalation (sessions that asked for a person) and resolution (summarized sessions resolved without one), per period. */
export function OutcomeChart({ period, rollups }: { period: InsightPeriod; rollups: readonly InsightRollup[] }) {
  const data = rateSeries(period, rollups);
  return (
    <ChartFigure
      id="outcomes"
      title="Escalation and resolution"
      summary={outcomeSummary(rollups)}
      rows={data}
      columns={[
        { header: 'Period', cell: (r) => r.label },
        { header: 'Escalation rate', cell: (r) => percent(r.escalation) },
        { header: 'Resolution rate', cell: (r) => percent(r.resolution) },
      ]}
    >
      <LineChart
        data={data}
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
      >
        {RateAxes()}
        <Legend />
        <Line
          type="monotone"
          dataKey="escalation"
          name="Escalation rate"
          stroke={CHART.red}
          strokeDasharray={DASH.dashed}
          strokeWidth={2}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="resolution"
          name="Resolution rate"
          stroke={CHART.green}
          strokeWidth={2}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}
