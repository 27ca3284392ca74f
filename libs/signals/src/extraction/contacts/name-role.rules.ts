import { RELATIONS, RELATIONS_I18N, ROLES_I18N } from './ownership.rules';

export const REL = RELATIONS.join('|');
// German feminine and masculine job nouns ("Grafikerin", "Studentin", "Rentner", "Physiotherapeut").
export const ROLE_NOUN = /^\p{Lu}\p{Ll}{3,}(?:erin|entin|antin|istin|orin|eurin|ologin|ärztin|ner|eur|ent|ant|ist|loge|peut|peutin)$/u;

// Round 17: the roles of someone writing for another person ("I'm his daughter, Karen Whitlow", "sono la nipote,
// Giulia D'Amico", "ik ben de mantelzorger van mevrouw Bakker"): a carer, an assistant, a grandchild.
const CARE_ROLES = [
  ...[
    'carer',
    'caregiver',
    'care\\s+worker',
    'assistant',
    'pa',
    'secretary',
    'granddaughter',
    'grandson',
    'leader',
    'organiser',
    'organizer',
  ],
  ...['betreuerin', 'betreuer', 'pflegerin', 'pfleger', 'assistentin', 'sekretärin', 'auxiliaire(?:\\s+de\\s+vie)?', 'aide-soignante'],
  ...['assistante', 'secrétaire', 'cuidadora', 'cuidador', 'asistente', 'secretaria', 'secretario', 'badante', 'segretaria', 'assistente'],
  ...['secretária', 'mantelzorger', 'mantelzorgster', 'verzorger', 'verzorgster', 'assistent', 'secretaresse'],
];
const OWN_ROLE_WORDS = [...new Set<string>([...RELATIONS, ...RELATIONS_I18N, ...ROLES_I18N, ...CARE_ROLES])].join('|');
/**
 * Round 17: the writer names their own role, then their name after a comma ("I'm his daughter, Karen
 * Whitlow", "je suis sa fille, Sylvie Marchand", "soy su hija, Lorena Gil", "sono il nipote, Marco Ricci",
 * "sou a neta, Inês Alves", "ik ben haar dochter, Marjolein Visser", "ich bin die Tochter, Petra Vogt"):
 * the name after the comma is the writer's, not the role word.
 */
export const OWN_ROLE_THEN_NAME = new RegExp(
  String.raw`(?<![\p{L}'])(?:i'?m|i\s+am|je\s+suis|soy|sono|sou|ik\s+ben|ich\s+bin)\s+(?:(?:the|his|her|their|your|sa|son|le|la|l'|su|el|il|lo|la\s+sua|il\s+suo|sua|suo|o|a|seu|zijn|haar|hun|de|het|seine|sein|ihre|ihr|die|der)\s*)?(?:[\p{L}-]+\s+)?(?:${OWN_ROLE_WORDS})(?:\s+(?:of|de|di|van|von|del|della|do|da)\s+[^,.;:!?\n]{1,40})?\s*,\s+`,
  'gu',
);

/**
 * Round 17: the writer's name set between commas after "me" and before where to reach them ("you can reach
 * me, Aoife Ní Bhriain, on 087 …", "rappelez-moi, Sylvie Marchand, au 06 …", "ruft mich, Petra Vogt, unter
 * 0172 … an"); the name must be followed by AFTER_ME_NAME: a preposition, then a number or an email. Round 17
 * review: also after a reach verb ("u kunt mij bereiken, …, op", "vous pouvez me joindre, …, au", "Sie können mich
 * erreichen, …, unter"), "contáctenme, …, en el", "contactem-me, …, pelo".
 */
export const ME_THEN_NAME =
  /(?<![\p{L}'])(?:(?:me|moi|mich|mij)\s+(?:bereiken|bellen|contacteren|joindre|contacter|appeler|erreichen|anrufen)|me|moi|mich|mij|mí|mim|(?:llam|cont[aá]ct|escr[ií]b)\p{L}*me|(?:chiam|contatt|scriv)\p{L}*mi)\s*,\s+/gu;
/**
 * Round 17 review: what is set between commas after "me" or after the writer's role may be a business, a
 * department or a branch rather than a person ("contact me, Riverside Dental, on 01632 …", "chiamatemi,
 * Ufficio Vendite, al 02 …"): a name holding one of these words is not taken by those two cues.
 */
export const NOT_A_PERSON_NAME =
  /(?<![\p{L}])(?:office|branch|sales|reception|accounts|support|dental|dentistry|clinic|surgery|practice|salon|garage|hotel|shop|store|team|department|services|group|bureau|agence|cabinet|boutique|magasin|service|oficina|tienda|cl[ií]nica|sucursal|departamento|ufficio|vendite|reparto|negozio|filiale|clinica|assistenza|loja|escrit[oó]rio|balc[aã]o|kantoor|winkel|filiaal|praktijk|afdeling|b[uü]ro|praxis|abteilung|laden|verkauf|vertrieb|kundendienst)(?![\p{L}])/iu;
export const AFTER_ME_NAME =
  /^\s*,\s*(?:on|at|au|sur|unter|auf|al|en|no|em|op|via|pelo|pela)\s+(?:(?:el|o|le|la|het)\s+)?(?:[+(\d]|[\p{L}\d._%+-]+@)/u;

/** The two round 17 cues of name.extractor.ts (its Cue shape): the writer's role, then "me", before the name. */
export const ROLE_CUES = [
  { id: 'own_role', pattern: OWN_ROLE_THEN_NAME, confidence: 0.85, owner: 'customer', notName: NOT_A_PERSON_NAME },
  { id: 'me_then_name', pattern: ME_THEN_NAME, confidence: 0.8, owner: 'customer', after: AFTER_ME_NAME, notName: NOT_A_PERSON_NAME },
] as const;
