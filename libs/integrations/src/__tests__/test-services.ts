import { randomBytes } from 'node:crypto';

// The real services of an integration run (the global setup of libs/testing exports their URLs).
// This lib is type:infra, so its tests read the variables (specs pass process.env in) instead of
// importing libs/testing.

export interface TestServices {
  redisUrl: string;
  superuserUrl: string;
  /** host:port of the machine's PostgreSQL over TCP (from the app role's URL: the superuser's may be a Unix socket, as set-up makes it on a fresh machine). */
  postgresTcpHost: string;
  runId: string;
  /** The machine's MariaDB/MySQL as the test login scripts/setup.sh makes (parley_test), unless PARLEY_TEST_MYSQL_URL says otherwise. */
  mysqlUrl: string;
}

export function testServices(env: NodeJS.ProcessEnv): TestServices {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set: run through jest --selectProjects integration (global setup)`);
    return value;
  };
  return {
    redisUrl: required('TEST_REDIS_URL'),
    superuserUrl: required('TEST_SUPERUSER_URL'),
    postgresTcpHost: new URL(required('TEST_DATABASE_URL')).host,
    runId: env['TEST_RUN_ID'] ?? 'local',
    mysqlUrl: env['PARLEY_TEST_MYSQL_URL'] ?? 'mysql://parley_test:parley_test@127.0.0.1:3306',
  };
}

/**
 * The connection URL with another database, for TCP and Unix-socket URLs alike
 * (`postgresql://root@/postgres?host=/var/run/postgresql` has no host, which `new URL` refuses).
 */
export function withDatabase(connectionUrl: string, database: string): string {
  return connectionUrl.replace(/^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?/, `$1/${database}`);
}

export function randomSuffix(): string {
  return randomBytes(5).toString('hex');
}
