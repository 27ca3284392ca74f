// The pure parts of the load/soak driver (bench/load/lib/stats.mjs): window aggregation,
// percentiles, the least-squares memory slope and its PASS/FAIL verdict. The module is an ES
// module outside the Jest projects, so each case runs in a real Node process, as
// tools/scripts/pg-urls.spec.ts does for scripts/.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const stats = pathToFileURL(join(__dirname, '..', '..', 'bench', 'load', 'lib', 'stats.mjs')).href;

/** Runs `body` (statements ending in `return <value>`) with the module as `s`; returns the value. */
function evaluate(body: string): unknown {
  const source = [
    `import * as s from ${JSON.stringify(stats)};`,
    `const value = (() => { ${body} })();`,
    'process.stdout.write(JSON.stringify(value));',
  ].join('\n');
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8', timeout: 20_000 }));
}

describe('bench/load stats', () => {
  it('percentile is nearest-rank over an ascending array', () => {
    expect(
      evaluate(
        `const a = Array.from({ length: 100 }, (_, i) => i + 1); return [s.percentile(a, 50), s.percentile(a, 99), s.percentile(a, 100), s.percentile([7], 99), s.percentile([], 50)];`,
      ),
    ).toEqual([50, 99, 100, 7, null]);
  });

  it('a window counts successes and errors per kind, with reasons, and take() starts an empty one', () => {
    expect(
      evaluate(`
        const w = new s.WindowStats();
        for (let i = 1; i <= 100; i++) w.ok('turn', i);
        w.fail('turn', 'status 503');
        w.fail('turn', 'status 503');
        w.fail('history', 'ECONNRESET');
        const first = w.take();
        return { first, totals: s.windowTotals(first), next: w.take() };`),
    ).toEqual({
      first: {
        turn: { n: 102, errors: 2, p50: 50, p99: 99, max: 100, reasons: { 'status 503': 2 } },
        history: { n: 1, errors: 1, p50: null, p99: null, max: null, reasons: { ECONNRESET: 1 } },
      },
      totals: { n: 103, errors: 3 },
      next: {},
    });
  });

  it('slope is the least-squares slope, with its standard error; secondHalf keeps the later half of the x range', () => {
    expect(
      evaluate(`
        const line = [[0, 1], [1, 3], [2, 5], [3, 7]];
        const noisy = s.fit([[0, 0], [1, 2], [2, 0], [3, 2]]);
        return [s.slope(line), s.fit(line).stderr, +noisy.slope.toFixed(3), +noisy.stderr.toFixed(3), s.slope([[1, 1]]), s.secondHalf([[0, 1], [10, 2], [20, 3], [30, 4]])];`),
    ).toEqual([
      2,
      0,
      0.4,
      0.566,
      null,
      [
        [20, 3],
        [30, 4],
      ],
    ]);
  });

  it('memoryVerdicts fits MB over minutes in the second half and passes only at or under the bound', () => {
    expect(
      evaluate(`
        const seconds = Array.from({ length: 61 }, (_, i) => i * 10);
        return s.memoryVerdicts({
          // 20 MB of warm-up growth in the first half, then flat: passes.
          flat: seconds.map((t) => [t, t < 300 ? 100 + t / 15 : 120]),
          // 2 MB/min all along: fails a 1 MB/min bound.
          leak: seconds.map((t) => [t, 100 + (2 * t) / 60]),
          // shrinking after warm-up passes.
          shrink: seconds.map((t) => [t, 200 - t / 60]),
          empty: [],
        }, 1);`),
    ).toEqual({
      flat: { slope_mb_per_min: 0, stderr_mb_per_min: 0, samples: 31, verdict: 'PASS' },
      leak: { slope_mb_per_min: 2, stderr_mb_per_min: 0, samples: 31, verdict: 'FAIL' },
      shrink: { slope_mb_per_min: -1, stderr_mb_per_min: 0, samples: 31, verdict: 'PASS' },
      empty: { slope_mb_per_min: null, stderr_mb_per_min: null, samples: 0, verdict: 'FAIL' },
    });
  });

  it('settledMemoryVerdict passes a GC sawtooth with a flat live heap and flat native memory, and fails a leak in either', () => {
    expect(
      evaluate(`
        const minutes = Array.from({ length: 61 }, (_, i) => i * 10);
        const gcs = minutes.filter((t) => t % 40 === 0);
        // Committed heap climbs 20 MB in each 4-minute cycle and drops back: RSS is a sawtooth.
        const flat = { liveHeap: gcs.map((t) => [t, 80]), native: minutes.map((t) => [t, 130]), heapUsed: minutes.map((t) => [t, 80 + (t % 240) / 12]) };
        const jsLeak = { ...flat, liveHeap: gcs.map((t) => [t, 80 + (2 * t) / 60]) };
        const nativeLeak = { ...flat, native: minutes.map((t) => [t, 130 + (2 * t) / 60]) };
        // Two mark-compacts in the second half are too few: heap used per window is fitted instead.
        const fewGcs = { ...flat, liveHeap: [[0, 80], [400, 80], [600, 80]], heapUsed: minutes.map((t) => [t, 80 + (3 * t) / 60]) };
        return [flat, jsLeak, nativeLeak, fewGcs].map((series) => {
          const v = s.settledMemoryVerdict(series, 1);
          return [v.heap.source, v.heap.slope_mb_per_min, v.native.slope_mb_per_min, v.verdict];
        });`),
    ).toEqual([
      ['heap after mark-compact', 0, 0, 'PASS'],
      ['heap after mark-compact', 2, 0, 'FAIL'],
      ['heap after mark-compact', 0, 2, 'FAIL'],
      ['heap used per window', 3, 0, 'FAIL'],
    ]);
  });

  it('markdownTable prints a header, a rule and rows, with "-" for missing numbers', () => {
    expect(evaluate(`return s.markdownTable(['a', 'b'], [[1, null], [NaN, 'x']]);`)).toEqual([
      '| a | b |',
      '| --- | --- |',
      '| 1 | - |',
      '| - | x |',
    ]);
  });
});
