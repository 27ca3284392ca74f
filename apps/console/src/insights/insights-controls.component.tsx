import { useEffect, useState, type FormEvent } from 'react';
import { defaultRange, localToday, rangeProblem, type InsightPeriod, type InsightRange } from './insights-period.util';

/** Period (day or week) and a date range; the dates apply on "Show", a new period at once. */
export function InsightsControls({
  range,
  onChange,
  busy,
}: {
  range: InsightRange;
  onChange: (next: InsightRange) => void;
  busy: boolean;
}) {
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setFrom(range.from);
    setTo(range.to);
  }, [range.from, range.to]);

  const changePeriod = (period: InsightPeriod) => {
    setProblem(null);
    onChange(defaultRange(period, localToday()));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { period: range.period, from, to };
    const why = rangeProblem(next);
    setProblem(why);
    if (!why) onChange(next);
  };

  return (
    <form className="insights-controls" onSubmit={submit} aria-label="Insights period and dates">
      <fieldset className="segmented">
        <legend>Period</legend>
        {(['day', 'week'] as const).map((period) => (
          <label key={period} className="checkbox">
            <input type="radio" name="period" value={period} checked={range.period === period} onChange={() => changePeriod(period)} />{' '}
            {period === 'day' ? 'Daily' : 'Weekly'}
          </label>
        ))}
      </fieldset>
      <div className="field-inline">
        <label htmlFor="insights-from">From</label>
        <input
          id="insights-from"
          type="date"
          value={from}
          max={to}
          onChange={(e) => setFrom(e.target.value)}
          aria-describedby={problem ? 'insights-range-problem' : undefined}
        />
      </div>
      <div className="field-inline">
        <label htmlFor="insights-to">To</label>
        <input
          id="insights-to"
          type="date"
          value={to}
          min={from}
          onChange={(e) => setTo(e.target.value)}
          aria-describedby={problem ? 'insights-range-problem' : undefined}
        />
      </div>
      <button type="submit" className="primary" disabled={busy}>
        Show
      </button>
      {problem ? (
        <p id="insights-range-problem" className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
