import { PARLEY_SERVICES, SHUTDOWN_TIMEOUT_MS } from './support/parley-services.constants';
import { readRepoJson, readRepoYaml, repoFileExists } from './support/repo-files.util';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
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
      expect(s.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
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
      expect(Object.keys(env).filter((k) => k.startsWith('ANALYTICS_') || k.endsWith('_SECRET_KEYS'))).toEqual(extraSecrets);
      expect(Object.keys(env)).not.toEqual(expect.arrayContaining(['DATABASE_MIGRATION_URL']));
      expect(Object.keys(env)).not.toEqual(expect.arrayContaining(['PGSUPERUSER_URL']));
    });

    it('is health-checked on /health/ready, restarted, and given time to drain', () => {
      expect(s.healthcheck?.test).toEqual(['CMD', 'node', 'infra/docker/healthcheck.cjs', '/health/ready']);
      expect(s.restart).toBe('unless-stopped');
      expect(seconds(s.stop_grace_period ?? '10s')).toBeGreaterThan(SHUTDOWN_TIMEOUT_MS / 1000);
    });
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
