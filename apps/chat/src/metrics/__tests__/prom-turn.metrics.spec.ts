import { Counter, Histogram, Registry } from 'prom-client';
import { PromTurnMetrics } from '../prom-turn.metrics';

describe('PromTurnMetrics', () => {
  it('counts turns by outcome and records durations, time to first token and turn stages', async () => {
    const registry = new Registry();
    const metrics = new PromTurnMetrics({
      counter: (config) => new Counter({ ...config, registers: [registry] }),
      histogram: (config) => new Histogram({ ...config, registers: [registry] }),
    });
    metrics.firstToken(0.004);
    metrics.turnFinished('stop', 0.2);
    metrics.turnFinished('stop', 0.3);
    metrics.turnFinished('NOT_FOUND', 0.01);
    metrics.modelAction('notify_staff', 'refused', 'unknown_recipient');
    metrics.stage('retrieval', 0.0015);
    const text = await registry.metrics();
    expect(text).toContain('parley_chat_turns_total{outcome="stop"} 2');
    expect(text).toContain('parley_chat_turns_total{outcome="NOT_FOUND"} 1');
    expect(text).toContain('parley_chat_turn_seconds_count{outcome="stop"} 2');
    expect(text).toContain('parley_chat_first_token_seconds_bucket{le="0.005"} 1');
    expect(text).toContain('parley_chat_model_actions_total{tool="notify_staff",outcome="refused",reason="unknown_recipient"} 1');
    expect(text).toContain('parley_chat_turn_stage_seconds_bucket{le="0.002",stage="retrieval"} 1');
    expect(text).toContain('parley_chat_turn_stage_seconds_bucket{le="0.001",stage="retrieval"} 0');
  });
});
