import type { IntegrationKind } from '@parley/contracts';
import type { Connector } from '../connector.types';

/**
 * The connectors by integration kind: one connector = one file (`rest/rest.connector.ts`,
 * `sql/postgres.connector.ts`, ...), registered here. A kind without a connector is not
 * configured on this service (its calls fail `not_configured`); two connectors for one kind do
 * not start.
 */
export class ConnectorRegistry {
  private readonly byKind = new Map<IntegrationKind, Connector>();

  constructor(connectors: readonly Connector[]) {
    for (const connector of connectors) {
      if (this.byKind.has(connector.kind)) throw new Error(`two connectors for the integration kind "${connector.kind}"`);
      this.byKind.set(connector.kind, connector);
    }
  }

  get(kind: IntegrationKind): Connector | undefined {
    return this.byKind.get(kind);
  }

  kinds(): IntegrationKind[] {
    return [...this.byKind.keys()];
  }
}
