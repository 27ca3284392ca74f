import type { HttpTransport } from './connector.types';
import { ConnectorRegistry } from './executor/connector.registry';
import { GuardedHttpTransport } from './http/guarded-http.transport';
import { RestConnector } from './rest/rest.connector';
import { ShopifyConnector } from './shopify/shopify.connector';
import { MysqlConnector } from './sql/mysql.connector';
import { PostgresConnector, type SqlConnectorOptions } from './sql/postgres.connector';
import { WooCommerceConnector } from './woocommerce/woocommerce.connector';

export interface IntegrationConnectorsOptions {
  /** Private, loopback and link-local targets: tests and the local demo only. Default false. */
  allowPrivateTargets?: boolean;
  /** Another transport (tests); by default a GuardedHttpTransport with the same allowPrivateTargets. */
  transport?: HttpTransport;
  /** Pool size and idle time of the SQL connectors. */
  sql?: Omit<SqlConnectorOptions, 'allowPrivateTargets'>;
}

export interface IntegrationConnectors {
  registry: ConnectorRegistry;
  /** Closes the SQL connectors' pools (call it on shutdown). */
  close(): Promise<void>;
}

/**
 * Every connector of the lib, one per integration kind, over one guarded transport: what chat
 * (tool calls) and provisioning (connection tests) give their IntegrationExecutor. A new kind is
 * its connector file plus one line here (integration-connectors.factory.spec.ts fails when a
 * kind of the contracts has no connector).
 */
export function createIntegrationConnectors(options: IntegrationConnectorsOptions = {}): IntegrationConnectors {
  const allowPrivateTargets = options.allowPrivateTargets ?? false;
  const transport = options.transport ?? new GuardedHttpTransport({ allowPrivateTargets });
  const postgres = new PostgresConnector({ ...options.sql, allowPrivateTargets });
  const mysql = new MysqlConnector({ ...options.sql, allowPrivateTargets });
  const registry = new ConnectorRegistry([
    new ShopifyConnector(transport),
    new WooCommerceConnector(transport),
    new RestConnector(transport),
    postgres,
    mysql,
  ]);
  return {
    registry,
    close: async () => {
      await Promise.all([postgres.close(), mysql.close()]);
    },
  };
}
