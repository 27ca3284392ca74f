import { isAlias, isNode, parseAllDocuments, visit } from 'yaml';
import { EVENTS_STREAM } from '@parley/contracts';
import {
  listRepoFiles,
  parseYamlDocuments,
  readRepoJson,
  readRepoText,
  readRepoYaml,
  readRepoYamlDocuments,
} from './support/repo-files.util';

const yamlFiles = ['docker-compose.yml', ...listRepoFiles('infra', ['.yaml', '.yml']), ...listRepoFiles('k8s', ['.yaml', '.yml'])];
const jsonFiles = [...listRepoFiles('infra', ['.json']), ...listRepoFiles('k8s', ['.json'])];
const compose = readRepoYaml<{ services: Record<string, { volumes?: string[]; environment?: Record<string, string> }> }>(
  'docker-compose.yml',
  { merge: true },
);

function anchorsAndAliases(text: string): string[] {
  const found: string[] = [];
  for (const doc of parseAllDocuments(text) as ReturnType<typeof parseAllDocuments> & unknown[]) {
    visit(doc, (_key, node) => {
      if (isAlias(node)) found.push(`*${node.source}`);
      else if (isNode(node) && node.anchor) found.push(`&${node.anchor}`);
    });
  }
  return found;
}

describe('every config file parses', () => {
  it('finds the YAML and JSON files of infra/ and k8s/', () => {
    expect(yamlFiles.length).toBeGreaterThan(40);
    expect(jsonFiles).toContain('infra/grafana/dashboards/operations.json');
  });

  it.each(yamlFiles)('%s is valid YAML without duplicate keys', (file) => {
    expect(() => readRepoYamlDocuments(file, { merge: file === 'docker-compose.yml' })).not.toThrow();
  });

  it.each(jsonFiles)('%s is valid JSON', (file) => {
    expect(() => readRepoJson(file)).not.toThrow();
  });

  it.each(listRepoFiles('k8s', ['.yaml']))(
    '%s: no YAML anchors or aliases (kustomize rewrites them away), and every object is addressable',
    (file) => {
      expect(anchorsAndAliases(readRepoText(file))).toEqual([]);
      for (const doc of readRepoYamlDocuments(file) as Record<string, unknown>[]) {
        expect(doc).toEqual(expect.objectContaining({ apiVersion: expect.any(String), kind: expect.any(String) }));
        if (!file.endsWith('kustomization.yaml'))
          expect(doc).toEqual(expect.objectContaining({ metadata: expect.objectContaining({ name: expect.any(String) }) }));
      }
    },
  );

  it('the anchor check finds anchors and aliases', () => {
    expect(anchorsAndAliases('a: &x 1\nb: *x\n')).toEqual(['&x', '*x']);
  });

  it('the YAML reader rejects duplicate keys and syntax errors', () => {
    expect(() => parseYamlDocuments('a: 1\na: 2\n', 'dup.yaml')).toThrow(/dup\.yaml: .*unique/i);
    expect(() => parseYamlDocuments('a: [1, 2\n', 'broken.yaml')).toThrow(/broken\.yaml/);
  });
});

describe('infra/nats/nats.conf', () => {
  const conf = readRepoText('infra/nats/nats.conf');
  const value = (key: string) => new RegExp(`^\\s*${key}:\\s*"?([^"\\n]+)"?`, 'm').exec(conf)?.[1];

  it('enables JetStream on file storage inside the volume compose mounts', () => {
    expect(conf).toMatch(/^jetstream \{/m);
    const storeDir = value('store_dir') as string;
    const dataMount = (compose.services.nats.volumes ?? []).find((v) => v.startsWith('natsdata:')) as string;
    expect(storeDir.startsWith(`${dataMount.split(':')[1]}/`)).toBe(true);
    expect(value('max_file_store')).toMatch(/^\d+[GM]B$/);
  });

  it('serves monitoring on 8222 (exporter, KEDA) and client connections on 4222', () => {
    expect(value('http_port')).toBe('8222');
    expect(value('port')).toBe('4222');
  });

  it('accepts the largest event the EVENTS stream allows', () => {
    const [, amount, unit] = /^(\d+)(MB|KB)$/.exec(value('max_payload') ?? '') ?? [];
    const bytes = Number(amount) * (unit === 'MB' ? 1024 * 1024 : 1024);
    expect(bytes).toBeGreaterThanOrEqual(EVENTS_STREAM.maxMsgSizeBytes);
  });
});

describe('infra/otel-collector/config.yaml', () => {
  const config = readRepoYaml<{
    receivers: { otlp: { protocols: { http: { endpoint: string }; grpc: { endpoint: string } } } };
    processors: Record<string, unknown>;
    exporters: Record<string, unknown>;
    extensions: Record<string, unknown>;
    service: { extensions: string[]; pipelines: Record<string, { receivers: string[]; processors: string[]; exporters: string[] }> };
  }>('infra/otel-collector/config.yaml');

  it('receives OTLP over HTTP on the port the services export to', () => {
    const endpoint = compose.services.gateway.environment?.OTEL_EXPORTER_OTLP_ENDPOINT as string;
    expect(config.receivers.otlp.protocols.http.endpoint).toBe(`0.0.0.0:${new URL(endpoint).port}`);
  });

  it.each(['traces', 'metrics', 'logs'])('the %s pipeline uses only defined components, memory_limiter first, debug out', (name) => {
    const pipeline = config.service.pipelines[name];
    for (const r of pipeline.receivers) expect(Object.keys(config.receivers)).toContain(r);
    for (const p of pipeline.processors) expect(Object.keys(config.processors)).toContain(p);
    for (const e of pipeline.exporters) expect(Object.keys(config.exporters)).toContain(e);
    expect(pipeline.processors[0]).toBe('memory_limiter');
    expect(pipeline.exporters).toContain('debug');
  });

  it('enables only defined extensions', () => {
    for (const e of config.service.extensions) expect(Object.keys(config.extensions)).toContain(e);
  });
});
