import type { BuiltinToolKey, ToolArgs } from '@parley/contracts';
import { IntegrationCallError } from '../connector.types';

interface NamedEndpoint {
  name: string;
  serves: BuiltinToolKey | null;
}

/** call_endpoint reaches only endpoints made for it: an order lookup reached that way would skip the contact check. */
function openToCallEndpoint(endpoint: NamedEndpoint): boolean {
  return endpoint.serves === null || endpoint.serves === 'call_endpoint';
}

/** Whether an integration's REST or SQL endpoints can serve the tool. */
export function endpointsServe(endpoints: readonly NamedEndpoint[], toolKey: BuiltinToolKey): boolean {
  return endpoints.some((endpoint) => (toolKey === 'call_endpoint' ? openToCallEndpoint(endpoint) : endpoint.serves === toolKey));
}

/**
 * The endpoint that answers a call: call_endpoint names it (`args.endpoint`); a built-in tool
 * takes the one its settings name (`settings.endpoint`), else the first that serves it.
 */
export function chooseEndpoint<E extends NamedEndpoint, K extends BuiltinToolKey>(
  endpoints: readonly E[],
  toolKey: K,
  args: ToolArgs<K>,
  settings: Readonly<Record<string, unknown>>,
): E {
  if (toolKey === 'call_endpoint') {
    const name = (args as ToolArgs<'call_endpoint'>).endpoint;
    const named = endpoints.find((endpoint) => endpoint.name === name && openToCallEndpoint(endpoint));
    if (!named) throw new IntegrationCallError('not_configured', `no endpoint named "${name}" can be called`);
    return named;
  }
  const wanted = typeof settings['endpoint'] === 'string' ? settings['endpoint'] : undefined;
  const found = endpoints.find((endpoint) => endpoint.serves === toolKey && (wanted === undefined || endpoint.name === wanted));
  if (!found)
    throw new IntegrationCallError(
      'not_configured',
      wanted === undefined ? `no endpoint serves ${toolKey}` : `the endpoint "${wanted}" does not serve ${toolKey}`,
    );
  return found;
}
