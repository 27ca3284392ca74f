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
  String.raw`(?<!\b(?:i'?m|im|i\s+am|as|being)\s+(?:[^\s,]+,?\s+)?)\b(?:(?:my|our|the|a|his|her|their)\s+(?:(?:step|ex|late|new|old|elderly|older|younger|little|big)[- ]?)?(${RELATION_ALT})(?:'s)?\b|(his|her|their)\s+(?:(?:own|home|house|work|mobile|new|usual)\s+)?(?:mobile|number|phone|email|e-mail|name|details|contact|landline|cell)\b|\b(she|he|they)(?:'s|\s+is|\s+are|'re)\s+on\b|(?:call|ring|phone|text|contact|email|reach|try|get\s+hold\s+of)\s+(him|her|them)\b|^\s*(${RELATION_ALT})(?:'s)?\s+(?:is|:|number|on)\b)`,
  'g',
);

/**
 * Round 13: relations in German, French, Spanish, Italian, Portuguese and Dutch after a possessive
 * ("meinen Mann", "mon mari", "mi esposo", "mio marito", "pro meu marido", "mijn broer"). Lower case,
 * as in the normalised message.
 */
export const RELATIONS_I18N = [
  // German
  ...['mann', 'ehemann', 'frau', 'ehefrau', 'partnerin', 'freund', 'freundin', 'sohn', 'tochter', 'mutter', 'vater', 'mama', 'papa'],
  ...['oma', 'opa', 'bruder', 'schwester', 'onkel', 'tante', 'eltern', 'schwiegermutter', 'schwiegervater', 'schwiegersohn'],
  ...['schwiegertochter', 'gendre', 'belle-fille', 'yerno', 'nuera', 'genero', 'nuora', 'genro', 'nora', 'schoonzoon'],
  ...['schoondochter', 'enkel', 'enkelin', 'petit-fils', 'petite-fille', 'nieto', 'nieta', 'nipote', 'neto', 'neta', 'kleinzoon'],
  // French
  ...['mari', 'femme', 'épouse', 'époux', 'conjoint', 'conjointe', 'compagnon', 'compagne', 'copain', 'copine', 'fils', 'fille'],
  ...['mère', 'père', 'maman', 'frère', 'sœur', 'soeur', 'oncle', 'ami', 'amie', 'grand-mère', 'grand-père', 'cousine'],
  ...['belle-mère', 'beau-père'],
  // Spanish
  ...['esposo', 'esposa', 'marido', 'mujer', 'pareja', 'novio', 'novia', 'hijo', 'hija', 'madre', 'padre', 'mamá', 'papá'],
  ...['hermano', 'hermana', 'tío', 'tía', 'primo', 'amigo', 'amiga', 'abuelo', 'abuela', 'suegro', 'suegra'],
  // Italian
  ...[
    'marito',
    'moglie',
    'compagno',
    'compagna',
    'fidanzato',
    'fidanzata',
    'figlio',
    'figlia',
    'mamma',
    'papà',
    'fratello',
    'sorella',
    'zio',
    'zia',
  ],
  ...['amico', 'amica', 'nonno', 'nonna', 'cugino', 'cugina', 'suocero', 'suocera'],
  // Portuguese
  ...['companheiro', 'companheira', 'namorado', 'namorada', 'filho', 'filha', 'mãe', 'pai', 'irmão', 'irmã', 'avô', 'avó'],
  ...['sogro', 'sogra', 'tia'],
  // Dutch
  ...['man', 'vrouw', 'vriend', 'vriendin', 'zoon', 'dochter', 'moeder', 'vader', 'broer', 'zus', 'zuster', 'opa', 'oma', 'oom'],
  ...['neef', 'nicht', 'schoonmoeder'],
] as const;

