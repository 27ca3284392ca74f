import { REL, ROLE_CUES, ROLE_NOUN } from './name-role.rules';
import { ASK_FOR_AT_NUMBER, CONTACT_LINE_AFTER, NAME_LABEL_LOWER, SIGN_OFF, VOICE_INTRO, voiceNameOk } from './name.rules';
import { hereCandidates } from './name-here.util';
import { round2 } from '../evidence.util';
import { isNameWord, tokenAt } from './name-token.util';
import { LOWER_NAME_END, readName, type ReadName } from './name-read.util';
import { isFeelingAfterIAm, REVIEW_19_CUES } from './name-feeling.rules';
import { initialledNameAt, withGivenName, withInitials } from './name-initials.util';
import { DETERMINERS, ID_ITEM_AFTER, labelledGap, MIDDLE_INITIAL_DOT, opensSentence, ROLE_AFTER, THANKS_AFTER } from './name-segment.rules';

export interface NameCandidate {
  start: number;
  end: number;
  value: string;
  confidence: number;
  owner: 'customer' | 'third_party';
  relation?: string;
  /** A cue that says the name is given for the booking/record ("under the name", "name on the booking is"). */
  cue: string;
}

interface Cue {
  id: string;
  pattern: RegExp;
  confidence: number;
  /** Confidence when the name is written in lower case; undefined: lower case is not accepted. */
  lowerConfidence?: number;
  owner: 'customer' | 'third_party';
  /** At least this many name words ("hier ist die Johanna Moser": an article before one word may be a noun). */
  minWords?: number;
  /** What must follow the name (on the original text). */
  after?: RegExp;
  /** The cue is ignored in a message this matches (another language's homograph). */
  notIn?: RegExp;
  /** At most this many words when the name is written in lower case ("sono maestro di sci" is not a name). */
  lowerMaxWords?: number;
  /** What must follow a name written in lower case. */
  lowerAfter?: RegExp;
  /** A capitalised name only when the pattern's first group (a greeting) matched. */
  capitalisedAfterGroup?: boolean;
  /** Round 16: only in a message with no capital letter at all (voice-to-text, SMS), and a name of two words or a hyphenated one. */
  allLowerMessage?: boolean;
  /** Round 17 review: no name when the name read matches this (a business or a department). */
  notName?: RegExp;
  /** Round 19 review fixes: a last test on the name read (the text, the name, the cue's match index). */
  accept?: (text: string, name: ReadName, cueAt: number) => boolean;
}

/** A title and its full stop just before a segment ("Mr. ", "Mrs. ", "Dr. ", "Frau "). */
const TITLE_DOT_BEFORE = /(?:^|[^\p{L}])(?:mr|mrs|ms|dr|prof|herr|frau|mme|sr|sra|dott|dhr|mevr)\.?\s+$/iu;

// A German message: "im" there is a preposition, not "I'm".
const GERMAN =
  /(?<![\p{L}])(?:ich|und|nicht|ist|wir|für|mit|auf|unsere?|meine?|der|die|das|dem|den|eine?|bitte|danke|hallo|seit|noch|schon|heute|morgen|wie|was|zu|bis|vom|zum|sind|habt|hab|habe|gibt|kann|könnt|auch|oder|hier|hilfe|notfall|wasser|bei|uns|es|ein|einen|kein|keine|nach|sehr|jetzt|gerade|dringend)(?![\p{L}])/iu;

const ROLES = 'owner|homeowner|patient|customer|resident|occupant|organiser|organizer|one|person|lady|guy|man|woman';
const GREETING = String.raw`(?:(?:yeah|yes|ok|okay|oh|um|uh)[,!.]?\s+)?(?:(?:hi|hello|hey|hiya|morning|good\s+(?:morning|afternoon|evening)|afternoon|evening|sorry|oops|actually|no|ah|oh)(?:\s+there)?[,!.]?\s+)?`;

