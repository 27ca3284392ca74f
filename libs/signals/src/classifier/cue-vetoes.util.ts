import type { SignalType } from '../signal.types';
import { isAnimalOnly } from './animal-subject.util';
import { saysNoNeedForPerson } from './no-need-person.util';

/**
 * The label guide's distinctions the classifier learns poorly, checked on normalised text only
 * when the classifier (not a rule) would add a finding: a pet emergency alone is not safety, and
 * "I no longer need a person" is not escalation. Part of the rule vetoes (`ruleVetoes`, on by
 * default): a tenant that switches those off gets the classifier's findings unfiltered.
 */
export function vetoedByCue(type: SignalType, norm: string): boolean {
  if (type === 'safety') return isAnimalOnly(norm);
  if (type === 'escalation') return saysNoNeedForPerson(norm);
  return false;
}
