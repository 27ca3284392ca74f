/**
 * Cues that decide whose a name, email or phone number is, and whether it corrects an earlier one.
 * Lower-case sources; they are matched against the normalised message (see normalizeText).
 */
export const RELATIONS = [
  'wife',
  'husband',
  'partner',
  'fiance',
  'fiancee',
  'girlfriend',
  'boyfriend',
  'son',
  'daughter',
  'kid',
  'child',
  'mum',
  'mom',
  'mother',
  'dad',
  'father',
  'mam',
  'nan',
  'nana',
  'gran',
  'grandma',
  'grandad',
  'grandpa',
  'grandmother',
  'grandfather',
  'brother',
  'sister',
  'uncle',
  'aunt',
  'auntie',
  'cousin',
  'niece',
  'nephew',
  'friend',
  'mate',
  'neighbour',
  'neighbor',
  'landlord',
  'landlady',
  'tenant',
  'lodger',
  'flatmate',
  'housemate',
  'boss',
  'manager',
  'colleague',
  'builder',
  'plumber',
  'electrician',
  'agent',
  'solicitor',
  'carer',
  'dentist',
  'doctor',
  'engineer',
  'mechanic',
  'relative',
  'family',
  'employer',
  'assistant',
  'pa',
  'secretary',
  'client',
  'customer',
  'parents',
  'in-law',
] as const;

const RELATION_ALT = RELATIONS.join('|');

/**
 * "my wife", "my wife's", "our landlord", "the tenant", "his", "her", "she's on", "he is on" - but not
 * a role the customer gives themselves ("I'm the tenant", "I'm Alex, their son").
 */
export const THIRD_PARTY_CUE = new RegExp(
  String.raw`(?<!\b(?:i'?m|im|i\s+am|as|being)\s+(?:[^\s,]+,?\s+)?)\b(?:(?:my|our|the|a|his|her|their)\s+(?:(?:step|ex|late|new|old|elderly|older|younger|little|big)[- ]?)?(${RELATION_ALT})(?:'s)?\b|(his|her|their)\s+(?:mobile|number|phone|email|e-mail|name|details|contact|landline)\b|\b(she|he|they)(?:'s|\s+is|\s+are|'re)\s+on\b|(?:call|ring|phone|text|contact|email)\s+(him|her|them)\b)`,
  'g',
);

/** First-person cues: "my number", "me on", "call me", "I'm on", "mine is", "reach me". */
export const FIRST_PERSON_CUE =
  /\b(?:my\s+(?:mobile|number|phone|cell|landline|email|e-mail|address|details|contact|name|work number|home number|mob|no\.?)|me\s+(?:on|at)|(?:call|ring|phone|text|email|e-mail|contact|reach|message|whatsapp)\s+me|i'?m\s+on|i\s+am\s+on|mine\s+is|i'?m\s+|i\s+am\s+|my\s+name|me\b|i\b)/g;

/**
 * Correction cues before an entity in its sentence: "sorry", "actually", "I meant", "should be",
 * "wrong", "typo", "correction", "instead", "my mistake", "scratch that", "no wait", "not ... but".
 */
const CORRECTION_BEFORE_EN =
  /\b(?:sorry(?!\s+(?:for|to|about|if|again))|actually|i\s+meant|meant\s+to\s+(?:say|type|write)|should\s+(?:be|have\s+been|read)|(?:that'?s|that\s+is|it'?s)\s+wrong|wrong\s+(?:number|email|one|digit)|typo|correction|corrected|updated?|new\s+(?:number|email|mobile)|my\s+mistake|scratch\s+that|no\s+wait|oops|ignore\s+(?:that|the\s+last)|changed?\s+(?:my|to))\b/;
// The same in German, French, Spanish, Italian, Portuguese and Dutch ("sorry, eigentlich …",
// "pardon, c'est …", "perdón, mejor dicho …", "anzi …", "desculpe, aliás …", "eigenlijk …").
const CORRECTION_BEFORE_INTL =
  /(?<![\p{L}])(?:eigentlich|korrektur|falsch|ich\s+meinte|pardon|plutôt|plutot|en\s+fait|je\s+voulais\s+dire|erreur|perdón|perdon|perdona|mejor\s+dicho|quise\s+decir|en\s+realidad|anzi|scusa(?:te|mi)?|volevo\s+dire|in\s+realtà|desculp[ae]|aliás|quer\s+dizer|na\s+verdade|eigenlijk|ik\s+bedoel|verkeerd|oeps|entschuldigung|verzeihung|tippfehler|autocorrect(?:or|eur)?|autokorrektur|correttore|excuus|typfout|d[ée]sol[ée]e?|correction|correcci[oó]n|correzione|corre[cç][aã]o)(?![\p{L}])/u;
export const CORRECTION_BEFORE = { test: (s: string): boolean => CORRECTION_BEFORE_EN.test(s) || CORRECTION_BEFORE_INTL.test(s) };

/** "use X instead", "X is the right one", "X not Y". */
export const CORRECTION_AFTER = /^\W{0,3}(?:instead|is\s+(?:the\s+)?(?:right|correct)\s+one|is\s+correct|rather)\b/;

/** "I'd rather not give my number", "I don't want to share my email", "no phone number please". */
export const REFUSAL =
  /\b(?:(?:i'?d\s+|i\s+would\s+)?(?:rather|prefer)\s+not|(?:i\s+)?(?:don'?t|do\s+not|won'?t|will\s+not|can'?t|cannot|not\s+comfortable|not\s+happy\s+to|reluctant\s+to)\s+(?:want\s+to\s+|wish\s+to\s+|like\s+to\s+|to\s+)?|prefer\s+not\s+to|no\s+need\s+for|not\s+giving|not\s+going\s+to)\s*(?:give|giving|share|sharing|provide|providing|hand(?:ing)?\s+over|leave|leaving|pass(?:ing)?\s+on|send(?:ing)?|put(?:ting)?)?\s*(?:out\s+)?(?:you\s+)?(?:my|our|a|any|the)?\s*(number|phone(?:\s+number)?|mobile(?:\s+number)?|landline|email(?:\s+address)?|e-mail|details|contact\s+details|name|surname)\b/g;
