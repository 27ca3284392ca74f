// Pure helpers of the load/soak driver (no I/O): per-window aggregation of request outcomes,
// percentiles, the least-squares slope of memory over time and its PASS/FAIL verdict, and
// markdown tables. Tested by tools/bench/load-stats.spec.ts.

/** Nearest-rank percentile of an ascending array (NaN when empty). */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const round = (v, digits = 1) => (Number.isFinite(v) ? +v.toFixed(digits) : null);

/**
 * Collects outcomes per request kind until `take()` closes the window and starts the next one.
 * `ok(kind, ms)` records a success and its latency; `fail(kind, reason)` an error (non-2xx,
 * reset, stream error...), counted by reason.
 */
export class WindowStats {
  constructor() {
    this.kinds = new Map();
  }

  entry(kind) {
    let e = this.kinds.get(kind);
    if (!e) {
      e = { latencies: [], errors: 0, reasons: {} };
      this.kinds.set(kind, e);
    }
    return e;
  }

  ok(kind, ms) {
    this.entry(kind).latencies.push(ms);
  }

  fail(kind, reason) {
    const e = this.entry(kind);
    e.errors += 1;
    e.reasons[reason] = (e.reasons[reason] ?? 0) + 1;
  }

  /** The window so far per kind ({ n, errors, p50, p99, max, reasons }), then starts an empty one. */
  take() {
    const out = {};
    for (const [kind, e] of this.kinds) {
      const s = e.latencies.sort((a, b) => a - b);
      out[kind] = {
        n: s.length + e.errors,
        errors: e.errors,
        p50: round(percentile(s, 50), 1),
        p99: round(percentile(s, 99), 1),
        max: round(s.at(-1), 1),
        reasons: e.reasons,
      };
    }
    this.kinds = new Map();
    return out;
  }
}

/** Requests and errors of a window over all kinds. */
export function windowTotals(kinds) {
  let n = 0;
  let errors = 0;
  for (const k of Object.values(kinds)) {
    n += k.n;
    errors += k.errors;
  }
  return { n, errors };
}

/** Least-squares slope of y over x (NaN with fewer than two distinct x). */
export function slope(points) {
  return fit(points).slope;
}

/** Least-squares line through the points: slope and its standard error (NaN when undefined). */
export function fit(points) {
  const n = points.length;
  if (n < 2) return { slope: NaN, stderr: NaN };
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  if (sxx === 0) return { slope: NaN, stderr: NaN };
  const b = sxy / sxx;
  const residuals = points.reduce((a, [x, y]) => a + (y - my - b * (x - mx)) ** 2, 0);
  return { slope: b, stderr: n > 2 ? Math.sqrt(residuals / (n - 2) / sxx) : NaN };
}

/** The points whose x lies in the second half of the x range (the steady state after warm-up). */
export function secondHalf(points) {
  if (!points.length) return [];
  const xs = points.map(([x]) => x);
  const mid = (Math.min(...xs) + Math.max(...xs)) / 2;
  return points.filter(([x]) => x >= mid);
}

/**
 * Memory trend per series over the second half: `series` maps a name to [[seconds, megabytes]];
 * the slope is in MB/min, PASS when at most `boundMbPerMin` (a shrinking series passes).
 */
export function memoryVerdicts(series, boundMbPerMin) {
  const out = {};
  for (const [name, points] of Object.entries(series)) {
    const half = secondHalf(points).map(([s, mb]) => [s / 60, mb]);
    const { slope: mbPerMin, stderr } = fit(half);
    out[name] = {
      slope_mb_per_min: round(mbPerMin, 3),
      stderr_mb_per_min: round(stderr, 3),
      samples: half.length,
      verdict: Number.isFinite(mbPerMin) && mbPerMin <= boundMbPerMin ? 'PASS' : 'FAIL',
    };
  }
  return out;
}

/** Markdown table lines from a header row and data rows (null and undefined print as "-"). */
export function markdownTable(header, rows) {
  const cell = (v) => (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? '-' : String(v));
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

/**
 * The memory verdict of one service from the two parts of its RSS that can grow, each fitted
 * over the second half like memoryVerdicts (MB/min, PASS at or under `boundMbPerMin`):
 *
 * - `liveHeap`: the V8 heap used right after each full mark-compact (--trace-gc), i.e. the
 *   objects still reachable. Any JS object kept per event, tenant or request raises it. Heap used
 *   at an arbitrary scrape is not this: it also counts the garbage since the last collection,
 *   and so rises and falls with the collector's cycle. With fewer than `minGcs` mark-compacts in
 *   the second half the fit has too few points: the heap used sampled per window (`heapUsed`,
 *   which only overstates growth, garbage accumulating between collections) is fitted instead.
 * - `native`: RSS minus the V8 heap's committed size (nodejs_heap_size_total_bytes), sampled
 *   together: code, buffers, native libraries' allocations, malloc arenas. A native leak raises it.
 *
 * What the two leave out is the heap committed but not live: V8 grows it between collections and
 * gives it back after them, the sawtooth that a straight line through the raw RSS mistakes for a
 * trend when the second half starts low in a cycle and ends high. The raw RSS slope is still
 * reported beside this verdict.
 */
export function settledMemoryVerdict({ liveHeap = [], heapUsed = [], native = [] }, boundMbPerMin, { minGcs = 3 } = {}) {
  const liveFit = memoryVerdicts({ liveHeap }, boundMbPerMin).liveHeap;
  const heap =
    liveFit.samples >= minGcs
      ? { source: 'heap after mark-compact', ...liveFit }
      : { source: 'heap used per window', ...memoryVerdicts({ heapUsed }, boundMbPerMin).heapUsed };
  const outside = memoryVerdicts({ native }, boundMbPerMin).native;
  return { heap, native: outside, verdict: heap.verdict === 'PASS' && outside.verdict === 'PASS' ? 'PASS' : 'FAIL' };
}