/** Roles that are someone else's by nature, after an article too ("der Vermieter", "el casero", "la voisine"). */
export const ROLES_I18N = [
  ...['nachbar', 'nachbarin', 'vermieter', 'vermieterin', 'hausverwaltung', 'hausmeister', 'chef', 'chefin', 'kollege', 'kollegin'],
  ...['mitbewohner', 'mitbewohnerin', 'voisin', 'voisine', 'propriétaire', 'proprio', 'patron', 'patronne', 'collègue'],
  ...['colocataire', 'gardien', 'gardienne', 'vecino', 'vecina', 'casero', 'casera', 'dueño', 'dueña', 'jefe', 'jefa'],
  ...['compañero', 'compañera', 'repartidor', 'arrendador', 'portero', 'vicino', 'vicina', 'padrone', 'proprietario'],
  ...['proprietaria', 'capo', 'collega', 'coinquilino', 'coinquilina', 'portiere', 'vizinho', 'vizinha', 'senhorio', 'senhoria'],
  ...['chefe', 'patrão', 'porteiro', 'síndico', 'buurman', 'buurvrouw', 'buren', 'verhuurder', 'huisbaas', 'baas', 'huisgenoot'],
  ...['conciërge'],
] as const;

const RELATION_I18N_ALT = [...new Set([...RELATIONS_I18N, ...ROLES_I18N])].join('|');
const ROLE_I18N_ALT = ROLES_I18N.join('|');
const POSSESSIVE_I18N =
  'mein|meine|meinen|meinem|meiner|unser|unsere|unseren|unserem|sein|seine|seinen|seinem|ihr|ihre|ihren|ihrem|' +
  'mon|ma|mes|notre|nos|son|sa|ses|leur|mi|mis|nuestro|nuestra|su|sus|mio|mia|miei|mie|nostro|nostra|suo|sua|' +
  'meu|minha|nosso|nossa|seu|mijn|onze|ons|zijn|haar|hun';
const ARTICLE_I18N =
  "der|die|den|dem|des|vom|zum|zur|beim|aux|della|dello|dalla|dos|das|van\\s+de|bij\\s+de|aan\\s+de|le|la|l'|au|du|el|del|al|il|lo|dal|o|a|ao|à|do|da|pro|pra|de|het";
// The customer stating their own role is not a third party ("ik ben zijn dochter, Marloes", "soy su hija").
const OWN_ROLE_I18N = String.raw`(?:ich\s+bin|je\s+suis|soy|sono|sou|ik\s+ben|als|comme|como|come|en\s+tant\s+que)`;
const NUMBER_WORD_I18N =
  'numéro|numero|número|nummer|telefoonnummer|telefono|teléfono|telefone|téléphone|tel|tél|portable|cellulare|celular|móvil|movil|' +
  'telemóvel|mobiel|handy|handynummer|telefonnummer|fijo|fisso|fixe|fixo|natel|festnetz|festnetznummer|gsm|mail|e-mail|email|correo|courriel';

/**
 * THIRD_PARTY_CUE in the six other languages: a relation after a possessive, a role after an
 * article too; a third person's number ("son numéro", "su teléfono", "il suo cellulare", "o número
 * dele", "zijn nummer", "seine Nummer"); "call him / her" ("bel haar", "appelez-la", "chiamatelo",
 * "llámenla", "liguem-lhe", "rufen Sie ihn an").
 */
