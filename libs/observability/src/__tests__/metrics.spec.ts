import { ServiceMetrics } from '../metrics/service-metrics';

describe('ServiceMetrics', () => {
  it('renders the default metrics unprefixed, labelled with the service, in the Prometheus text format', async () => {
    const { contentType, body } = await new ServiceMetrics('chat').render();
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(body).toMatch(/^process_cpu_user_seconds_total\{service="chat"\} /m);
    expect(body).toMatch(/^nodejs_eventloop_lag_seconds\{service="chat"\} /m);
    expect(body).toContain('# TYPE http_request_duration_seconds histogram');
  });

  it('records HTTP durations per method, route and status', async () => {
    const metrics = new ServiceMetrics('gateway');
    metrics.httpRequestDuration.observe({ method: 'POST', route: '/api/v1/chat', status_code: '200' }, 0.3);
    const { body } = await metrics.render();
    expect(body).toContain(
      'http_request_duration_seconds_bucket{le="0.5",service="gateway",method="POST",route="/api/v1/chat",status_code="200"} 1',
    );
    expect(body).toContain(
      'http_request_duration_seconds_bucket{le="0.25",service="gateway",method="POST",route="/api/v1/chat",status_code="200"} 0',
    );
  });

  it('records readiness results on parley_dependency_up', async () => {
    const metrics = new ServiceMetrics('chat');
    metrics.recordReadiness({ postgres: 'up', redis: 'down: not connected (reconnecting)' });
    const { body } = await metrics.render();
    expect(body).toContain('parley_dependency_up{dependency="postgres",service="chat"} 1');
    expect(body).toContain('parley_dependency_up{dependency="redis",service="chat"} 0');
  });

  it('registers app metrics on the same registry', async () => {
    const metrics = new ServiceMetrics('notifier');
    metrics.counter({ name: 'notifications_sent_total', help: 'Notifications sent', labelNames: ['channel'] }).inc({ channel: 'slack' }, 2);
    metrics.gauge({ name: 'inbox_streams_open', help: 'Open inbox SSE streams' }).set(3);
    metrics.histogram({ name: 'webhook_seconds', help: 'Webhook latency', buckets: [1] }).observe(0.5);
    const { body } = await metrics.render();
    expect(body).toContain('notifications_sent_total{channel="slack",service="notifier"} 2');
    expect(body).toContain('inbox_streams_open{service="notifier"} 3');
    expect(body).toContain('webhook_seconds_count{service="notifier"} 1');
  });

  it('keeps registries of different instances apart', async () => {
    const a = new ServiceMetrics('a');
    const b = new ServiceMetrics('b');
    a.counter({ name: 'only_in_a_total', help: 'x' }).inc();
    expect((await b.render()).body).not.toContain('only_in_a_total');
    expect(() => a.counter({ name: 'only_in_a_total', help: 'x' })).toThrow(/already been registered/);
  });
});
