import {
  containersOf,
  describeWithKubectl,
  kustomizeBuild,
  podSpecOf,
  readManifests,
  type Container,
  type K8sObject,
} from './support/kubectl-kustomize.util';
import { PARLEY_SERVICES, SHUTDOWN_TIMEOUT_MS, EVENTS_STREAM_NAME } from './support/parley-services.constants';
import { listRepoFiles, readRepoJson, readRepoYaml, repoFileExists, repoPath } from './support/repo-files.util';
import { envSchemaOf, envShapeOf, requiredEnvVars } from './support/service-env.util';

// Every check runs on what `kubectl kustomize` renders for each overlay: what a cluster gets.

interface Probe {
  httpGet: { path: string; port: string | number };
  timeoutSeconds?: number;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}
type AppContainer = Container & {
  ports: { name: string; containerPort: number }[];
  env: EnvVar[];
  envFrom: { configMapRef?: { name: string } }[];
  startupProbe: Probe;
  readinessProbe: Probe;
  livenessProbe: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  securityContext: Record<string, unknown>;
  volumeMounts?: { name: string; mountPath: string }[];
  args?: string[];
};

const OVERLAYS = ['dev', 'prod'] as const;
const spec = <T>(o: K8sObject | undefined) => (o?.spec ?? {}) as T;
const exampleSecret = readRepoYaml<{ kind: string; metadata: { name: string }; stringData: Record<string, string> }>(
  'k8s/base/secret.example.yaml',
);

/** One overlay as rendered: lookups, its shared ConfigMap and its scalers. */
function rendered(overlay: string) {
  const objects = kustomizeBuild(`k8s/overlays/${overlay}`);
  const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
  const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('parley-config-'));
  const targets = (kind: string) =>
    objects.filter((o) => o.kind === kind).map((o) => spec<{ scaleTargetRef: { name: string } }>(o).scaleTargetRef.name);
  return {
    objects,
    find,
    configMap,
    sharedConfig: (configMap?.data ?? {}) as Record<string, string>,
    hpaTargets: targets('HorizontalPodAutoscaler'),
    kedaTargets: targets('ScaledObject'),
  };
}

function secretRefs(containers: Container[]): { name: string; key: string }[] {
  return containers.flatMap((c) =>
    ((c as AppContainer).env ?? []).flatMap((e) => (e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef] : [])),
  );
}