// Round 17 review: also "llámenle", "die Nummer meiner Schwester", "il fisso di nonno" (no article before the relation).
export const THIRD_PARTY_CUE_I18N = new RegExp(
  String.raw`(?<!(?<![\p{L}])${OWN_ROLE_I18N}\s+(?:[^\s,]+\s+)?)(?<![\p{L}'])(?:(?:${POSSESSIVE_I18N})\s+(?:(?:ex|alte[rn]?|vieille|viejo|vieja|anziana|anziano|idoso|idosa|oude)[- ]?|\p{L}+\s+)?(${RELATION_I18N_ALT})(?![\p{L}])|(?:${ARTICLE_I18N})\s*(${ROLE_I18N_ALT})(?![\p{L}])|(?:son|sa|su|sus|suo|sua|zijn|haar|hun|sein|seine|seiner|ihr|ihre|ihrer)\s+(?:(?:vaste|mobiele|eigen|private|privé|nouveau|nouveau|nuevo|nuovo|novo|neue|nieuwe)\s+)?(?:${NUMBER_WORD_I18N})(?![\p{L}])|(?:${NUMBER_WORD_I18N})\s+(?:dele|dela|deles|delas)(?![\p{L}])|(?:numéro|numero|número|nummer|telefono|teléfono|telefone|téléphone|fixe|fisso|fijo|fixo|portable|cellulare|celular|m[oó]vil|telem[oó]vel|natel|festnetz|handy)(?:\s+(?:fixe|fisso|fijo|fixo|fisso|portable|cellulare|celular|m[oó]vil|telem[oó]vel|mobile|fix))?\s+(?:del|de\s+la|de\s+los|dal|della|dello|do|da|dos|das|du|de\s+l'|des|van\s+de|van\s+het|vom|von\s+der|der)\s+(?!(?:m[eé]u|minha|mi|mio|mia|mon|ma|mijn|mein|meine)\s)(?!(?:celular|m[oó]vil|telem[oó]vel|cellulare|handy|portable|gsm|fijo|fisso|casa|trabalho|trabajo|lavoro|travail|werk|büro|ufficio|oficina|escrit[oó]rio)(?![\p{L}]))\p{L}|(?:numéro|téléphone|fixe|portable|natel|número|teléfono|fijo|m[oó]vil|celular|telefone|telem[oó]vel|fixo|numero|telefono|fisso|cellulare|nummer)\s+(?:de|di)\s+(?:mme|madame|mlle|mademoiselle|monsieur|m\.|sra|señora|sr|señor|don|doña|dona|senhora|senhor|signora|sig|sig\.ra|signor|signore|mevrouw|meneer|mevr|dhr)(?![\p{L}])|(?:bel|app?elez|appelle|joignez|llame|llamen|chiamate|liguem|liga|ligue|rufen\s+sie|ruf|ruft)[\s-]+(?:hem|haar|hen|le|la|lui|leur|lo|él|ella|lhe|ele|ela|ihn|sie\s+an)(?![\p{L}])|(?:llámen|llámel|llámal|chiamatel|chiamal|ligue-l|liguem-l)(?:o|a|he)(?![\p{L}])|(?:le|la|les|lui)\s+(?:joindre|contacter|appeler|rappeler)(?![\p{L}])|(?:localizarl|contactarl|llamarl|chiamarl|contattarl|raggiungerl|contactá-l)(?:o|a|e)(?![\p{L}])|(?:lo|la)\s+(?:pueden|puede|podéis|potete|può|puoi)\s+(?:localizar|llamar|contactar|chiamare|contattare|trovare|raggiungere)(?![\p{L}])|ligar-lhe|falar\s+com\s+(?:ele|ela)(?![\p{L}])|(?:llámenle|llámele|llámale|llamadle|llamarle)(?![\p{L}])|(?:handy|nummer|handynummer|telefonnummer|mobilnummer|festnetz\p{L}*)\s+(?:meines|meiner|unseres|unserer|seines|seiner|ihres|ihrer)\s+\p{L}|(?:numéro|téléphone|fixe|portable|número|teléfono|fijo|m[oó]vil|celular|telefone|telem[oó]vel|fixo|numero|telefono|fisso|cellulare|nummer)\s+(?:di|de|do|da|van)\s+(?:${RELATION_I18N_ALT})(?![\p{L}])|(?:hem|haar)\s+(?:bereiken|bellen|contacteren)(?![\p{L}])|(?:hij|zij)\s+is\s+bereikbaar|erreichen\s+sie\s+(?:ihn|sie)(?![\p{L}])|ihn\s+(?:erreichen|anrufen)(?![\p{L}])|(?:er|sie)\s+ist\s+(?:unter\s+)?erreichbar)`,
  'gu',
);