// Every pattern runs on the normalised (lower-case) message and ends where the name starts.
const CUES: readonly Cue[] = [
  ...ROLE_CUES,
  {
    id: 'this_is',
    pattern: VOICE_INTRO,
    confidence: 0.6,
    lowerConfidence: 0.6,
    owner: 'customer',
    allLowerMessage: true,
  },
  {
    id: 'my_name_is',
    pattern: /\bmy\s+(?:full\s+|first\s+)?name(?:'s|\s+is|:)\s*/g,
    confidence: 0.95,
    lowerConfidence: 0.9,
    owner: 'customer',
  },
  // "mein Name ist", "ich heiße", "je m'appelle", "mon nom est", "me llamo", "mi nombre es",
  // "mi chiamo", "il mio nome è", "chamo-me", "(o) meu nome é", "ik heet", "mijn naam is".
  {
    id: 'my_name_is',
    pattern:
      /(?<![\p{L}'])(?:mein\s+name\s+ist|ich\s+hei(?:ß|ss)e|je\s+m'appelle|je\s+me\s+nomme|mon\s+nom\s+(?:est|c'est)|me\s+llamo|mi\s+nombre\s+es|mi\s+chiamo|il\s+mio\s+nome\s+(?:è|e)|chamo-me|me\s+chamo|(?:o\s+)?meu\s+nome\s+(?:é|e)|ik\s+heet|mijn\s+naam\s+is)[:,]?\s+/gu,
    confidence: 0.95,
    lowerConfidence: 0.85,
    owner: 'customer',
  },
  // "ich bin", "je suis", "soy", "sono", "sou (o|a)", "ik ben", and "hier ist", "c'est", "aquí",
  // "qui è", "aqui é", "met" at a sentence start: only a capitalised name (German nouns and
  // feelings are refused by the word list).
  // With an article before the name ("sou a bia", "aqui é o sérgio", "ik ben de Jens", "sono la giulia",
  // "soy la Javi"): the article marks a name, so SMS-style lower case is accepted too.
  {
    id: 'i_am',
    pattern: /(?<![\p{L}'])(?:sou\s+(?:o|a)|sono\s+(?:la|il)|soy\s+(?:la|el)|ik\s+ben\s+de|aqui\s+(?:é|e)\s+(?:o|a)|fala\s+(?:o|a))\s+/gu,
    confidence: 0.8,
    lowerConfidence: 0.7,
    owner: 'customer',
  },
  {
    id: 'i_am',
    pattern:
      /(?<![\p{L}'])(?:ich\s+bin|je\s+suis|soy(?:\s+(?:el|la)(?=\s+(?:ing|lic|arq|dr|dra|sr|sra|srta|prof|profa|licenciad[oa]|ingenier[oa]|doctor[a]?)\b))?|sono(?:\s+(?:la|il))?|sou(?:\s+(?:o|a))?|ik\s+ben)\s+/gu,
    confidence: 0.8,
    owner: 'customer',
  },
  {
    id: 'this_is',
    pattern:
      /(?:^|[.!?]\s+|\n)(?:(?:hallo|hi|hoi|salut|bonjour|bonsoir|hola|ciao|olá|ola|oi|guten\s+(?:tag|morgen|abend)|grüß\s+gott|gruess\s+gott|moin|servus|buongiorno|buonasera|buenas(?:\s+(?:tardes|noches))?|buenos\s+d[ií]as|bom\s+dia|boa\s+(?:tarde|noite)|goedemorgen|goedemiddag|goedenavond|goeiedag|goeiemiddag|goeiemorgen|goeienavond|dag)[,!.]?\s+)?(?:hier\s+ist|c'est|aquí\s+(?:es|habla)|habla|qui\s+è|aqui\s+(?:é|e|fala)|met)\s+/gu,
    confidence: 0.75,
    owner: 'customer',
  },
  { id: 'their_name_is', pattern: /\b(his|her|their)\s+(?:full\s+)?name(?:'s|\s+is|:)\s*/g, confidence: 0.85, owner: 'third_party' },
  {
    id: 'name_is',
    pattern:
      /(?<![\p{L}'])(?:(?:the\s+)?name(?:'s|\s+is|:)|names|name\s+(?:on|for)\s+it\s+is|name\s+(?:on|for)\s+(?:the|my|this|that)\s+(?:booking|account|order|reservation|appointment|file|record|records|system|card|policy|invoice|contract|lease|ticket)\s+is|patient(?:'s)?\s+name(?:\s+is|:)?|(?:booked|booking(?:'s)?|reservation(?:'s)?|table(?:'s)?|order(?:'s)?|it'?s|its|it\s+is|account)\s+(?:in\s+)?(?:is\s+)?under(?:\s+the\s+name(?:\s+of)?)?|(?:under|in)\s+the\s+name(?:\s+of)?|^\s*under)\s+/gu,
    confidence: 0.85,
    lowerConfidence: 0.8,
    owner: 'customer',
  },
  { id: 'under', pattern: /(?<![\p{L}'])under\s+(?:the\s+name\s+(?:of\s+)?)?/gu, confidence: 0.7, owner: 'customer' },
  // "au nom de", "a nome di", "(está) a nombre de", "em nome de", "op (de) naam (van)", "auf den Namen",
  // "unter dem Namen": the booking's name. A relation after it ("a nome di mio marito") is not a name.
  {
    id: 'name_is',
    pattern:
      /(?<![\p{L}'])(?:au\s+nom\s+de|sous\s+le\s+nom(?:\s+de)?|a\s+nome\s+di|sotto\s+il\s+nome(?:\s+di)?|a\s+nombre\s+de|bajo\s+el\s+nombre(?:\s+de)?|(?:em|no)\s+nome\s+d[eoa]|op\s+(?:de\s+)?naam(?:\s+van)?|onder\s+de\s+naam|auf\s+den\s+namen|unter\s+dem\s+namen|(?:it'?s|its|it\s+is|booked|booking(?:'s)?|reservation(?:'s)?|order(?:'s)?)\s+(?:in|under)\s+my\s+name)[,:]?\s+/gu,
    confidence: 0.85,
    lowerConfidence: 0.75,
    owner: 'customer',
  },
  // Southern German and Swiss: an article before the name ("hier ist die Johanna Moser", "ich bi de
  // Reto Bühler"); two name words at least, as a capitalised noun may follow an article.
  {
    id: 'this_is',
    pattern:
      /(?<![\p{L}'])(?:hier\s+ist|hier\s+isch|hier\s+spricht|ich\s+bin|ich\s+bi|i\s+bin|(?:do|da)\s+is(?:ch)?)\s+(?:der|die|de|d'|da)\s*/gu,
    confidence: 0.8,
    owner: 'customer',
    minWords: 2,
  },
  // Round 13: the same in SMS style, one name word in lower case when the name ends there ("hi ich bin
  // die lena, hätte gern …"): the article marks a name, as "sono la giulia" does.
  {
    id: 'i_am',
    pattern: /(?<![\p{L}'])(?:ich\s+bin|ich\s+bi|i\s+bin)\s+(?:der|die|de|da)\s+(?=\p{Ll})/gu,
    confidence: 0.7,
    lowerConfidence: 0.7,
    owner: 'customer',
    after: /^\s*(?:$|[,.;:!?\n]|\s(?:und|aus|von)\s)/u,
    lowerMaxWords: 2,
  },
  // "hier isch de …" names a person or a company ("Hier isch de Migros, …"): one capitalised word only
  // right after a greeting ("Grüezi, hier isch de Beat,"); in lower case, an SMS name ("hier ist die lena,").
  {
    id: 'i_am',
    pattern:
      /(?<![\p{L}'])(?:((?:hallo|hoi|moin|servus|grüezi|gruezi|grüessech|gruessech|grüß\s+gott|grüss\s+gott|guten\s+(?:tag|morgen|abend))[,!.]*\s+)|(?<![\p{L}']))(?:hier\s+ist|hier\s+isch|hier\s+spricht)\s+(?:der|die|de|da)\s+(?=\p{Ll})/gu,
    confidence: 0.7,
    lowerConfidence: 0.7,
    owner: 'customer',
    after: /^\s*(?:$|[,.;:!?\n]|\s(?:und|aus|von)\s)/u,
    lowerMaxWords: 2,
    capitalisedAfterGroup: true,
  },
  // "moi c'est lucas, 0478 …", "ici c'est Karim": lower case when the name ends there.
  {
    id: 'this_is',
    pattern: /(?<![\p{L}'])(?:moi|ici),?\s+c'est\s+/gu,
    confidence: 0.8,
    lowerConfidence: 0.7,
    owner: 'customer',
    after: /^\s*(?:$|[,.;:!?\n]|\s(?:et|de|du)\s|\s*[+\d(])/u,
    lowerMaxWords: 2,
  },
  // A name right after an apology or correction word: "sorry, Ciara Donnellan!", "perdón Torres con
  // doble r", "Entschuldigung, Gruber-Lang natürlich". Only when nothing but punctuation, a negation
  // or a spelling remark follows ("Sorry, Dave is away" is not a name given).
  {
    id: 'correction',
    pattern:
      /(?<![\p{L}'])(?:sorry|oops|typo|i\s+mean|i\s+meant|correction|pardon|désolée?|perd[oó]n|perdona|entschuldigung|sorry|excuus|scusa|scusi|desculpe|desculpa|korrektur|correcci[oó]n|correzione|corre[cç][aã]o|typfout|tippfehler|autocorrect(?:or|eur)?|autokorrektur|el\s+autocorrector|correttore|quer\s+dizer|ou\s+seja|o\s+sea|mejor\s+dicho|cio[eè]|c'est-[àa]-dire|dat\s+wil\s+zeggen|beter\s+gezegd|das\s+hei(?:ß|ss)t|besser\s+gesagt)[\s,:;!.-]+(?:(?:it'?s|c'est|es|è|é|ist|is)\s+)?/gu,
    confidence: 0.8,
    owner: 'customer',
    after:
      /^(?:\s*(?:[,.!?;:)]|$)|\s+(?:not|nicht|pas|no|non|niet|não|nao|natürlich|naturalmente|natuurlijk|of\s+course|bien\s+s[uû]r|claro|ovviamente|con|with|met|com|avec|mit|autocorrect)\b)/iu,
  },
  // "fala a Mariana Coutinho", "aqui é o Tiago", "u spreekt met mevrouw Visser", "le habla", "moi c'est Annie",
  // "hier spricht", "bin die Steffi", "i bin da Ferdl".
  {
    id: 'this_is',
    pattern:
      /(?<![\p{L}'])(?:fala\s+(?:o|a)|aqui\s+(?:é|e)\s+(?:o|a)|aqui\s+fala\s+(?:o|a)|(?:u|je)\s+spreekt\s+met|le\s+habla|moi\s+c'est|hier\s+spricht|(?<=^|[.!?,]\s*)bin\s+(?:die|der|de)|i\s+bin?\s+(?:da|de|d')|de\s+la\s+part\s+de)\s+/gu,
    confidence: 0.8,
    owner: 'customer',
  },
  // "oui bonjour c'est monsieur Rochat": "c'est" anywhere when a title follows (the title is dropped).
  {
    id: 'this_is',
    pattern: /(?<![\p{L}'])c'est\s+(?=(?:monsieur|madame|mme|mlle|m\.)\s)/gu,
    confidence: 0.8,
    owner: 'customer',
  },
  // "Buenas tardes, habla Guadalupe Hernández", "Goedemiddag, met Mohammed El Amrani": after a greeting.
  {
    id: 'this_is',
    pattern:
      /(?<![\p{L}'])(?:goedemorgen|goedemiddag|goedenavond|goeiedag|goeiemiddag|goeiemorgen|goeienavond|hallo|hoi|dag|buenas(?:\s+(?:tardes|noches|d[ií]as))?|buenos\s+d[ií]as|hola|al[oó])[,!.]?\s+(?:habla|met)\s+/gu,
    confidence: 0.8,
    owner: 'customer',
  },
  // "Booking name Fitzpatrick", "member name Sarah-Jane Mulholland", "Name Noemi Frei" (German), "A nome Benedetti".
  {
    id: 'name_is',
    pattern:
      /(?<![\p{L}'])(?:(?:booking|member|membership|account|reservation|order|patient|client)\s+name(?:\s+is|:)?|(?<=^|[.!?,]\s*)(?:name|nome|nombre|naam):?|(?:de\s+)?naam\s+is|a\s+nome|sul\s+nome(?:\s+di)?|sur\s+le\s+nom(?:\s+de)?|op\s+naam)\s+/gu,
    confidence: 0.8,
    owner: 'customer',
  },
  ...REVIEW_19_CUES,
  // Round 15: a name label opening the message, a lower-case name ending it ("Naam: fatima bouzid").
  { id: 'name_is', pattern: NAME_LABEL_LOWER, confidence: 0.8, lowerConfidence: 0.75, owner: 'customer', lowerMaxWords: 3 },
  // Round 15: who to ask for at the customer's number ("m'appeler au 04 …, demandez Hélène Vasseur").
  { id: 'name_is', pattern: ASK_FOR_AT_NUMBER, confidence: 0.75, owner: 'customer' },
  // "quem está falando é a Bruna", "quem fala é o Tiago".
  {
    id: 'i_am',
    pattern: /(?<![\p{L}'])quem\s+(?:(?:est|t)á\s+falando|fala|escreve|está\s+a\s+escrever)\s+(?:é|e)\s+(?:o\s+|a\s+)?/gu,
    confidence: 0.85,
    owner: 'customer',
  },
  // Round 12: a self-introduction right after the greeting that opens the message, in SMS style
  // ("ciao sono chiara, …", "hallo ik ben sanne en ik wil …", "salut chu thomas bergeron, …", "hola soy
  // vero y …"): lower case is accepted when the name ends there (punctuation, "and", a contact).
  {
    id: 'i_am',
    pattern:
      /^\s*(?:hi+|hey+|hiya|hello+|hall+o+|hoi+|moin|servus|salut|coucou|bonjour|bonsoir|hola+|buenas|ciao+|salve|buongiorno|buonasera|oi+|olá+|ola+|bom\s+dia|boa\s+(?:tarde|noite)|goedemorgen|goedemiddag|goeiedag|dag)[,!.]*\s+(?:ich\s+bin|je\s+suis|j'suis|chu|soy|sono|sou|ik\s+ben)\s+/gu,
    confidence: 0.8,
    lowerConfidence: 0.7,
    owner: 'customer',
    after: /^(?:\s*(?:$|[,.;:!?\n])|\s+(?:and|e|et|y|und|en|here|aqui|aquí|ici|qui|hier)(?![\p{L}]))/u,
    lowerMaxWords: 2,
  },
  // Round 13: "Somos Ainhoa y Jon", "siamo Silvia e Matteo", "wir sind Jana und Tim", "nous sommes Léa et
  // Hugo", "wij zijn Sanne en Bram", "we're Dave and Sue": a couple introducing themselves; the first
  // person named is the customer (label guide).
  {
    id: 'i_am',
    pattern: /(?<![\p{L}'])(?:somos|siamo|nous\s+sommes|wir\s+sind|wij\s+zijn|we\s+zijn|we'?re|we\s+are)\s+/gu,
    confidence: 0.75,
    owner: 'customer',
    after: /^\s+(?:y|e|et|und|en|and|&)\s+\p{Lu}/u,
  },
  // "chu Thomas Bergeron" (Québec, "je suis"), capitalised.
  { id: 'i_am', pattern: /(?<![\p{L}'])(?:chu|j'suis)\s+/gu, confidence: 0.75, owner: 'customer' },
  // Round 13: "ok grazie sono giulia", "bueno gracias soy vero": a lower-case name after "I am" that ends the message.
  {
    id: 'i_am',
    pattern:
      /(?:^|[.!?,]\s*|(?:grazie|gracias|obrigad[oa]|merci|danke|bedankt|ok|okay|ciao|hola|oi|salut|hallo|hoi)(?:\s+(?:mille|tante|muchas|muito|beaucoup|vielmals|wel))?[,!.]?\s+)(?:sono|soy|sou|ik\s+ben|ich\s+bin|je\s+suis)\s+(?=\p{Ll}+[\s.!]*$)/gu,
    confidence: 0.7,
    lowerConfidence: 0.65,
    owner: 'customer',
    after: /^[\s.!]*$/u,
  },
  // SMS style: "sono giulia rossi 3201234567", a lower-case name after "I am" only right before a contact.
  {
    id: 'i_am',
    pattern: /(?<![\p{L}'])(?:sono|soy|sou|ik\s+ben|ich\s+bin|je\s+suis)\s+/gu,
    confidence: 0.8,
    lowerConfidence: 0.7,
    owner: 'customer',
    after: /^\s*[,:]?\s*(?:\+?\(?\d[\d\s/().-]{5,}\d|\S+@\S+)/u,
  },
  // "Scrive Paola Mori", "Schreibt: Jonas Weber", "Écrit par Anne Roy": a writer named at a sentence start.
  {
    id: 'this_is',
    pattern: /(?:^|[.!?]\s+|\n)(?:scrive|escribe|écrit(?:\s+par)?|schreibt|escreve|schrijft)[:,]?\s+/gu,
    confidence: 0.8,
    owner: 'customer',
  },
  // "it's Jess btw", "its shane by the way", mid-message.
  {
    id: 'this_is',
    pattern: /(?<![\p{L}'])(?:it'?s|its|this\s+is)\s+(?=[\p{L}'-]+(?:\s+[\p{L}'-]+)?\s+(?:btw|by\s+the\s+way)(?![\p{L}]))/gu,
    confidence: 0.8,
    lowerConfidence: 0.7,
    owner: 'customer',
  },
  {
    id: 'booking_for',
    pattern: /(?<![\p{L}'])(?:booking|table|reservation|it'?s|its|it\s+is)\s+for\s+/gu,
    confidence: 0.6,
    owner: 'customer',
  },
  {
    id: 'name_is',
    pattern: /(?<![\p{L}'])(?:owner|account\s+holder|registered\s+keeper|patient|contact\s+name)(?:'s\s+name)?\s+(?:is|:)\s+/gu,
    confidence: 0.8,
    lowerConfidence: 0.7,
    owner: 'customer',
  },
  {
    id: 'i_am',
    pattern: /(?<![\p{L}'])(?:i'm|i\s+am)\s+(?:called\s+)?/gu,
    confidence: 0.85,
    lowerConfidence: 0.75,
    owner: 'customer',
    // Round 13: in lower case, only a name that ends there ("i'm dave, …", "i'm dave and …"; not "I'm flexible now").
    lowerAfter: LOWER_NAME_END,
  },
  // "im dave" (I'm without the apostrophe), but never the German preposition ("im Garten", "im Juni").
  { id: 'i_am', pattern: /(?<![\p{L}'])im\s+(?:called\s+)?/gu, confidence: 0.85, lowerConfidence: 0.75, owner: 'customer', notIn: GERMAN },
  {
    id: 'this_is',
    pattern: new RegExp(String.raw`(?:^|[.!?]\s+|\n)${GREETING}(?:this\s+is|it'?s|its|it\s+is)\s+`, 'g'),
    confidence: 0.75,
    owner: 'customer',
  },
  {
    id: 'i_am_role',
    pattern: new RegExp(
      String.raw`(?<![\p{L}'])(?:i'?m|im|i\s+am)\s+(?:(?:his|her|their|the|your|a|an)\s+)?(?:${REL}|${ROLES}),?\s+`,
      'gu',
    ),
    confidence: 0.85,
    lowerConfidence: 0.75,
    owner: 'customer',
  },
  {
    id: 'relation',
    pattern: new RegExp(
      String.raw`(?<!\b(?:i'?m|im|i\s+am)\s+)\b(?:my|our|his|her|their)\s+(?:(?:step|ex|late|little|older|younger|eldest|youngest)[- ]?)?(${REL})(?:,)?\s+(?:(?:is\s+)?called\s+)?`,
      'g',
    ),
    confidence: 0.8,
    owner: 'third_party',
  },
];

// A sign-off word, a dash, or an emoji ("… will miss the Friday bagels 🥯 Sam") before the name that ends the message.
const SIGN_OFF_CUE = new RegExp(
  String.raw`(?:(?<=^|[\s,.!])${SIGN_OFF}(?![\p{L}\p{N}])[,!.]?\s*(?:-+\s*)?|(?:^|\s)-+\s*|\p{Extended_Pictographic}\uFE0F?\s+)`,
  'gu',
);
// What may follow a signed name: punctuation, kisses, a parenthesis ("(letting agent)", "(flat 7)"),
// or a partner ("Fiona & Rob", "Sunita and Vik Mehta": the first person named is the customer).
// A signature may end with a line of its own holding a phone number or an address ("Pierre Vandamme\n02/513 45 67").
// Round 13: where the signer is from or who they are ("Liam from Hamilton", "Paul von GrünZimmer", "Patrícia,
// do 12º andar", "Silvia, la mamma di Giulia"), and a company or role line under a name on its own line
// ("Ivan Bernasconi\nAgrotec SA\n+41 …").
const AFTER_SIGNATURE =
  /^(?:\s*(?:&|and|e|et|y|und|en)\s+\p{Lu}[\p{L}\p{M}'-]*(?:\s+\p{Lu}[\p{L}\p{M}'-]*)?)?(?:,?[ \t]+(?:from|de|da|do|di|von|vom|van|du|des|del|aus|uit)\s+[^\n,;!?@]{1,40}|,\s*(?:the|la|le|il|o|a|de|die|der)\s+(?:mum|mom|dad|mamma|papà|mamá|papá|mãe|pai|maman|papa|mutter|vater|moeder|vader|owner|tenant|proprietária|propriétaire|dueña|dueño|titolare|inhaberin|inhaber|eigenaar)\s+[^\n,;!?@]{1,30}|(?:\n[^\n@\d]{2,40}){1,2}(?=\n|$)|,\s*[^\n,;!?@\d]{1,40}?\s(?:AG|GmbH|SA|S\.A\.|SRL|Srl|srl|SpA|S\.p\.A\.|BV|B\.V\.|NV|Ltd|LTD|LLC|Inc|Lda|Ltda|SL|S\.L\.|KG|SARL|SAS)(?![\p{L}]))?\s*(?:\([^)]{0,40}\))?(?:[\s.!,xX]|\p{Extended_Pictographic}|\uFE0F|\u200D)*(?:(?:\n?[^\n\d+(]{0,12}[+\d(][\d\s/().+-]{5,24}|[\n,;:\s-]*\S+(?:@|\((?:at|@)\)|\[(?:at|@)\])\S+?)[\s,;.]*){0,3}$/u;
const CONTACT_WORD_AFTER =
  /^\s*[,.;:-]\s*(?:(?:my|mein|meine|mon|ma|mi|il\s+mio|o\s+meu|mijn)\s+)?(?:tel|tél|telefon|telefono|teléfono|telefone|telefoon|phone|ph|mob|mobile|mobil|mobiel|móvil|movil|cell|cel|cellulare|celular|telemóvel|handy|festnetz|portable|gsm|e-?mail|mail|courriel|correo)\b/iu;
const SPEAKING_CUE = /(?<=\s)speaking(?![\p{L}])/gu;
const MAX_CANDIDATES = 40;

// "Name's Liu. Wei Liu.", "mein Name ist Weber, Klaus Weber", "I'm Shaz - Sharon Pike", "I bin da
// Ferdl, also Ferdinand Huber", "Ich bin die Lena, Lena Aigner": a one-word name, then the full name.
const RESTATED =
  /^\s*(?:[,.;:]|\s[-\u2013\u2014])\s*(?:(?:also|i\.?e\.?|that'?s|or|well|actually|ou|o\s+sea|cio[eè]|dus|bzw\.?|d\.\s?h\.?|sprich|soit|ossia|ou\s+seja|oftewel|eigentlich|en\s+fait|na\s+verdade|eigenlijk)[,:]?\s+)?/iu;

/**
 * The fuller name restated right after a one-word name: two or three name words that repeat the
 * first one (a surname given first) or start with its letter (a nickname first). The label guide
 * takes a name in its fullest form.
 */
function fullerNameAfter(text: string, name: ReadName): ReadName | undefined {
  if (name.value.includes(' ')) return undefined;
  const m = RESTATED.exec(text.slice(name.end, name.end + 24));
  if (m === null) return undefined;
  const full = readName(text, name.end + m[0].length, name.lower);
  if (full === undefined || full.possessive || !full.value.includes(' ')) return undefined;
  const first = name.value.toLowerCase();
  const words = full.value.toLowerCase().split(/\s+/);
  const restates = words.includes(first) || (words[0] as string).charAt(0) === first.charAt(0);
  return restates ? { ...full, start: name.start } : undefined;
}

function relationAfter(normalized: string, end: number): string | undefined {
  const m = new RegExp(String.raw`^'s\s+(?:(?:step|ex)[- ]?)?(${REL})\b`).exec(normalized.slice(end, end + 30));
  return m?.[1];
}

function cueCandidates(text: string, normalized: string): NameCandidate[] {
  const out: NameCandidate[] = [];
  for (const cue of CUES) {
    if (cue.notIn?.test(normalized) || (cue.allLowerMessage === true && /\p{Lu}/u.test(text))) continue;
    for (const m of normalized.matchAll(cue.pattern)) {
      const at = m.index + m[0].length;
      const name =
        readName(text, at, cue.lowerConfidence !== undefined, cue.allLowerMessage === true) ??
        initialledNameAt(text, at, cue.id === 'i_am' || cue.id === 'this_is');
      if (name === undefined || (cue.capitalisedAfterGroup === true && !name.lower && m[1] === undefined)) continue;
      const restated = cue.owner === 'customer' ? fullerNameAfter(text, name) : undefined;
      if (cue.minWords !== undefined && (restated ?? name).value.split(/\s+/).length < cue.minWords) continue;
      if (cue.notName?.test((restated ?? name).value) === true || cue.after?.test(text.slice(name.end, name.end + 30)) === false) continue;
      if (name.lower && cue.lowerMaxWords !== undefined && name.value.split(/\s+/).length > cue.lowerMaxWords) continue;
      if (cue.allLowerMessage === true && !voiceNameOk((restated ?? name).value, text.slice(name.start, name.end))) continue;
      if (name.lower && cue.lowerAfter !== undefined && !cue.lowerAfter.test(text.slice(name.end, name.end + 30))) continue;
      if (cue.accept !== undefined && !cue.accept(text, name, m.index)) continue;
      // "ich bin Grafikerin", "ich bin Studentin": a German noun for a job or role, not a name.
      if (cue.id === 'i_am' && ROLE_NOUN.test(name.value) && GERMAN.test(normalized)) continue;
      if (cue.id === 'i_am' && isFeelingAfterIAm(text, name, restated)) continue;
      const relation = cue.owner === 'third_party' ? m[1] : undefined;
      if (name.possessive) {
        // "I'm Dave's wife": Dave is someone else; the customer's own name is not given here.
        out.push({
          start: name.start,
          end: name.end,
          value: name.value,
          confidence: 0.7,
          owner: 'third_party',
          ...(relationAfter(normalized, name.end) !== undefined ? { relation: relationAfter(normalized, name.end) as string } : {}),
          cue: cue.id,
        });
        continue;
      }
      const confidence = name.lower ? (cue.lowerConfidence as number) : cue.confidence;
      const full = restated;
      out.push({
        start: name.start,
        end: full?.end ?? name.end,
        value: full?.value ?? name.value,
        confidence,
        owner: cue.owner,
        ...(relation !== undefined ? { relation } : {}),
        cue: cue.id,
      });
    }
  }
  return out;
}

/** "Thanks, Dave" / "Kind regards, Hannah Lewis-Wright" / "- Dave" at the very end of a message; "Dave here", "Sam speaking". */
function signOffCandidates(text: string, normalized: string): NameCandidate[] {
  const out: NameCandidate[] = [];
  for (const m of normalized.matchAll(SIGN_OFF_CUE)) {
    const name = readName(text, m.index + m[0].length, true);
    if (name === undefined || name.possessive) continue;
    // Round 18: a signed name may be followed by its contact line ("muchas gracias, Florencia Iturralde.
    // Mi celular es 011 …", "Kind regards, Ann Lee, phone 0161 …").
    if (!AFTER_SIGNATURE.test(text.slice(name.end)) && !CONTACT_LINE_AFTER.test(text.slice(name.end, name.end + 60))) continue;
    out.push({
      start: name.start,
      end: name.end,
      value: name.value,
      confidence: name.lower ? 0.65 : 0.75,
      owner: 'customer',
      cue: 'sign_off',
    });
  }
  // "hi yeah um marcus oyelaran-webb speaking": up to three name words right before "speaking",
  // in any case (voice-to-text writes names in lower case); not after a determiner ("the person speaking").
  for (const m of normalized.matchAll(SPEAKING_CUE)) {
    const from = Math.max(0, m.index - 60);
    const words = [...text.slice(from, m.index).matchAll(/[\p{L}][\p{L}\p{M}'-]*/gu)].map((w) => ({
      start: from + (w.index ?? 0),
      end: from + (w.index ?? 0) + w[0].length,
      raw: w[0],
    }));
    let k = words.length;
    while (k > 0 && words.length - k < 3) {
      const w = words[k - 1] as { start: number; end: number; raw: string };
      const token = tokenAt(text, w.start);
      const gap = text.slice(w.end, (words[k] ?? { start: m.index }).start);
      if (token === undefined || token.end !== w.end || !/^\s+$/.test(gap) || !isNameWord(token, k < words.length)) break;
      k -= 1;
    }
    if (k === words.length) continue;
    const before = words[k - 1]?.raw.toLowerCase();
    if (before !== undefined && DETERMINERS.has(before)) continue;
    const name = readName(text, (words[k] as { start: number }).start, true);
    if (name === undefined || name.possessive || !/^\s*$/.test(text.slice(name.end, m.index))) continue;
    out.push({
      start: name.start,
      end: name.end,
      value: name.value,
      confidence: name.lower ? 0.7 : 0.8,
      owner: 'customer',
      cue: 'name_here',
    });
  }
  out.push(...hereCandidates(text, normalized, GERMAN.test(normalized)));
  return out;
}

/**
 * A segment (between , . ; : ! ? ( ) or line breaks) made only of one to three name words, when it
 * is the whole message, its last segment, or next to a phone number or email: "Gaz",
 * "mark o'connor, 0161 496 0752", "You can reach me at 020 7946 0418. Tom", "Mrs Siobhan McAllister".
 */
function segmentCandidates(text: string, contactSpans: ReadonlyArray<{ start: number; end: number }>): NameCandidate[] {
  const out: NameCandidate[] = [];
  // A parenthesis is an aside ("Rachel (flat 7)"): blanked out, offsets kept.
  // A spaced dash separates like a comma ("Stuart McLeod - 0141 496 0555").
  // A phone number or email ends a segment too ("Jim Barraclough 07700 900 811").
  // A bullet separates too ("Rosa Delgado • (956) 412-7785"); a full stop after a title or an initial
  // does not end the segment ("Mrs P. Okonkwo-Reid"), nor a middle initial (MIDDLE_INITIAL_DOT).
  let unbracketed = text
    .replace(/\([^()]{0,60}\)/g, (m) => ' '.repeat(m.length))
    .replace(/\s[-\u2013\u2014\u2022\u00B7|]\s/g, ' ; ')
    .replace(/(?<=(?<![\p{L}])(?:Mrs?|Ms|Dr|Mme|Mevr|Sra|Sr|Dña|Sig))\.(?= \p{Lu}\p{Ll})/gu, ' ')
    .replace(MIDDLE_INITIAL_DOT, ' ');
  for (const c of contactSpans)
    unbracketed = `${unbracketed.slice(0, c.start)};${' '.repeat(c.end - c.start - 1)}${unbracketed.slice(c.end)}`;
  const segments = [...unbracketed.matchAll(/[^,.;:!?()\n]+/g)].filter((s) => s[0].trim().length > 0);
  const couple = /^\s+(?:&|and|e|et|y|und|en)\s+\p{Lu}[\p{L}\p{M}'-]*(?:\s+\p{Lu}[\p{L}\p{M}'-]*)?$/u;
  segments.forEach((seg, i) => {
    const lead = seg[0].length - seg[0].trimStart().length;
    const start = seg.index + lead;
    const body = seg[0].trim().replace(/\s+x+$/i, '');
    const whole = segments.length === 1;
    const isLast = i === segments.length - 1;
    const end = start + body.length;
    // Next to a contact: just before it ("Jim Barraclough 07700 900 811"); a segment after one counts
    // only as the message's last ("0161 496 0752 - Mark").
    const nearContact = contactSpans.some(
      (c) =>
        (c.start >= end && /^[\s,.;:-]*$/.test(text.slice(end, c.start))) ||
        (isLast && c.end <= start && /^[\s,.;:-]*$/.test(text.slice(c.end, start))),
    );
    if (contactSpans.some((c) => c.start <= start && start < c.end)) return;
    // "Konstantin von der Heide, Tel. …", "Wolfgang Huber, Festnetz …", "Declan Walsh. email is …": a
    // name opening the message or a line, followed by a contact word.
    const opensLine = start === 0 || /\n\s*$/.test(text.slice(0, start));
    // "Julien Martin. Répondez-moi … julien point martin arobase …": two or three name words opening
    // the message as a sentence of their own, in a message that gives a contact.
    const nearContactWord =
      opensLine &&
      (CONTACT_WORD_AFTER.test(text.slice(end, end + 40)) || (contactSpans.length > 0 && /^\s*[.,]\s/.test(text.slice(end, end + 3))));
    if (nearContactWord && !nearContact) {
      const name = readName(text, start, false);
      if (name !== undefined && !name.possessive && name.end === end && name.value.includes(' ')) {
        out.push({ start: name.start, end: name.end, value: name.value, confidence: 0.65, owner: 'customer', cue: 'bare_name' });
      }
      return;
    }
    // Round 13: a name opening a sentence, then short labelled items before the contact ("Katrin
    // Oberländer, Tel. 0171 …", "Nadia Rahimi, DOB 04/11/1988, 647-555-0139", "Joan Whitfield, 87 years
    // old, 0121 …", "Larissa Nunes, meu número é (85) …", "Thaís, zap 11 …"): capitalised only.
    if (!nearContact && !whole && opensSentence(text, start)) {
      const contact = contactSpans.find((c) => c.start >= end && c.start - end <= 60);
      if (contact !== undefined && labelledGap(text.slice(end, contact.start))) {
        const name = readName(text, start, false);
        if (name !== undefined && !name.possessive && name.end === end) {
          out.push({ start: name.start, end: name.end, value: name.value, confidence: 0.6, owner: 'customer', cue: 'bare_name' });
        }
        return;
      }
    }
    // "Mohammed el Amrani, lidnummer 55810", "Mary Lou Tidwell, DOB 3/14/52", "Thiago Cavalcanti, CPF
    // 123.456.789-09": two or more capitalised name words opening a sentence, then one item with a
    // number that ends the sentence.
    if (!nearContact && !whole && opensSentence(text, start) && ID_ITEM_AFTER.test(text.slice(end, end + 40))) {
      const name = readName(text, start, false);
      if (name !== undefined && !name.possessive && name.end === end && name.value.includes(' ')) {
        out.push({ start: name.start, end: name.end, value: name.value, confidence: 0.6, owner: 'customer', cue: 'bare_name' });
      }
      return;
    }
    // A question is never a name ("…, Sonderfahrten und Prüfung?", "quanto costa l'abbonamento annuale?").
    if (/^\s*\?/.test(text.slice(end, end + 3))) return;
    // "Jordi Puig i Ferrer, gracias", "Leonor, obrigada": thanks after the name end the message.
    const thanksAfter = THANKS_AFTER.test(text.slice(end, end + 24)) || ROLE_AFTER.test(text.slice(end, end + 40));
    if (!whole && !isLast && !nearContact && !thanksAfter) return;
    // After a contact, words in lower case are a remark ("0478 12 34 56, overdag bereikbaar"), unless one word.
    const afterContactOnly = nearContact && !contactSpans.some((c) => c.start >= end && /^[\s,.;:-]*$/.test(text.slice(end, c.start)));
    // Round 19 review fixes: "looks like Mr. T's", "Mrs. B's": a title before one letter names no one.
    if (/^\p{Lu}(?:['\u2019]s)?$/u.test(body) && TITLE_DOT_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return;
    const name = readName(text, start, nearContact || whole);
    if (name !== undefined && name.lower && afterContactOnly && name.value.includes(' ')) return;
    if (name === undefined || name.possessive || (name.end !== end && !couple.test(text.slice(name.end, end)))) return;
    const base = whole ? 0.7 : nearContact ? 0.65 : 0.6;
    out.push({
      start: name.start,
      end: name.end,
      value: name.value,
      confidence: round2(name.lower ? base - 0.05 : base),
      owner: 'customer',
      cue: 'bare_name',
    });
  });
  return out;
}

/**
 * Finds the names in a message and whose they are. A span claimed by a third-party cue ("my wife
 * Sarah") is never also the customer's; overlapping customer spans keep the most confident.
 */
export function findNameCandidates(
  text: string,
  normalized: string,
  contactSpans: ReadonlyArray<{ start: number; end: number }>,
): NameCandidate[] {
  // Bounded: a message that repeats a cue thousands of times is not a list of contacts.
  const all = [...cueCandidates(text, normalized), ...signOffCandidates(text, normalized), ...segmentCandidates(text, contactSpans)].slice(
    0,
    MAX_CANDIDATES,
  );
  const overlaps = (a: NameCandidate, b: NameCandidate): boolean => a.start < b.end && b.start < a.end;
  const kept: NameCandidate[] = [];
  for (const t of all.filter((c) => c.owner === 'third_party')) if (!kept.some((k) => overlaps(k, t))) kept.push(t);
  const customer = all
    .filter((c) => c.owner === 'customer' && !kept.some((t) => overlaps(t, c)))
    .sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start));
  for (const c of customer) if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  return kept
    .map((c) => withInitials(text, withGivenName(text, c)))
    .filter((c): c is NameCandidate => c !== undefined)
    .sort((a, b) => a.start - b.start);
}