describeWithKubectl('Deployments as kubectl kustomize renders them', () => {
  describe.each(OVERLAYS)('overlay %s', (overlay) => {
    const { objects, find, configMap, sharedConfig, hpaTargets, kedaTargets } = rendered(overlay);

    describe.each(PARLEY_SERVICES)('$name on Kubernetes', ({ name, port, consumer, extraSecrets }) => {
      const deployment = find('Deployment', name) as K8sObject;
      const pod = podSpecOf(deployment ?? ({} as K8sObject)) as Record<string, unknown> & {
        terminationGracePeriodSeconds: number;
        securityContext: Record<string, unknown>;
      };
      const container = (deployment && containersOf(deployment).find((c) => c.name === name)) as AppContainer;
      const env = (n: string) => container.env.find((e) => e.name === n);

      it('has a Deployment running the shared image with SERVICE and PORT set', () => {
        expect(deployment).toBeDefined();
        expect(container.image).toMatch(/^parley:\S+$/);
        expect(env('SERVICE')?.value).toBe(name);
        expect(env('PORT')?.value).toBe(String(port));
        expect(container.ports).toEqual([expect.objectContaining({ name: 'http', containerPort: port })]);
        const selector = spec<{ selector: { matchLabels: Record<string, string> } }>(deployment).selector.matchLabels;
        expect(selector).toEqual({ 'app.kubernetes.io/name': name });
        const templateLabels = (deployment.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
        expect(templateLabels).toEqual(expect.objectContaining({ ...selector, 'app.kubernetes.io/part-of': 'parley' }));
      });

      it('probes: startup and liveness on /health/live, readiness on /health/ready, all on its http port', () => {
        expect(container.startupProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
        expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
        expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
        // A readiness timeout shorter than the app's own per-check timeout would hide the reason.
        expect((container.readinessProbe.timeoutSeconds ?? 1) * 1000).toBeGreaterThan(Number(sharedConfig.HEALTH_CHECK_TIMEOUT_MS));
      });

      it('drains: preStop sleep, then SIGTERM with more grace than preStop + SHUTDOWN_TIMEOUT_MS', () => {
        expect(Number(sharedConfig.SHUTDOWN_TIMEOUT_MS)).toBe(SHUTDOWN_TIMEOUT_MS);
        const command = container.lifecycle?.preStop?.exec?.command ?? [];
        expect(command[0]).toBe('sleep');
        const preStop = Number(command[1]);
        expect(preStop).toBeGreaterThan(0);
        expect(preStop).toBeLessThanOrEqual(10);
        expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(preStop + SHUTDOWN_TIMEOUT_MS / 1000);
      });

      it('runs non-root on a read-only root filesystem, within requests and limits', () => {
        expect(pod.securityContext).toEqual(expect.objectContaining({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }));
        expect(pod.automountServiceAccountToken).toBe(false);
        expect(container.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
        for (const kind of ['requests', 'limits'] as const)
          expect(Object.keys(container.resources[kind]).sort()).toEqual(['cpu', 'memory']);
      });

      it('reads shared config from the generated ConfigMap and only its own secrets', () => {
        expect(configMap).toBeDefined();
        expect(container.envFrom).toEqual([{ configMapRef: { name: configMap?.metadata.name } }]);
        const keys = secretRefs([container]).map((r) => r.key);
        expect(keys.sort()).toEqual(['DATABASE_URL', 'REDIS_URL', ...extraSecrets].sort());
      });

      it('is given every variable its env schema requires (env, Secret or the shared ConfigMap)', () => {
        const provided = new Set([...container.env.map((e) => e.name), ...Object.keys(sharedConfig)]);
        const required = requiredEnvVars(name);
        expect(required).toContain('DATABASE_URL');
        expect(required.filter((variable) => !provided.has(variable))).toEqual([]);
      });

      it('every literal value it is given (env and ConfigMap) passes its env schema', () => {
        const shape = envShapeOf(envSchemaOf(name));
        const literals = {
          ...sharedConfig,
          ...Object.fromEntries(container.env.flatMap((e) => (e.value === undefined ? [] : [[e.name, e.value]]))),
        };
        const unknown = Object.keys(literals).filter((variable) => !(variable in shape) && variable !== 'SERVICE');
        expect(unknown).toEqual([]);
        const invalid = Object.entries(literals).filter(
          ([variable, value]) => variable in shape && !shape[variable].safeParse(value).success,
        );
        expect(invalid).toEqual([]);
      });

      it('has a Service selecting its pods on the http port', () => {
        const service = find('Service', name);
        expect(spec(service)).toEqual(
          expect.objectContaining({
            selector: { 'app.kubernetes.io/name': name },
            ports: [expect.objectContaining({ name: 'http', port, targetPort: 'http' })],
          }),
        );
      });

      it('has a PodDisruptionBudget allowing one pod down', () => {
        expect(spec(find('PodDisruptionBudget', name))).toEqual({
          maxUnavailable: 1,
          selector: { matchLabels: { 'app.kubernetes.io/name': name } },
        });
      });

      it('is scaled by exactly one owner, and leaves spec.replicas to it (fixed count: at least two in prod)', () => {
        const owners = [hpaTargets.includes(name), kedaTargets.includes(name)].filter(Boolean).length;
        const replicas = (deployment.spec as { replicas?: number }).replicas;
        if (['gateway', 'chat'].includes(name)) expect(hpaTargets).toContain(name);
        if (consumer) expect(kedaTargets).toContain(name);
        expect(owners).toBeLessThanOrEqual(1);
        if (owners === 1) expect(replicas).toBeUndefined();
        else expect(replicas).toBeGreaterThanOrEqual(overlay === 'prod' ? 2 : 1);
      });

      if (consumer) {
        it(`scales on the JetStream backlog of its durable consumer (${consumer})`, () => {
          const so = spec<{ minReplicaCount: number; triggers: { type: string; metadata: Record<string, string> }[] }>(
            find('ScaledObject', name),
          );
          expect(so.minReplicaCount).toBeGreaterThanOrEqual(1);
          expect(so.triggers).toEqual([
            {
              type: 'nats-jetstream',
              metadata: expect.objectContaining({
                stream: EVENTS_STREAM_NAME,
                consumer,
                account: '$G',
                natsServerMonitoringEndpoint: expect.stringMatching(/:8222$/),
              }),
            },
          ]);
          expect(Number(so.triggers[0].metadata.lagThreshold)).toBeGreaterThan(0);
        });
      }
    });

    describe('autoscalers', () => {
      it('HPAs scale gateway and chat on CPU', () => {
        const hpas = objects.filter((o) => o.kind === 'HorizontalPodAutoscaler');
        expect(hpas.map((h) => h.metadata.name).sort()).toEqual(['chat', 'gateway']);
        for (const h of hpas) {
          const s = spec<{
            scaleTargetRef: Record<string, string>;
            minReplicas: number;
            maxReplicas: number;
            metrics: { resource: { name: string } }[];
          }>(h);
          expect(s.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: h.metadata.name });
          expect(s.minReplicas).toBeLessThanOrEqual(s.maxReplicas);
          expect(s.metrics.map((m) => m.resource.name)).toEqual(['cpu']);
        }
      });
    });

    describe('migration Job', () => {
      const job = kustomizeBuild(`k8s/overlays/${overlay}/migrate`).find((o) => o.kind === 'Job') as K8sObject;
      const containers = containersOf(job) as AppContainer[];
      const migrate = containers.find((c) => c.name === 'migrate') as AppContainer;
      const dbSetup = containers.find((c) => c.name === 'db-setup');
      const scripts = readRepoJson<{ scripts: Record<string, string> }>('package.json').scripts;

      it('runs `npm run db:migrate` (after db-setup in dev only: prod bootstraps roles once by hand), scripts that exist, keeping tini as entrypoint', () => {
        expect(containers.map((c) => c.name)).toEqual(overlay === 'dev' ? ['db-setup', 'migrate'] : ['migrate']);
        if (dbSetup) expect(dbSetup.args).toEqual(['node', 'scripts/db-setup.mjs']);
        expect(repoFileExists('scripts/db-setup.mjs')).toBe(true);
        expect(migrate.args).toEqual(['npm', 'run', 'db:migrate']);
        expect(scripts['db:migrate']).toMatch(/scripts\/migrate\.mjs/);
        for (const c of containers) expect(c).not.toHaveProperty('command');
      });

      it("runs the same parley image as the overlay's Deployments (one release component)", () => {
        const images = new Set(objects.filter((o) => o.kind === 'Deployment').flatMap((o) => containersOf(o).map((c) => c.image)));
        expect([...images]).toHaveLength(1);
        for (const c of containers) expect(images.has(c.image)).toBe(true);
      });

      it('never restarts in place, is bounded in time, and runs as non-root with a writable /tmp only', () => {
        const s = job.spec as { backoffLimit: number; activeDeadlineSeconds: number; template: { spec: { restartPolicy: string } } };
        expect(s.template.spec.restartPolicy).toBe('Never');
        expect(s.backoffLimit).toBeLessThanOrEqual(3);
        expect(s.activeDeadlineSeconds).toBeGreaterThan(0);
        for (const c of containers) expect(c.securityContext).toEqual(expect.objectContaining({ readOnlyRootFilesystem: true }));
      });

      it('gives the owner URL to migrate only, and superuser credentials to db-setup only', () => {
        expect(secretRefs([migrate]).map((r) => r.key)).toEqual(['DATABASE_MIGRATION_URL']);
        if (dbSetup) expect(secretRefs([dbSetup]).map((r) => r.key)).toContain('PGSUPERUSER_URL');
      });
    });

    describe('secrets', () => {
      const allObjects = listRepoFiles('k8s', ['.yaml']).flatMap((file) =>
        readManifests(repoPath(file)).map((object) => ({ file, object })),
      );

      it('every secretKeyRef names parley-secrets and a key the example documents', () => {
        const refs = [...objects, ...kustomizeBuild(`k8s/overlays/${overlay}/migrate`)].flatMap((o) => secretRefs(containersOf(o)));
        expect(refs.length).toBeGreaterThan(0);
        for (const ref of refs) {
          expect(ref.name).toBe(exampleSecret.metadata.name);
          expect(Object.keys(exampleSecret.stringData)).toContain(ref.key);
        }
      });

      it('no Secret outside *.example.yaml carries data, and the example holds no real value', () => {
        const withData = allObjects.filter(({ object }) => object.kind === 'Secret' && (object.data || object.stringData));
        expect(withData.map(({ file }) => file)).toEqual(['k8s/base/secret.example.yaml']);
        for (const value of Object.values(exampleSecret.stringData)) expect(value).toContain('REPLACE_ME');
      });
    });

    describe('public entry', () => {
      const ingress = find('Ingress', 'gateway');
      const paths = spec<{
        rules: { http: { paths: { path: string; backend: { service: { name: string; port: { name: string } } } }[] } }[];
      }>(ingress).rules.flatMap((r) => r.http.paths);

      it('routes the API, the OpenAI-compatible endpoint and the docs to the gateway, with SSE-friendly buffering', () => {
        expect(paths.map((p) => p.path).sort()).toEqual(['/api', '/docs', '/v1']);
        for (const p of paths) expect(p.backend.service).toEqual({ name: 'gateway', port: { name: 'http' } });
        expect(ingress?.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-buffering']).toBe('off');
      });

      it('keeps /metrics and /health off the public ingress', () => {
        expect(paths.filter((p) => p.path === '/' || p.path.startsWith('/metrics') || p.path.startsWith('/health'))).toEqual([]);
      });

      it('the namespace enforces the restricted Pod Security Standard', () => {
        expect(find('Namespace', 'parley')?.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
      });
    });
  });
});