/** First-person cues: "my number", "me on", "call me", "I'm on", "mine is", "reach me". */
export const FIRST_PERSON_CUE =
  /\b(?:my\s+(?:mobile|number|phone|cell|landline|email|e-mail|address|details|contact|name|work number|home number|mob|no\.?)|me\s+(?:on|at)|(?:call|ring|phone|text|email|e-mail|contact|reach|message|whatsapp)\s+me|i'?m\s+on|i\s+am\s+on|mine\s+is|i'?m\s+|i\s+am\s+|my\s+name|me\b|i\b)/g;

/** FIRST_PERSON_CUE in the six other languages: "meine Nummer", "mon portable", "mi número", "il mio cellulare", "o meu telemóvel", "mijn nummer", "ich", "moi", "yo", "io", "eu", "ik", "chiamatemi". */
export const FIRST_PERSON_CUE_I18N = new RegExp(
  String.raw`(?<![\p{L}'])(?:(?:mein|meine|meiner|mon|ma|mi|mio|mia|meu|minha|mijn)\s+(?:${NUMBER_WORD_I18N}|nr|nº|privé|privat)|ich|mich|mir|moi|je|j'|m'appeler|me\s+joindre|yo|el\s+m[ií]o|io|il\s+mio|mi\s+(?:potete|trovate|chiamate|contattate|richiamate|puede|pueden|pod[eé]is|llaman|llamas)|eu|o\s+meu|ik|mij|mijn|comigo|conmigo|mim|con\s+me|a\s+me|met\s+mij|mit\s+mir)(?![\p{L}])|(?:llámame|llámenme|llamadme|chiamatemi|chiamami|contattatemi|appelez-moi|rappelez-moi|liga-me|liguem-me|ligue-me|bel\s+me|bel\s+mij|ruf\s+mich|rufen\s+sie\s+mich)`,
  'gu',
);

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
  /\b(?:(?:i'?d\s+|i\s+would\s+)?(?:rather|prefer)\s+not|(?:i\s+)?(?:don'?t|do\s+not|won'?t|will\s+not|can'?t|cannot|not\s+comfortable|not\s+happy\s+to|reluctant\s+to)\s+(?:(?:really|actually)\s+)?(?:want\s+to\s+|wish\s+to\s+|like\s+to\s+|to\s+)?|prefer\s+not\s+to|no\s+need\s+for|not\s+giving|not\s+leaving|not\s+going\s+to)\s*(?:give|giving|share|sharing|provide|providing|hand(?:ing)?\s+over|leave|leaving|pass(?:ing)?\s+on|send(?:ing)?|put(?:ting)?)?\s*(?:out\s+)?(?:you\s+)?(?:my|our|a|any|the)?\s*(number|phone(?:\s+number)?|mobile(?:\s+number)?|landline|email(?:\s+address)?|e-mail|details|contact\s+details|names?|surname)\b/g;

// The object of a refusal in the six other languages (captured): a number, an email or a name.
const REFUSED_I18N = String.raw`(telefonnummer|handynummer|nummer|handy|telefon|natel|numéro|num[eé]ro\s+de\s+t[eé]l[eé]phone|t[eé]l[eé]phone|portable|tel|t[eé]l|courriel|tel[eé]fono|n[uú]mero|celular|cel|m[oó]vil|cellulare|telem[oó]vel|telefone|contacto|contato|gsm-?nummer|gsm|telefoonnummer|mobiel|zap|whatsapp|wpp|e-?mail|mail|correo|nom|nombre|nome|naam|namen)`;
const DET_I18N = String.raw`(?:(?:mein|meine|meinen|die|das|den|keine?n?|mon|ma|le|la|l'|de|d'|mi|el|su|il|mio|la\s+mia|il\s+mio|o|a|meu|minha|o\s+meu|a\s+minha|mijn|geen|het|de)\s+)?`;

// The end of a clause: the object of "leave" must end it ("não quero deixar o meu telemóvel.", "… o número de telefone,").
const CLAUSE_END = String.raw`(?=\s*(?:$|[,.;:!?\n)]|\p{Extended_Pictographic}))`;

