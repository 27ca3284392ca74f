import { execFileSync } from 'node:child_process';
import { PARLEY_SERVICES, SHUTDOWN_TIMEOUT_MS } from './support/parley-services.constants';
import { readRepoJson, readRepoText, readRepoYaml, repoFileExists, repoPath } from './support/repo-files.util';
import { envProblems, requiredEnvVars } from './support/service-env.util';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; target?: string };
  command?: string[] | string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  restart?: string;
  stop_grace_period?: string;
  volumes?: string[];
  ports?: string[];
}
interface Compose {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
}

// `merge: true` resolves the `<<:` merge keys the file uses, as Docker Compose does.
const compose = readRepoYaml<Compose>('docker-compose.yml', { merge: true });
const services = compose.services;
const seconds = (duration: string) => Number(/^(\d+)s$/.exec(duration)?.[1] ?? NaN);

/** `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?message}`, `${NAME?message}` as Compose reads them. */
const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g;

/** A value as Compose interpolates it from .env; throws (as `docker compose up` fails) on a missing required variable. */
function interpolate(value: string, dotenv: Record<string, string>): string {
  return value.replace(VARIABLE, (_match, name: string, op: string | undefined, arg: string | undefined) => {
    const set = dotenv[name];
    const empty = set === undefined || (op?.startsWith(':') ?? false) ? !set : false;
    if (op === ':-' || op === '-') return empty ? (arg ?? '') : set;
    if (op === ':?' || op === '?') {
      if (empty) throw new Error(`required variable ${name} is missing a value: ${arg ?? ''}`);
      return set;
    }
    return set ?? '';
  });
}
const environmentWith = (service: string, dotenv: Record<string, string>) =>
  Object.fromEntries(Object.entries(services[service].environment ?? {}).map(([k, v]) => [k, interpolate(String(v), dotenv)]));

