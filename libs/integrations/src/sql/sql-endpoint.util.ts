import type { BuiltinToolKey, IntegrationDefinition, SqlEndpoint, ToolArgs, ToolResult } from '@parley/contracts';
import type { ConnectorCallOptions } from '../connector.types';
import { chooseEndpoint } from '../mapping/endpoint-choice.util';
import { placeholderValues, type PlaceholderValue } from '../mapping/placeholder-values.util';
import { mapToolResult } from '../mapping/result.mapper';
import { assertReadOnlySelect } from './sql-statement.util';

export type SqlRow = Record<string, unknown>;

/** Runs one checked endpoint (its SELECT, the values of its placeholders) and returns at most maxRows + 1 rows. */
export type RunSelect = (endpoint: SqlEndpoint, values: Readonly<Record<string, PlaceholderValue>>) => Promise<SqlRow[]>;

/**
 * What both SQL connectors do around their driver: choose the endpoint, check its SELECT, offer
 * the tool's arguments to its placeholders, cut the rows at maxRows, map the columns.
 */
export async function callSqlEndpoint<K extends BuiltinToolKey>(
  integration: IntegrationDefinition,
  toolKey: K,
  args: ToolArgs<K>,
  options: ConnectorCallOptions,
  run: RunSelect,
): Promise<ToolResult<K>> {
  const endpoint = chooseEndpoint(integration.sqlEndpoints, toolKey, args, options.settings);
  assertReadOnlySelect(endpoint.sql);
  const rows = (await run(endpoint, placeholderValues(toolKey, args, options.settings))).slice(0, endpoint.maxRows);
  return mapToolResult(toolKey, { items: rows, single: false, raw: rows }, endpoint.response, args, options.settings);
}
