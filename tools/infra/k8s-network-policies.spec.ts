import { describeWithKubectl, kustomizeBuild, renderComponent, type K8sObject } from './support/kubectl-kustomize.util';
import { selects, type LabelSelector } from './support/label-selector.util';
import { PARLEY_SERVICES } from './support/parley-services.constants';

interface Peer {
  namespaceSelector?: LabelSelector;
  podSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}
interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: { protocol: string; port: number | string }[];
}
interface PolicySpec {
  podSelector: LabelSelector;
  policyTypes: ('Ingress' | 'Egress')[];
  ingress?: Rule[];
  egress?: Rule[];
}

// Policies as `kubectl kustomize` renders them: the base, and each egress Component on its own.
const isPolicy = (o: K8sObject) => o.kind === 'NetworkPolicy';
const specOf = (p: K8sObject) => p.spec as PolicySpec;
const podLabels = (name: string) =>
  (
    kustomizeBuild('k8s/base').find((o) => o.kind === 'Deployment' && o.metadata.name === name)?.spec as {
      template: { metadata: { labels: Record<string, string> } };
    }
  ).template.metadata.labels;
const rulesFor = (policies: K8sObject[], labels: Record<string, string>, type: 'ingress' | 'egress') =>
  policies.filter((p) => selects(specOf(p).podSelector, labels)).flatMap((p) => specOf(p)[type] ?? []);
const peerName = (peer: Peer) =>
  peer.ipBlock
    ? `ip:${peer.ipBlock.cidr}`
    : `${peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] ?? '*'}/${peer.podSelector?.matchLabels?.['app.kubernetes.io/name'] ?? '*'}`;
const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16'];

