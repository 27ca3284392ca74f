import { signalRulesExtensionSchema } from '../rules/rules-extension.schema';
import type { SignalRule, SignalRuleSet } from '../rules/signal-rules.types';
import { termToSource } from './compile-pattern.util';
import { InvalidSignalRulesError } from './signal-rules.errors';

/** Validates a tenant extension (zod) and merges it into a base rule set. Throws InvalidSignalRulesError. */
export function mergeRuleExtension(base: SignalRuleSet, extension: unknown): SignalRuleSet {
  if (extension === undefined || extension === null) return base;
  const parsed = signalRulesExtensionSchema.safeParse(extension);
  if (!parsed.success) {
    throw new InvalidSignalRulesError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const ext = parsed.data;
  const ids = new Set(base.rules.map((r) => r.id));
  const issues: Array<{ path: string; message: string }> = [];
  ext.rules.forEach((rule, i) => {
    if (ids.has(rule.id)) issues.push({ path: `rules.${i}.id`, message: `rule "${rule.id}" already exists; use extend` });
    ids.add(rule.id);
  });
  for (const id of Object.keys(ext.extend)) {
    if (!ids.has(id)) issues.push({ path: `extend.${id}`, message: `unknown rule id "${id}"` });
  }
  ext.disable.forEach((id, i) => {
    if (!ids.has(id)) issues.push({ path: `disable.${i}`, message: `unknown rule id "${id}"` });
  });
  if (issues.length > 0) throw new InvalidSignalRulesError(issues);

  const added: SignalRule[] = ext.rules.map((r) => ({
    id: r.id,
    type: r.type,
    severity: r.severity,
    confidence: r.confidence,
    terms: r.terms,
    ...(r.requiresTerms ? { requires: { terms: r.requiresTerms } } : {}),
    ...(r.guards ? { guards: r.guards } : {}),
  }));
  const disabled = new Set(ext.disable);
  const rules = [...base.rules, ...added]
    .filter((r) => !disabled.has(r.id))
    .map((r) => {
      const more = ext.extend[r.id];
      return more ? { ...r, terms: [...(r.terms ?? []), ...more] } : r;
    });
  return { ...base, rules, figurative: [...base.figurative, ...ext.figurative.map(termToSource)] };
}
