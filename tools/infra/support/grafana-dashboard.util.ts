// Structural checks of a Grafana dashboard JSON model (what would make provisioning fail or
// panels silently show "datasource not found"): schema version, uid, unique panel ids, grid
// layout, datasource references by uid to provisioned data sources, and query targets
// (PromQL `expr`, or PostgreSQL `rawSql` in code mode with a result format).

export interface DatasourceRef {
  type?: string;
  uid?: string;
}
export interface Target {
  refId?: string;
  expr?: string;
  /** PostgreSQL targets: the SQL, run only when rawQuery is true (else the builder's model is used). */
  rawSql?: string;
  rawQuery?: boolean;
  format?: string;
  editorMode?: string;
  datasource?: DatasourceRef | string;
}
export interface TemplateVariable {
  name: string;
  type?: string;
  datasource?: DatasourceRef | string;
  query?: string | { rawSql?: string };
  multi?: boolean;
  includeAll?: boolean;
  allValue?: string | null;
}
export interface Panel {
  id?: number;
  type?: string;
  title?: string;
  gridPos?: { h: number; w: number; x: number; y: number };
  datasource?: DatasourceRef | string | null;
  targets?: Target[];
  panels?: Panel[];
}
export interface Dashboard {
  uid?: string;
  title?: string;
  schemaVersion?: number;
  panels?: Panel[];
  templating?: { list?: TemplateVariable[] };
}

export const MIN_SCHEMA_VERSION = 39;
export const SQL_FORMATS = ['table', 'time_series'] as const;
const POSTGRES_TYPE = 'grafana-postgresql-datasource';

/** Every panel, rows' nested panels included. */
export function allPanels(dashboard: Dashboard): Panel[] {
  return (dashboard.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]);
}

function refProblem(where: string, ref: DatasourceRef | string | null | undefined, provisioned: ReadonlySet<string>): string | undefined {
  if (ref === undefined || ref === null) return undefined;
  if (typeof ref === 'string') return `${where}: datasource "${ref}" is referenced by name; use { type, uid }`;
  if (!ref.uid) return `${where}: datasource reference has no uid`;
  if (!provisioned.has(ref.uid)) return `${where}: datasource uid "${ref.uid}" is not provisioned`;
  return undefined;
}

function typeOf(ref: DatasourceRef | string | null | undefined): string | undefined {
  return ref && typeof ref === 'object' ? ref.type : undefined;
}

function sqlTargetProblems(where: string, t: Target, type: string | undefined): string[] {
  const problems: string[] = [];
  if (type !== POSTGRES_TYPE) problems.push(`${where} has rawSql but its datasource type is ${type}`);
  if (!t.rawSql || !t.rawSql.trim()) problems.push(`${where} has an empty rawSql`);
  if (t.rawQuery !== true || t.editorMode !== 'code')
    problems.push(`${where} must be a code-mode raw query (rawQuery: true, editorMode: "code")`);
  if (!(SQL_FORMATS as readonly (string | undefined)[]).includes(t.format))
    problems.push(`${where} format ${t.format} is not one of ${SQL_FORMATS.join(', ')}`);
  else if (t.format === 'time_series' && !/\$__time(GroupAlias|Epoch)?\(|AS "time"/i.test(t.rawSql ?? ''))
    problems.push(`${where} is a time series without a "time" column`);
  return problems;
}

function overlaps(a: Panel, b: Panel): boolean {
  const [p, q] = [a.gridPos, b.gridPos];
  if (!p || !q) return false;
  return p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
}

export function dashboardProblems(dashboard: Dashboard, provisionedUids: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if ((dashboard.schemaVersion ?? 0) < MIN_SCHEMA_VERSION)
    problems.push(`schemaVersion ${dashboard.schemaVersion} < ${MIN_SCHEMA_VERSION}`);
  if (!dashboard.uid || !/^[A-Za-z0-9_-]{1,40}$/.test(dashboard.uid)) problems.push(`uid "${dashboard.uid}" must be 1-40 of [A-Za-z0-9_-]`);
  if (!dashboard.title) problems.push('dashboard has no title');

  const panels = allPanels(dashboard);
  const seen = new Map<number, string>();
  for (const panel of panels) {
    const name = `panel ${panel.id} "${panel.title}"`;
    if (typeof panel.id !== 'number') problems.push(`panel "${panel.title}" has no numeric id`);
    else if (seen.has(panel.id)) problems.push(`panel id ${panel.id} is used by "${seen.get(panel.id)}" and "${panel.title}"`);
    else seen.set(panel.id, String(panel.title));
    const g = panel.gridPos;
    if (!g) problems.push(`${name} has no gridPos`);
    else if (g.x < 0 || g.w < 1 || g.x + g.w > 24 || g.h < 1)
      problems.push(`${name} gridPos ${JSON.stringify(g)} is outside the 24-column grid`);
    const own = refProblem(name, panel.datasource, provisionedUids);
    if (own) problems.push(own);
    if (panel.type === 'row') continue;
    const targets = panel.targets ?? [];
    if (targets.length === 0) problems.push(`${name} has no query`);
    const refIds = targets.map((t) => t.refId);
    if (new Set(refIds).size !== refIds.length) problems.push(`${name} repeats a refId`);
    for (const t of targets) {
      const problem = refProblem(`${name} target ${t.refId}`, t.datasource, provisionedUids);
      if (problem) problems.push(problem);
      const type = typeOf(t.datasource) ?? typeOf(panel.datasource);
      if (t.rawSql !== undefined || type === POSTGRES_TYPE) problems.push(...sqlTargetProblems(`${name} target ${t.refId}`, t, type));
      else if (!t.expr || !t.expr.trim()) problems.push(`${name} target ${t.refId} has an empty expr`);
    }
  }
  const top = dashboard.panels ?? [];
  for (let i = 0; i < top.length; i++)
    for (let j = i + 1; j < top.length; j++) if (overlaps(top[i], top[j])) problems.push(`panels ${top[i].id} and ${top[j].id} overlap`);
  for (const variable of dashboard.templating?.list ?? []) {
    const problem = refProblem(`variable ${variable.name}`, variable.datasource, provisionedUids);
    if (problem) problems.push(problem);
    if (variable.type === 'query' && !variable.datasource)
      problems.push(`variable ${variable.name} is a query variable without a datasource`);
  }
  return problems;
}
