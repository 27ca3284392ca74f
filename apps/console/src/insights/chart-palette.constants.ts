/**
 * Chart colours: each has at least 4.5:1 contrast on the white card (so also the 3:1 WCAG asks
 * of graphics), and lines differ by dash pattern too, so no series is told apart by colour alone.
 */
export const CHART = {
  blue: '#0b5cad',
  red: '#a11a1a',
  green: '#1d5e2c',
  purple: '#6b3fa0',
  brown: '#7a4d00',
  axis: '#4f5863',
  grid: '#d5dae1',
} as const;

export const DASH = { solid: undefined, dashed: '6 4', dotted: '2 3' } as const;

export const AXIS_TICK = { fill: CHART.axis, fontSize: 12 } as const;

/** Height of every chart, in CSS pixels; the width follows the card. */
export const CHART_HEIGHT = 220;
