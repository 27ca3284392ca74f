import type { SignalType } from '../signal.types';
import { isAnimalOnly } from './animal-subject.util';
import { isBreathingPractice } from './breathing-practice.util';
import { isDentalOnly } from './dental-only.util';
import { isDownplayed } from './downplayed.util';
import { isFixtureOnly } from './fixture-only.util';
import { isHarmlessSmell, tellsOfHazard } from './harmless-smell.util';
import { saysNoNeedForPerson } from './no-need-person.util';
import { saysNoOneHurt } from './no-one-hurt.util';
import { isPersonalEmergencyOnly } from './personal-emergency.util';
import { isPropertyOnly } from './property-only.util';

/**
 * The fixture-only and dental-only safety vetoes hold for a finding whose confidence is below this
 * (round 16): a classifier that is this sure of safety is let through; a rule's finding passes no
 * confidence and so is always checked.
 */
export const FIXTURE_DENTAL_VETO_BELOW = 0.85;

export interface CueVetoOptions {
  /** Every type found for the message so far (rules and classifier); the urgency veto reads it. */
  readonly found?: ReadonlySet<SignalType>;
  /** The finding's confidence (0 when not given). */
  readonly confidence?: number;
}

/**
 * The label guide's distinctions the classifier learns poorly, checked on normalised text only
 * when the classifier (not a rule) would add a finding: a pet emergency alone is not safety, nor is
 * property damage, a lock-out or a breakdown with no person at risk and no hazard (round 11), nor an
 * electrical fixture with nothing happening to it, nor a dental emergency with no danger beyond the
 * tooth (round 16), nor a message that says no one is hurt or in danger (unless it tells of smoke, fire, sparks or a gas
 * smell: round 17 review), nor a burning smell from food, a candle or a
 * barbecue or a figurative smell (round 17, which vetoes urgency too), nor breathing told as a practice (an
 * exercise, a class, a coach's breath rate) with no person in distress (round 19 review); a
 * personal emergency that is found to be safety is not also urgency (round 11), nor is a message its
 * sender plays down ("lol", "just curious", "no rush": round 14); and "I no longer
 * need a person" is not escalation. `found` holds every type found for the message (rules and
 * classifier). Part of the rule vetoes (`ruleVetoes`, on by default): a tenant that switches those
 * off gets the classifier's findings unfiltered.
 */
export function vetoedByCue(type: SignalType, norm: string, options: CueVetoOptions = {}): boolean {
  const { found = new Set<SignalType>(), confidence = 0 } = options;
  if (type === 'safety')
    return (
      isAnimalOnly(norm) ||
      isPropertyOnly(norm) ||
      (saysNoOneHurt(norm) && !tellsOfHazard(norm)) ||
      isHarmlessSmell(norm) ||
      isBreathingPractice(norm) ||
      (confidence < FIXTURE_DENTAL_VETO_BELOW && (isFixtureOnly(norm) || isDentalOnly(norm)))
    );
  if (type === 'urgency') return (found.has('safety') && isPersonalEmergencyOnly(norm)) || isDownplayed(norm) || isHarmlessSmell(norm);
  if (type === 'escalation') return saysNoNeedForPerson(norm);
  return false;
}