describeWithKubectl('network policies (base)', () => {
  const basePolicies = kustomizeBuild('k8s/base').filter(isPolicy);

  it('deny all ingress and egress by default', () => {
    const deny = basePolicies.find((p) => p.metadata.name === 'default-deny') as K8sObject;
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });

  it('let every pod resolve names through kube-dns only', () => {
    const dns = specOf(basePolicies.find((p) => p.metadata.name === 'allow-dns') as K8sObject);
    expect(dns.podSelector).toEqual({});
    expect(dns.egress?.flatMap((r) => r.to ?? []).map(peerName)).toEqual(['kube-system/*']);
    expect(dns.egress?.flatMap((r) => r.ports ?? [])).toEqual([
      { protocol: 'UDP', port: 53 },
      { protocol: 'TCP', port: 53 },
    ]);
  });

  it('cover every Parley pod, the migration Job included', () => {
    const job = kustomizeBuild('k8s/base/migrate').find((o) => o.kind === 'Job') as K8sObject;
    const jobLabels = (job.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
    for (const labels of [...PARLEY_SERVICES.map((s) => podLabels(s.name)), jobLabels]) {
      expect(
        rulesFor(basePolicies, labels, 'egress')
          .flatMap((r) => r.ports ?? [])
          .map((p) => p.port),
      ).toEqual(expect.arrayContaining([5432, 4222, 6379]));
    }
  });

  it.each(PARLEY_SERVICES.map((s) => s.name))('%s may only reach DNS, PostgreSQL, NATS, Redis and the OTel collector', (name) => {
    const egress = rulesFor(basePolicies, podLabels(name), 'egress');
    expect(egress.flatMap((r) => r.to ?? []).filter((peer) => peer.ipBlock)).toEqual([]);
    const ports = new Set(egress.flatMap((r) => r.ports ?? []).map((p) => p.port));
    expect([...ports].sort()).toEqual([4222, 4317, 4318, 53, 5432, 6379].sort());
  });

  it.each(PARLEY_SERVICES.filter((s) => s.name !== 'gateway').map((s) => s.name))(
    '%s accepts connections only from the Prometheus scraper, on its http port',
    (name) => {
      const ingress = rulesFor(basePolicies, podLabels(name), 'ingress');
      expect(ingress.flatMap((r) => r.from ?? []).map(peerName)).toEqual(['monitoring/prometheus']);
      expect(ingress.flatMap((r) => r.ports ?? [])).toEqual([{ protocol: 'TCP', port: 'http' }]);
    },
  );

  it('gateway accepts the ingress controller and the Prometheus scraper, on its http port', () => {
    const ingress = rulesFor(basePolicies, podLabels('gateway'), 'ingress');
    expect(
      ingress
        .flatMap((r) => r.from ?? [])
        .map(peerName)
        .sort(),
    ).toEqual(['ingress-nginx/ingress-nginx', 'monitoring/prometheus']);
    expect(new Set(ingress.flatMap((r) => r.ports ?? []).map((p) => p.port))).toEqual(new Set(['http']));
  });
});

describeWithKubectl('opt-in egress components', () => {
  const llm = renderComponent('k8s/components/llm-egress').filter(isPolicy);
  const notifier = renderComponent('k8s/components/notifier-egress').filter(isPolicy);

  it.each(['dev', 'prod'])('both are in the %s overlay as rendered', (overlay) => {
    const names = kustomizeBuild(`k8s/overlays/${overlay}`)
      .filter(isPolicy)
      .map((p) => p.metadata.name);
    expect(names).toEqual(expect.arrayContaining([...llm, ...notifier].map((p) => p.metadata.name)));
  });

  it('LLM egress: HTTPS to public addresses for the services that call providers, never the gateway or notifier', () => {
    const allowed = PARLEY_SERVICES.map((s) => s.name).filter((name) => rulesFor(llm, podLabels(name), 'egress').length > 0);
    expect(allowed.sort()).toEqual(['chat', 'client-insights', 'provisioning', 'tenant-intelligence']);
    const rules = llm.flatMap((p) => specOf(p).egress ?? []);
    expect(rules.flatMap((r) => r.ports ?? [])).toEqual([{ protocol: 'TCP', port: 443 }]);
  });

  it('notifier egress: HTTPS and SMTP submission for the notifier only', () => {
    const allowed = PARLEY_SERVICES.map((s) => s.name).filter((name) => rulesFor(notifier, podLabels(name), 'egress').length > 0);
    expect(allowed).toEqual(['notifier']);
    expect(
      notifier
        .flatMap((p) => specOf(p).egress ?? [])
        .flatMap((r) => r.ports ?? [])
        .map((p) => p.port),
    ).toEqual([443, 465, 587]);
  });

  it.each([
    ['llm-egress', llm],
    ['notifier-egress', notifier],
  ])('%s keeps private ranges and cloud metadata (169.254/16) unreachable', (_name, policies) => {
    const blocks = policies
      .flatMap((p) => specOf(p).egress ?? [])
      .flatMap((r) => r.to ?? [])
      .flatMap((peer) => (peer.ipBlock ? [peer.ipBlock] : []));
    const v4 = blocks.find((b) => b.cidr === '0.0.0.0/0');
    expect(v4?.except).toEqual(expect.arrayContaining(PRIVATE));
    expect(blocks.find((b) => b.cidr === '::/0')?.except).toEqual(expect.arrayContaining(['fc00::/7', 'fe80::/10']));
  });
});

describe('label selector semantics used above', () => {
  it.each([
    [{}, { a: '1' }, true],
    [{ matchLabels: { a: '1' } }, { a: '1', b: '2' }, true],
    [{ matchLabels: { a: '1' } }, { a: '2' }, false],
    [{ matchExpressions: [{ key: 'a', operator: 'In' as const, values: ['1', '3'] }] }, { a: '3' }, true],
    [{ matchExpressions: [{ key: 'a', operator: 'In' as const, values: ['1'] }] }, {}, false],
    [{ matchExpressions: [{ key: 'a', operator: 'NotIn' as const, values: ['1'] }] }, { a: '2' }, true],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists' as const }] }, {}, false],
    [{ matchExpressions: [{ key: 'a', operator: 'DoesNotExist' as const }] }, {}, true],
  ])('%j selects %j: %s', (selector, labels, expected) => {
    expect(selects(selector, labels)).toBe(expected);
  });
});
