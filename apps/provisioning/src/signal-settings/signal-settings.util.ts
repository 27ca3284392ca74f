import type { FieldIssue } from '@parley/contracts';
import type { InvalidSignalRulesError, ParsedTenantSignalSettings } from '@parley/signals';

/** Top-level settings whose value differs (classifier options by their own fields: `classifier.thresholds`). */
export function changedSignalFields(before: ParsedTenantSignalSettings | null, after: ParsedTenantSignalSettings): string[] {
  if (!before) return Object.keys(after);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const changed: string[] = [];
  for (const key of Object.keys(after) as Array<keyof ParsedTenantSignalSettings>) {
    if (key === 'classifier') {
      for (const field of Object.keys(after.classifier) as Array<keyof ParsedTenantSignalSettings['classifier']>) {
        if (!same(before.classifier[field], after.classifier[field])) changed.push(`classifier.${field}`);
      }
    } else if (!same(before[key], after[key])) {
      changed.push(key);
    }
  }
  return changed;
}

/** The detector's issues as the RPC's field issues (the gateway lists them in its 400 problem). */
export function signalSettingsIssues(error: InvalidSignalRulesError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path, code: 'invalid', message: issue.message }));
}
