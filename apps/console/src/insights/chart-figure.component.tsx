import type { ReactNode } from 'react';

export interface DataColumn<Row> {
  header: string;
  cell: (row: Row) => string;
}

/**
 * One chart of the insights view: a heading, a sentence that says what it shows, the picture
 * (recharts, hidden from assistive technology) and the same numbers as a table that screen
 * readers read instead (visually hidden).
 */
export function ChartFigure<Row>({
  id,
  title,
  summary,
  rows,
  columns,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  rows: readonly Row[];
  columns: readonly DataColumn<Row>[];
  children: ReactNode;
}) {
  return (
    <figure className="chart-card" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <h2 id={`${id}-title`} className="chart-title">
        {title}
      </h2>
      <p className="chart-summary">{summary}</p>
      {rows.length > 0 ? (
        <div className="chart-canvas" aria-hidden="true">
          {children}
        </div>
      ) : (
        <p className="muted">Nothing to draw for this range.</p>
      )}
      {rows.length > 0 ? (
        <table className="visually-hidden">
          <caption>{title}: the numbers</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c.header}>{c.cell(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </figure>
  );
}
