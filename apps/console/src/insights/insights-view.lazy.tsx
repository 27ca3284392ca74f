import { lazy, Suspense, type ComponentProps } from 'react';

// The charts (recharts) are most of the console's weight and only the insights pages need them:
// they load as a separate file the first time an insights view is shown.
const InsightsViewChunk = lazy(() => import('./insights-view.component').then((module) => ({ default: module.InsightsView })));

/** InsightsView, loaded on first use. */
export function LazyInsightsView(props: ComponentProps<typeof InsightsViewChunk>) {
  return (
    <Suspense fallback={<p role="status">Loading the charts…</p>}>
      <InsightsViewChunk {...props} />
    </Suspense>
  );
}
