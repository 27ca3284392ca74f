import { NO_DEGRADE, unionOfSwitches, type DegradeSwitches } from '@parley/contracts';
import { OFFLINE_CHOICE } from '@parley/llm';
import { chainHasModel, contextLimits, degradedChain } from '../degrade-mode.util';

const on = (patch: Partial<DegradeSwitches>): DegradeSwitches => ({ ...NO_DEGRADE, ...patch });
const big = { provider: 'openai' as const, model: 'big' };
const small = { provider: 'openai' as const, model: 'small' };
const local = { provider: 'ollama' as const, model: 'tiny' };

describe('the effective switches of a turn', () => {
  it('is the union of global, tenant and automatic, switch by switch', () => {
    expect(unionOfSwitches(on({ leanContext: true }), on({ offlineOnly: true }), null)).toEqual(
      on({ leanContext: true, offlineOnly: true }),
    );
    expect(unionOfSwitches(NO_DEGRADE, undefined, on({ cheaperModel: true }))).toEqual(on({ cheaperModel: true }));
    expect(unionOfSwitches()).toEqual(NO_DEGRADE);
  });
});

describe('degradedChain', () => {
  const chain = { primary: big, fallbacks: [small, local] };

  it('keeps the chain with no switch on', () => {
    expect(degradedChain(chain, NO_DEGRADE)).toBe(chain);
  });

  it('cheaper_model starts at the first fallback', () => {
    expect(degradedChain(chain, on({ cheaperModel: true }))).toEqual({ primary: small, fallbacks: [local] });
  });

  it('cheaper_model keeps a chain without a model fallback', () => {
    const single = { primary: big, fallbacks: [] };
    expect(degradedChain(single, on({ cheaperModel: true }))).toBe(single);
    const toOffline = { primary: big, fallbacks: [OFFLINE_CHOICE] };
    expect(degradedChain(toOffline, on({ cheaperModel: true }))).toBe(toOffline);
  });

  it('offline_only wins over cheaper_model: the offline responder alone', () => {
    const offline = degradedChain(chain, on({ offlineOnly: true, cheaperModel: true }));
    expect(offline).toEqual({ primary: OFFLINE_CHOICE, fallbacks: [] });
    expect(chainHasModel(offline)).toBe(false);
    expect(chainHasModel(chain)).toBe(true);
  });
});

describe('contextLimits', () => {
  const normal = { historyTokenBudget: 2000, knowledgeLimit: 4 };
  const lean = { leanHistoryTokenBudget: 500, leanKnowledgeLimit: 2 };

  it('uses the lean limits under lean_context only', () => {
    expect(contextLimits(NO_DEGRADE, normal, lean)).toEqual(normal);
    expect(contextLimits(on({ leanContext: true }), normal, lean)).toEqual({ historyTokenBudget: 500, knowledgeLimit: 2 });
  });

  it('never raises a limit above the normal one', () => {
    expect(contextLimits(on({ leanContext: true }), { historyTokenBudget: 100, knowledgeLimit: 1 }, lean)).toEqual({
      historyTokenBudget: 100,
      knowledgeLimit: 1,
    });
  });
});