const composeText = readRepoText('docker-compose.yml');
const variablesRead = [...new Set([...composeText.matchAll(VARIABLE)].map((m) => m[1]))].sort();
const requiredWithoutDefault = [...new Set([...composeText.matchAll(VARIABLE)].filter((m) => m[2]?.endsWith('?')).map((m) => m[1]))].sort();
const parseDotenv = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .filter((line) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
/** What `node scripts/container-check/dev-env.mjs > .env` writes: run for real. */
const generatedDotenv = parseDotenv(
  execFileSync(process.execPath, [repoPath('scripts/container-check/dev-env.mjs')], { encoding: 'utf8' }),
);
const hasHealthcheck = (name: string) => {
  const s = services[name];
  if (s.healthcheck?.disable) return false;
  // The parley image declares its own HEALTHCHECK; other images need one in compose.
  return Boolean(s.healthcheck?.test) || s.build !== undefined;
};

describe('docker-compose.yml', () => {
  it('defines the backing services, migrate, the six apps and the observability stack', () => {
    expect(Object.keys(services).sort()).toEqual(
      [
        ...PARLEY_SERVICES.map((s) => s.name),
        'postgres',
        'nats',
        'redis',
        'migrate',
        'prometheus',
        'grafana',
        'otel-collector',
        'nats-exporter',
        'mailpit',
      ].sort(),
    );
  });

  describe.each(PARLEY_SERVICES)('$name', ({ name, port, extraSecrets }) => {
    const s = services[name];

    it('runs the shared image with SERVICE and PORT', () => {
      expect(s.image).toBe(services.migrate.image);
      expect(s.build).toEqual({ context: '.', dockerfile: 'Dockerfile', target: '${PARLEY_IMAGE_TARGET:-runtime}' });
      expect(s.environment).toEqual(expect.objectContaining({ SERVICE: name, PORT: String(port), HOST: '0.0.0.0' }));
    });

    it('starts only after migrate completed and Postgres, NATS and Redis are healthy', () => {
      expect(s.depends_on).toEqual({
        migrate: { condition: 'service_completed_successfully' },
        postgres: { condition: 'service_healthy' },
        nats: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    });

    it('connects as parley_app to postgres, NATS, Redis and the collector, with only its own extra secrets', () => {
      const env = s.environment ?? {};
      expect(env.DATABASE_URL).toMatch(/^postgresql:\/\/parley_app:.+@postgres:5432\/parley$/);
      expect(env.NATS_URL).toBe('nats://nats:4222');
      expect(env.REDIS_URL).toBe('redis://redis:6379');
      expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://otel-collector:4318');
      expect(Number(env.SHUTDOWN_TIMEOUT_MS)).toBe(SHUTDOWN_TIMEOUT_MS);
      expect(Object.keys(env).filter((k) => k.startsWith('ANALYTICS_') || k.endsWith('_KEYS'))).toEqual(extraSecrets);
      expect(Object.keys(env)).not.toEqual(expect.arrayContaining(['DATABASE_MIGRATION_URL']));
      expect(Object.keys(env)).not.toEqual(expect.arrayContaining(['PGSUPERUSER_URL']));
    });

    it('provides every variable its env schema requires', () => {
      const required = requiredEnvVars(name);
      expect(required).toContain('DATABASE_URL');
      expect(required.filter((variable) => !(variable in (s.environment ?? {})))).toEqual([]);
    });

    it('starts with the environment compose gives it (its own schema accepts it, with the generated .env)', () => {
      expect(envProblems(name, environmentWith(name, generatedDotenv))).toEqual([]);
    });

    it('is health-checked on /health/ready, restarted, and given time to drain', () => {
      expect(s.healthcheck?.test).toEqual(['CMD', 'node', 'infra/docker/healthcheck.cjs', '/health/ready']);
      expect(s.restart).toBe('unless-stopped');
      expect(seconds(s.stop_grace_period ?? '10s')).toBeGreaterThan(SHUTDOWN_TIMEOUT_MS / 1000);
    });
  });

  it('refuses to start without .env rather than start a service that exits: key rings have no committed default', () => {
    expect(requiredWithoutDefault).toEqual(['AUTH_SIGNING_KEYS', 'INTEGRATION_SECRET_KEYS', 'NOTIFIER_SECRET_KEYS']);
    expect(() => environmentWith('gateway', {})).toThrow(/required variable AUTH_SIGNING_KEYS is missing a value: .*dev-env\.mjs/);
    expect(composeText).not.toMatch(/_KEYS:-/);
  });

  it('the generated .env holds exactly the required key rings, fresh on every run', () => {
    expect(Object.keys(generatedDotenv).sort()).toEqual(requiredWithoutDefault);
    const again = parseDotenv(execFileSync(process.execPath, [repoPath('scripts/container-check/dev-env.mjs')], { encoding: 'utf8' }));
    for (const key of requiredWithoutDefault) expect(again[key]).not.toBe(generatedDotenv[key]);
  });

  it('.env.example documents every variable compose reads, leaving the required ones empty', () => {
    const example = parseDotenv(readRepoText('.env.example'));
    expect(Object.keys(example).sort()).toEqual(variablesRead);
    for (const key of requiredWithoutDefault) expect({ key, value: example[key] }).toEqual({ key, value: '' });
  });

  it('the schema reader used above finds required variables behind transforms and refinements', () => {
    expect(requiredEnvVars('gateway')).toEqual(['AUTH_SIGNING_KEYS', 'DATABASE_URL']);
    expect(requiredEnvVars('notifier')).toEqual(['DATABASE_URL', 'NOTIFIER_SECRET_KEYS']);
    expect(envProblems('gateway', { DATABASE_URL: 'postgresql://a@b/c' })).toEqual([expect.stringMatching(/^AUTH_SIGNING_KEYS: /)]);
  });

  it('the interpolation used above reads defaults, required and plain variables as Compose does', () => {
    expect(interpolate('a${X:-d}b', {})).toBe('adb');
    expect(interpolate('${X:-d}', { X: '' })).toBe('d');
    expect(interpolate('${X-d}', { X: '' })).toBe('');
    expect(interpolate('${X:?need it}', { X: 'v' })).toBe('v');
    expect(() => interpolate('${X:?need it}', { X: '' })).toThrow('required variable X is missing a value: need it');
    expect(interpolate('${X}', {})).toBe('');
  });

  it('client-insights reads analytics as the parley_analytics role', () => {
    expect(services['client-insights'].environment?.ANALYTICS_DATABASE_URL).toMatch(
      /^postgresql:\/\/parley_analytics:.+@postgres:5432\/parley$/,
    );
  });

  it('migrate is a one-shot: db-setup as superuser, then the migrations as the owner role, with scripts that exist', () => {
    const m = services.migrate;
    expect(m.restart).toBe('no');
    expect(m.command).toEqual(['/bin/sh', '-c', 'node scripts/db-setup.mjs && npm run db:migrate']);
    expect(repoFileExists('scripts/db-setup.mjs')).toBe(true);
    expect(readRepoJson<{ scripts: Record<string, string> }>('package.json').scripts['db:migrate']).toBeDefined();
    expect(m.environment?.DATABASE_MIGRATION_URL).toMatch(/^postgresql:\/\/parley_owner:/);
    expect(m.environment?.PGSUPERUSER_URL).toMatch(/^postgresql:\/\/postgres:.+@postgres:5432\/postgres$/);
    expect(m.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
  });

  it('role passwords given to db-setup are the ones in the services’ URLs', () => {
    const env = services.migrate.environment ?? {};
    const password = (url: string | undefined) => decodeURIComponent(new URL(String(url).replace(/\$\{[^}]*:-([^}]*)\}/g, '$1')).password);
    const defaultOf = (value: string | undefined) => String(value).replace(/\$\{[^}]*:-([^}]*)\}/g, '$1');
    expect(password(services.gateway.environment?.DATABASE_URL)).toBe(defaultOf(env.PARLEY_APP_PASSWORD));
    expect(password(services['client-insights'].environment?.ANALYTICS_DATABASE_URL)).toBe(defaultOf(env.PARLEY_ANALYTICS_PASSWORD));
    expect(password(env.DATABASE_MIGRATION_URL)).toBe(defaultOf(env.PARLEY_OWNER_PASSWORD));
  });

  it('PostgreSQL has pgvector; NATS runs JetStream from infra/nats/nats.conf on a volume', () => {
    expect(services.postgres.image).toMatch(/^pgvector\/pgvector:pg1[5-9]$/);
    expect(services.nats.command).toEqual(expect.arrayContaining(['--config', '/etc/nats/nats.conf', '--jetstream']));
    expect(services.nats.volumes).toEqual(expect.arrayContaining(['./infra/nats/nats.conf:/etc/nats/nats.conf:ro', 'natsdata:/data']));
  });

  it('every depends_on target exists, and service_healthy only waits on services that have a healthcheck', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const [dep, { condition }] of Object.entries(s.depends_on ?? {})) {
        expect({ name, dep, exists: dep in services }).toEqual({ name, dep, exists: true });
        if (condition === 'service_healthy')
          expect({ name, dep, healthcheck: hasHealthcheck(dep) }).toEqual({ name, dep, healthcheck: true });
      }
    }
  });

  it('every bind mount exists in the repository, and named volumes are declared and used', () => {
    const mounts = Object.values(services).flatMap((s) => s.volumes ?? []);
    const binds = mounts.filter((m) => m.startsWith('./')).map((m) => m.split(':')[0].slice(2));
    for (const bind of binds) expect({ bind, exists: repoFileExists(bind) }).toEqual({ bind, exists: true });
    const named = new Set(mounts.filter((m) => !m.startsWith('./') && !m.startsWith('/')).map((m) => m.split(':')[0]));
    expect([...named].sort()).toEqual(Object.keys(compose.volumes).sort());
  });

  it('third-party images are pinned to a version, and only the gateway listens beyond localhost', () => {
    for (const [name, s] of Object.entries(services)) {
      if (s.build) continue;
      expect({ name, image: s.image }).toEqual({ name, image: expect.stringMatching(/^[\w./-]+:(?!latest$)[\w.-]+$/) });
      if (name !== 'gateway')
        for (const port of s.ports ?? []) expect({ name, port }).toEqual({ name, port: expect.stringMatching(/^127\.0\.0\.1:/) });
    }
  });
});
