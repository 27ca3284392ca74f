/**
 * "I no longer need a person" is one of the label guide's hard negatives for escalation; the
 * English rules guard it, the classifier does not (on dev it flagged "ik hoef geen mens te
 * spreken", "ya no necesito que me llame una persona", "não me liguem"). `saysNoNeedForPerson`
 * finds the sender declining a person or a call, in the seven languages, on normalised
 * (lower-case) text: a negated need or a "don't call me" within a few words of a person or a call,
 * with no contrast afterwards ("I don't need a bot, but a person" is still a request). Used only
 * to veto a classifier-only escalation finding.
 */
const W = "[\\p{L}'-]+";
const GAP = `(?:\\s+${W}){0,4}?\\s+`;
const PERSON =
  "person|human|someone|somebody|anyone|manager|owner|call|callback|call-back|ring|vet|dentist|mensch|menschen|mitarbeiter|jemand|jemanden|chef|rückruf|anruf|personne|humain|quelqu'un|responsable|gérant|appel|rappel|persona|humano|alguien|encargado|dueño|llamada|humana|qualcuno|responsabile|titolare|telefonata|chiamata|pessoa|alguém|gerente|dono|chamada|ligação|mens|iemand|eigenaar|beheerder|telefoontje";
const NEGATED_NEED = [
  // en
  "(?:no|don't|do not|doesn't|won't|no longer|not)\\s+(?:need|want)(?:\\s+(?:to|for))?",
  'no need (?:for|to)',
  // de
  '(?:brauche|brauchen|benötige|will|möchte)(?:\\s+\\p{L}+){0,2}?\\s+(?:keinen?|nicht(?: mehr)?)',
  '(?:kein|keinen) (?:bedarf|rückruf|anruf)',
  // fr
  "(?:pas|plus) besoin d[e']|inutile de|pas la peine de|(?:je )?ne veux (?:pas|plus)",
  // es
  '(?:ya )?no (?:necesito|necesitamos|hace falta|quiero)',
  // it
  "non (?:ho|abbiamo|c'è) (?:più )?bisogno|non serve|non (?:voglio|è necessario)",
  // pt
  '(?:já )?não (?:preciso|precisamos|é preciso|é necessário|precisa|quero)',
  // nl
  '(?:ik |we )?(?:hoef|hoeven|wil) (?:geen|niet|niet meer)|niet (?:meer )?nodig',
].join('|');
const DONT_CALL =
  "(?:don't|do not) (?:call|ring|phone)|no (?:call|ring)s?|ruf(?:t|en sie)? mich nicht|(?:niemand|keiner) (?:muss|braucht) (?:mich |uns )?(?:zurück|an)?(?:zu)?rufen|nicht (?:zurück)?rufen|ne m'appelez pas|ne me rappelez pas|no me llam(?:en|éis|es)|non mi chiamate|non chiamatemi|não me liguem|não liguem|bel me niet|niet (?:terug)?bellen";
// "ik hoef de eigenaar niet meer te spreken", "ich muss den Chef nicht sprechen": the person between.
const PERSON_THEN_NOT = `(?:hoef|hoeven|muss|müssen|brauche)\\s+(?:\\p{L}+\\s+){0,2}?(?:${PERSON})(?:\\s+\\p{L}+)?\\s+(?:niet|nicht)`;
const NO_NEED = new RegExp(
  `(?:${NEGATED_NEED})(?:${GAP}|\\s+)(?:${PERSON})(?![\\p{L}])|(?:${DONT_CALL})(?![\\p{L}])|${PERSON_THEN_NOT}(?![\\p{L}])`,
  'u',
);
const CONTRAST = /(?<![\p{L}])(?:but|instead|rather|sondern|aber|mais|plutôt|sino|pero|ma|bensì|mas|maar|wel)(?![\p{L}])/u;

/** True when normalised text declines a person or a call and does not then ask for one. */
export function saysNoNeedForPerson(norm: string): boolean {
  const m = NO_NEED.exec(norm);
  return m !== null && !CONTRAST.test(norm.slice(m.index + m[0].length));
}