/**
 * Refusals in German, French, Spanish, Italian, Portuguese and Dutch: "Telefonnummer gebe ich nicht
 * heraus", "je préfère ne pas donner mon numéro", "prefiero no daros el teléfono", "il numero
 * preferisco non darlo", "não vou deixar o meu telemóvel", "ik geef liever geen gsm-nummer". The
 * refused object is the only group that matches. "dejar" and "deixar" ("leave") refuse only with a
 * recipient ("no les voy a dejar", "dejaros", "deixar-lhe") or when the object ends the clause:
 * "não posso deixar o telefone em casa hoje", "no voy a dejar el móvil cargando" leave a phone
 * somewhere. "non posso" is not a refusal ("non posso dare il numero di un altro?").
 */
export const REFUSAL_I18N = new RegExp(
  String.raw`(?<![\p{L}])(?:` +
    // object first: "Telefonnummer gebe ich nicht", "il numero preferisco non darlo", "mijn nummer geef ik liever niet"
    String.raw`${DET_I18N}${REFUSED_I18N}\s+(?:(?:gebe?|geben|möchte|will|mag|geef|wil)\s+(?:ich|ik)\s+(?:(?:lieber|ungern|liever)\s+)?(?:nicht|niet|ungern)|preferi(?:sco|rei)\s+non\s+(?:darlo|darla|lasciarlo|lasciarla|dare|lasciare)|non\s+(?:(?:ve|te|glie)\s*)?(?:lo|la)\s+(?:do|lascio))(?![\p{L}])` +
    // verb first: "je préfère ne pas donner", "prefiero no daros", "no les voy a dejar", "ik geef liever geen", "ich gebe keine"
    String.raw`|(?:je\s+ne\s+(?:donne|laisse|donnerai|laisserai|communique|communiquerai)\s+pas|je\s+(?:ne\s+)?(?:pr[eé]f[eè]re|veux|souhaite|tiens)\s+(?:pas\s+|ne\s+pas\s+)?(?:à\s+)?(?:donner|laisser|communiquer|transmettre)|(?:prefiero|prefeririamos|prefiro|preferisco|preferirei)\s+(?:no|não|nao|non)\s+(?:dar(?:os|les|te|vos|lhe)?|dejar(?:os|les|te)|deixar-(?:lhe|vos|te)|pasar(?:os|les)?|passar|dare|lasciare|fornire)|(?:no|não|nao|non)\s+(?:(?:les|os|te|vos|lhe)\s+)?(?:quiero|voy\s+a|pienso|vou|quero|voglio)\s+(?:dar(?:os|les|te)?|dejar(?:os|les|te)|deixar-(?:lhe|vos|te)|pasar|passar|dare|lasciare)|(?:no|não|nao|non)\s+(?:les|os|te|vos|lhe)\s+(?:quiero|voy\s+a|pienso|vou|quero)\s+(?:dejar|deixar)|ich\s+(?:gebe|geb|möchte|will)\s+(?:ungern\s+|lieber\s+)?(?:keine?n?|nicht\s+(?:meine|die))|ik\s+(?:geef|wil)\s+(?:liever\s+)?(?:nog\s+)?(?:geen|niet\s+mijn))\s+${DET_I18N}${REFUSED_I18N}(?![\p{L}])` +
    // "leave" with no recipient: "prefiero no dejar el correo.", "não quero deixar o meu telemóvel."
    String.raw`|(?:(?:prefiero|prefeririamos|prefiro)\s+(?:no|não|nao)|(?:no|não|nao)\s+(?:quiero|voy\s+a|pienso|vou|quero))\s+(?:dejar|deixar)\s+${DET_I18N}${REFUSED_I18N}(?:\s+de\s+(?:telefone|tel[eé]fono|m[oó]vil|celular|telem[oó]vel|contacto|contato))?${CLAUSE_END}` +
    String.raw`)`,
  'gu',
);
