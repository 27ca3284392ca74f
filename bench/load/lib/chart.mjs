// The run's PNG: p99 latency per kind, RSS per service, and errors per window (with the open
// SSE streams), stacked, over the run's time. Chart.js drawn on @napi-rs/canvas (Skia, prebuilt
// binary from npm: no browser, no system packages).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f'];
const WIDTH = 1400;
const PANEL = 480;

function panel(Chart, createCanvas, { title, datasets, yTitle, logarithmic = false, y2Title, xMax }) {
  const canvas = createCanvas(WIDTH, PANEL);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WIDTH, PANEL);
  const scales = {
    x: { type: 'linear', min: 0, max: xMax, title: { display: true, text: 'time since start of load (min)' } },
    y: { type: logarithmic ? 'logarithmic' : 'linear', title: { display: true, text: yTitle }, beginAtZero: !logarithmic },
  };
  if (y2Title)
    scales.y2 = { position: 'right', title: { display: true, text: y2Title }, beginAtZero: true, grid: { drawOnChartArea: false } };
  new Chart(ctx, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      responsive: false,
      parsing: false,
      plugins: { title: { display: true, text: title, font: { size: 18 } }, legend: { position: 'right' } },
      scales,
    },
  });
  return canvas;
}

/**
 * Writes the chart of `windows` (each { t_s, kinds: {kind: {p99, errors}}, open_streams }) and
 * `memory` (each { t_s, rss_mb: {service: mb} }) to `path`; `subtitle` goes on top.
 */
export function writeChart(path, windows, memory, subtitle) {
  const { createCanvas } = require('@napi-rs/canvas');
  const { Chart, registerables } = require('chart.js');
  Chart.register(...registerables);
  const minutes = (w) => +(w.t_s / 60).toFixed(3);
  const line = (label, i, points, extra = {}) => ({
    label,
    data: points,
    borderColor: COLORS[i % COLORS.length],
    backgroundColor: COLORS[i % COLORS.length],
    pointRadius: 2,
    borderWidth: 2,
    ...extra,
  });

  const kinds = [...new Set(windows.flatMap((w) => Object.keys(w.kinds)))];
  const latency = kinds.map((k, i) =>
    line(
      k,
      i,
      windows.filter((w) => w.kinds[k]?.p99 > 0).map((w) => ({ x: minutes(w), y: w.kinds[k].p99 })),
    ),
  );
  const services = [...new Set(memory.flatMap((m) => Object.keys(m.rss_mb)))];
  const rss = services.map((s, i) =>
    line(
      s,
      i,
      memory.filter((m) => m.rss_mb[s] !== null).map((m) => ({ x: minutes(m), y: m.rss_mb[s] })),
      { pointRadius: 0 },
    ),
  );
  const errors = [
    line(
      'errors per window (all kinds)',
      1,
      windows.map((w) => ({ x: minutes(w), y: Object.values(w.kinds).reduce((a, k) => a + k.errors, 0) })),
    ),
    line(
      'open SSE streams (right axis)',
      0,
      windows.map((w) => ({ x: minutes(w), y: w.open_streams })),
      { yAxisID: 'y2', borderDash: [6, 4] },
    ),
  ];

  const xMax = Math.ceil(Math.max(0, ...windows.map(minutes), ...memory.map(minutes)));
  const panels = [
    panel(Chart, createCanvas, {
      title: 'p99 latency per 10 s window, by request kind',
      datasets: latency,
      yTitle: 'ms (log)',
      logarithmic: true,
    }),
    panel(Chart, createCanvas, { title: 'RSS per service (from /proc/<pid>/status)', datasets: rss, yTitle: 'MB', xMax }),
    panel(Chart, createCanvas, { title: 'Errors per 10 s window', datasets: errors, yTitle: 'errors', y2Title: 'open streams', xMax }),
  ];
  const head = 40;
  const out = createCanvas(WIDTH, head + PANEL * panels.length);
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WIDTH, out.height);
  ctx.fillStyle = '#000000';
  ctx.font = '16px sans-serif';
  ctx.fillText(subtitle, 16, 26);
  panels.forEach((p, i) => ctx.drawImage(p, 0, head + i * PANEL));
  writeFileSync(path, out.toBuffer('image/png'));
}
