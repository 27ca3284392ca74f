// What Grafana does to a PostgreSQL panel query before it reaches the database, so tests can run
// dashboard SQL as Grafana would. Two steps, in Grafana's order:
//  1. the browser interpolates template variables (public/app/features/plugins/sql: a multi-value
//     or include-All variable becomes a list of quoted literals, any other one its raw value);
//  2. the grafana-postgresql-datasource backend expands $__ macros for the panel's time range
//     (pkg/tsdb/sqleng Interpolate, then pkg/tsdb/grafana-postgresql-datasource/macros.go).
// The output text matches Grafana's byte for byte for every macro handled here; anything else
// (unknown macros, $__interval, fill modes, variable formats) throws instead of guessing.
import { allPanels, type Dashboard, type DatasourceRef, type Target } from './grafana-dashboard.util';

export const POSTGRES_DATASOURCE_TYPE = 'grafana-postgresql-datasource';

/** A dashboard time range. Grafana's $__timeFilter is BETWEEN, so both ends are inclusive. */
export interface GrafanaTimeRange {
  from: Date;
  to: Date;
}

/**
 * Template variable values by name. An array is a multi-value or include-All variable (its
 * values are quoted and comma-joined, as Grafana's SQL data sources do); a string is a plain
 * single-value variable and is substituted raw.
 */
export type GrafanaVariableValues = Readonly<Record<string, string | readonly string[]>>;

export interface SqlTarget {
  dashboardUid: string;
  panelId: number | undefined;
  panelTitle: string;
  refId: string;
  format: string | undefined;
  rawSql: string;
}

export interface SqlVariableQuery {
  dashboardUid: string;
  name: string;
  query: string;
}

/** Go's time.Time.UTC().Format(time.RFC3339Nano): fractional seconds without trailing zeros. */
export function formatRfc3339Nano(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('invalid date');
  const iso = date.toISOString(); // yyyy-mm-ddThh:mm:ss.sssZ
  const fraction = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}

/** Go's fmt %v of a float64 (strconv 'g', shortest): exponent form below 1e-4 and from 1e6. */
export function formatGoFloat(value: number): string {
  if (value === 0) return '0';
  const [mantissa, exp] = value.toExponential().split('e');
  const exponent = Number(exp);
  if (exponent < -4 || exponent >= 6) return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  return String(value);
}

const UNIT_SECONDS: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** gtime.ParseInterval for the fixed-length units (months and years depend on the calendar: rejected). */
export function parseGrafanaInterval(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d|w)$/.exec(text.replace(/^'|'$/g, ''));
  if (!match) throw new Error(`error parsing interval ${text}`);
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

// Grafana's template variable syntaxes: $name, [[name]] / [[name:format]], ${name} / ${name:format}.
const VARIABLE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;

/** Step 1: template variables. Names not in `variables` are left alone, as Grafana does. */
export function interpolateVariables(sql: string, variables: GrafanaVariableValues): string {
  return sql.replace(
    VARIABLE,
    (whole, plain?: string, bracket?: string, bracketFormat?: string, braced?: string, path?: string, bracedFormat?: string) => {
      const name = plain ?? bracket ?? braced ?? '';
      if (!Object.prototype.hasOwnProperty.call(variables, name)) return whole;
      const format = bracketFormat ?? bracedFormat;
      if (format || path) throw new Error(`variable ${whole}: formats and field paths are not modelled`);
      const value = variables[name];
      return typeof value === 'string' ? value : value.map(quoteLiteral).join(',');
    },
  );
}

const MACRO = /\$([_a-zA-Z0-9]+)\(([^)]*)\)/g;

