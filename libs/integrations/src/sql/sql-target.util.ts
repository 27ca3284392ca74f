import { createHash } from 'node:crypto';
import type { IntegrationDefinition } from '@parley/contracts';
import { IntegrationCallError } from '../connector.types';
import { vetHost, type HostResolver } from '../http/target-url.guard';

export interface SqlTarget {
  /** The host as written (TLS server name). */
  hostname: string;
  /** The vetted address to connect to (a DNS answer that changes later is not followed). */
  address: string;
  port: number;
  database: string;
  user: string;
  password: string;
  ssl: boolean;
  /** Identifies the connection settings (with a digest of the password), to reuse or replace a pool. */
  fingerprint: string;
}

/**
 * Where a SQL integration connects: host, port and database from its base URL
 * (postgres://host:port/db, mysql://host:port/db), user and password from its basic auth, the
 * host resolved and vetted by the SSRF guard unless private targets are allowed.
 */
export async function resolveSqlTarget(
  integration: IntegrationDefinition,
  defaultPort: number,
  allowPrivate: boolean,
  resolve?: HostResolver,
): Promise<SqlTarget> {
  let url: URL;
  try {
    url = new URL(integration.baseUrl);
  } catch {
    throw new IntegrationCallError('not_configured', 'the database URL is not valid');
  }
  if (url.username !== '' || url.password !== '')
    throw new IntegrationCallError('not_configured', 'the database URL must not carry credentials (they go in the auth)');
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new IntegrationCallError('not_configured', 'the database URL names no database');
  const auth = integration.auth;
  if (auth.type !== 'basic') throw new IntegrationCallError('not_configured', 'a SQL source signs in with a user and password');
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const vetted = await vetHost(hostname, { allowPrivate }, resolve);
  if (!vetted.ok) throw new IntegrationCallError(vetted.retryable ? 'unavailable' : 'refused_target', vetted.reason);
  const port = url.port ? Number(url.port) : defaultPort;
  const ssl = integration.config['ssl'] === true;
  const digest = createHash('sha256').update(auth.password, 'utf8').digest('base64url').slice(0, 16);
  return {
    hostname,
    address: vetted.address.address,
    port,
    database,
    user: auth.username,
    password: auth.password,
    ssl,
    fingerprint: [vetted.address.address, port, database, auth.username, digest, ssl].join('|'),
  };
}
