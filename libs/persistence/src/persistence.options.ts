export interface PersistenceModuleOptions {
  /** App role URL (NOBYPASSRLS): every service connection. */
  databaseUrl: string;
  /** Analytics role URL (BYPASSRLS, SELECT only). Only client-insights sets it; enables OwnerDb. */
  analyticsDatabaseUrl?: string;
  /** Pool size of the app-role client (default 10). The analytics pool is capped at 4. */
  poolMax?: number;
  /**
   * Longest wait for a free pooled connection, in ms (default 5000). A service whose
   * transactions may wait longer (chat's turns: up to 15 s) sets it, or the pool gives up first.
   */
  connectionTimeoutMs?: number;
  /** pg application_name, e.g. the service name. */
  applicationName?: string;
  /** Outbox claim lease in ms (default 30000). */
  outboxLeaseMs?: number;
  /** DatabaseHealth.check() timeout in ms (default 2000). */
  healthTimeoutMs?: number;
}

export const PERSISTENCE_OPTIONS = Symbol('PERSISTENCE_OPTIONS');