function evaluateMacro(name: string, args: string[], range: GrafanaTimeRange): string {
  const from = formatRfc3339Nano(range.from);
  const to = formatRfc3339Nano(range.to);
  const column = () => {
    if (!args[0]) throw new Error(`missing time column argument for macro ${name}`);
    return args[0];
  };
  const group = () => {
    if (args.length < 2) throw new Error(`macro ${name} needs time column and interval and optional fill value`);
    if (args.length > 2) throw new Error(`macro ${name}: fill modes change the result frame and are not modelled`);
    return formatGoFloat(parseGrafanaInterval(args[1]));
  };
  switch (name) {
    case '__time':
      return `${column()} AS "time"`;
    case '__timeEpoch':
      return `extract(epoch from ${column()}) as "time"`;
    case '__timeFilter':
      return `${column()} BETWEEN '${from}' AND '${to}'`;
    case '__timeFrom':
      return `'${from}'`;
    case '__timeTo':
      return `'${to}'`;
    case '__timeGroup': {
      const seconds = group();
      return `floor(extract(epoch from ${args[0]})/${seconds})*${seconds}`;
    }
    case '__timeGroupAlias':
      return `${evaluateMacro('__timeGroup', args, range)} AS "time"`;
    case '__unixEpochFilter':
      return `${column()} >= ${unixSeconds(range.from)} AND ${args[0]} <= ${unixSeconds(range.to)}`;
    default:
      throw new Error(`unknown macro "${name}"`);
  }
}

function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** Step 2: the backend's macros for `range` (what Grafana sends to PostgreSQL). */
export function expandMacros(sql: string, range: GrafanaTimeRange): string {
  const interpolated = sql
    .replaceAll('$__unixEpochFrom()', String(unixSeconds(range.from)))
    .replaceAll('$__unixEpochTo()', String(unixSeconds(range.to)));
  return interpolated.replace(MACRO, (whole: string, macro: string, argText: string) => {
    let name = macro;
    // Grafana < 5.3 compatibility kept by the backend: "$__timeGroup(...)," (a comma right after
    // the first occurrence of the call) means $__timeGroupAlias.
    if (name === '__timeGroup') {
      const at = interpolated.indexOf(whole) + whole.length;
      if (interpolated[at] === ',') name = '__timeGroupAlias';
    }
    return evaluateMacro(
      name,
      argText.split(',').map((arg) => arg.trim()),
      range,
    );
  });
}

/**
 * A panel's rawSql as PostgreSQL receives it from Grafana for `range` and `variables`. Throws
 * when a `$` reference survives (an unknown variable or unsupported built-in such as $__interval),
 * since the database would reject it or, worse, read it as a positional parameter.
 */
export function expandGrafanaSql(sql: string, range: GrafanaTimeRange, variables: GrafanaVariableValues = {}): string {
  const expanded = expandMacros(interpolateVariables(sql, variables), range);
  const leftover = /\$\{?[A-Za-z_]\w*|\[\[\w+/.exec(expanded);
  if (leftover) throw new Error(`unresolved reference "${leftover[0]}" in: ${expanded}`);
  return expanded;
}

function datasourceType(ref: DatasourceRef | string | null | undefined): string | undefined {
  return ref && typeof ref === 'object' ? ref.type : undefined;
}

function isSqlTarget(target: Target, panelDatasource: DatasourceRef | string | null | undefined): boolean {
  return target.rawSql !== undefined || (datasourceType(target.datasource) ?? datasourceType(panelDatasource)) === POSTGRES_DATASOURCE_TYPE;
}

/** Every PostgreSQL query target of a dashboard's panels (rows' nested panels included). */
export function sqlTargets(dashboard: Dashboard): SqlTarget[] {
  return allPanels(dashboard).flatMap((panel) =>
    (panel.targets ?? [])
      .filter((target) => isSqlTarget(target, panel.datasource))
      .map((target) => ({
        dashboardUid: String(dashboard.uid),
        panelId: panel.id,
        panelTitle: String(panel.title),
        refId: String(target.refId),
        format: target.format,
        rawSql: target.rawSql ?? '',
      })),
  );
}

/** The SQL of a dashboard's query variables that read from PostgreSQL. */
export function sqlVariableQueries(dashboard: Dashboard): SqlVariableQuery[] {
  return (dashboard.templating?.list ?? [])
    .filter((variable) => variable.type === 'query' && datasourceType(variable.datasource) === POSTGRES_DATASOURCE_TYPE)
    .map((variable) => ({
      dashboardUid: String(dashboard.uid),
      name: variable.name,
      query: typeof variable.query === 'string' ? variable.query : (variable.query?.rawSql ?? ''),
    }));
}
