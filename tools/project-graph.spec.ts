import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Reads the real Nx project graph (what `nx graph` shows) and checks the layering of
// ARCHITECTURE.md: apps depend only on libs, libs never on apps, and every project has the
// tags the boundary rule keys on.
interface NxGraph {
  graph: {
    nodes: Record<string, { type: string; data: { root: string; tags?: string[] } }>;
    dependencies: Record<string, Array<{ source: string; target: string }>>;
  };
}

const APPS = ['gateway', 'chat', 'tenant-intelligence', 'client-insights', 'provisioning', 'notifier', 'widget', 'console'];
const LIBS = ['contracts', 'messaging', 'persistence', 'llm', 'signals', 'auth', 'observability', 'testing', 'runtime', 'integrations'];

describe('nx project graph', () => {
  let graph: NxGraph['graph'];

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-graph-'));
    try {
      const file = join(dir, 'graph.json');
      execFileSync('npx', ['nx', 'graph', `--file=${file}`], {
        cwd: join(__dirname, '..'),
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
        stdio: 'pipe',
      });
      graph = (JSON.parse(readFileSync(file, 'utf8')) as NxGraph).graph;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('holds exactly the eight apps (six services, the widget and the console), the eight libs of the architecture, the runtime shell and the integrations connectors', () => {
    expect(Object.keys(graph.nodes).sort()).toEqual([...APPS, ...LIBS].sort());
    for (const app of APPS) expect(graph.nodes[app].data.root).toBe(`apps/${app}`);
    for (const lib of LIBS) expect(graph.nodes[lib].data.root).toBe(`libs/${lib}`);
  });

  it('tags every project with a scope and a type', () => {
    for (const [name, node] of Object.entries(graph.nodes)) {
      const tags = node.data.tags ?? [];
      expect({ name, scope: tags.some((t) => t.startsWith('scope:')) }).toEqual({ name, scope: true });
      expect({ name, type: tags.some((t) => t.startsWith('type:')) }).toEqual({ name, type: true });
    }
  });

  it('has no edge into an app', () => {
    const intoApps = Object.values(graph.dependencies)
      .flat()
      .filter((edge) => APPS.includes(edge.target))
      .map((edge) => `${edge.source} -> ${edge.target}`);
    expect(intoApps).toEqual([]);
  });

  it('sees the apps depend on libs (the graph is really computed from imports)', () => {
    const appEdges = APPS.flatMap((app) => graph.dependencies[app] ?? []).filter((e) => LIBS.includes(e.target));
    expect(appEdges.length).toBeGreaterThan(0);
  });
});
