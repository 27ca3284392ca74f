import type { SignalRuleSet } from './signal-rules.types';

/**
 * Review fixes (round 15): what is happening now, per language ("now", "jetzt", "ahora" …). A cue
 * saying a hazard is over or dated does not count when one of these lies in its sentence (before or
 * after it), nor when a ":" or "–" follows it there (the hazard is told after them). The detector
 * reads past cues anywhere in the hit's sentence, so the limit is the cue's own.
 */
const NOW_WORDS: Readonly<Record<'en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl', string>> = {
  en: String.raw`(?<!(?:fine|ok|okay|good|safe|sorted|resolved|fixed|perfect|perfectly|great|normal|normally|properly) )now|still|(?<!(?:invoice|receipt|bill|copy|quote|details|password) )again|currently|but this time|at the moment`,
  de: String.raw`jetzt|gerade|immer noch|noch immer|wieder|momentan|aktuell|nun`,
  fr: String.raw`maintenant|en ce moment|encore|toujours|actuellement|à nouveau|de nouveau`,
  es: String.raw`ahora|todavía|aún|otra vez|de nuevo|en este momento`,
  it: String.raw`adesso|ora|ancora|di nuovo|in questo momento`,
  pt: String.raw`agora|ainda|de novo|neste momento`,
  nl: String.raw`nu|nog steeds|nog altijd|weer|op dit moment`,
};

/**
 * Every language's "now" words: a message's language gate may pass it to several languages' cues
 * (French "en 2019" runs on a Spanish message), so each cue reads all of them.
 */
/** Round 16: a purchase, delivery or installation: a time cue next to it dates that, not the hazard ("comprata da voi la settimana scorsa puzza di bruciato"). */
const NOT_BY_PURCHASE = String.raw`(?![^.!?\n]{0,40}?(?<![a-zà-ÿ])(?:gekauft|bestellt|geliefert|eingebaut|installiert|montiert|comprat[oaie]|acquistat[oaie]|ordinat[oaie]|consegnat[oaie]|installat[oaie]|montat[oaie]|comprad[oa]s?|compré|compramos|instalad[oa]s?|entregad[oa]s?|encomendad[oa]s?|comprei|entregue|gekocht|besteld|geleverd|geïnstalleerd|geplaatst|gemonteerd|acheté(?:e|s|es)?|commandé(?:e|s|es)?|livré(?:e|s|es)?|installé(?:e|s|es)?|verkauft|abgeholt|ritirat[oaie]|vendut[oaie]|vendid[oa]s?|recogid[oa]s?|recolhid[oa]s?|verkocht|opgehaald|vendu(?:e|s|es)?|récupéré(?:e|s|es)?|bought|ordered|delivered|installed|fitted|sold|collected|picked up)(?![a-zà-ÿ]))(?<!(?<![a-zà-ÿ])(?:gekauft|bestellt|geliefert|eingebaut|installiert|montiert|comprat[oaie]|acquistat[oaie]|ordinat[oaie]|consegnat[oaie]|installat[oaie]|montat[oaie]|comprad[oa]s?|compré|compramos|instalad[oa]s?|entregad[oa]s?|encomendad[oa]s?|comprei|entregue|gekocht|besteld|geleverd|geïnstalleerd|geplaatst|gemonteerd|acheté(?:e|s|es)?|commandé(?:e|s|es)?|livré(?:e|s|es)?|installé(?:e|s|es)?|verkauft|abgeholt|ritirat[oaie]|vendut[oaie]|vendid[oa]s?|recogid[oa]s?|recolhid[oa]s?|verkocht|opgehaald|vendu(?:e|s|es)?|récupéré(?:e|s|es)?|bought|ordered|delivered|installed|fitted|sold|collected|picked up)(?![a-zà-ÿ])[^.!?\n]{0,60})`;

const NOW = String.raw`(?<![a-zà-ÿ])(?:${Object.values(NOW_WORDS).join('|')})(?![a-zà-ÿ])`;

/**
 * `cue` as a past cue that holds only when nothing in its sentence says the hazard is happening now
 * (the look-behinds follow the cue, so they run only where it matched, not at every position).
 */
function overUnlessNow(cue: string): string {
  return String.raw`(?:${cue})(?<!${NOW}[^.!?\n]*)(?![^.!?\n]*(?:${NOW}|[:–]))`;
}

/**
 * A year cue ("im Jahr 2019", "en 2019") dates its own clause, approximated from the cue's side:
 * it lies in its sentence's first clause (no comma, semicolon, colon or dash before it), no "and"
 * (the language's own word) or colon, semicolon or dash follows it in the sentence, and no
 * "now" word follows in its clause or the next. So "the boiler went in in 2019 and it smells of gas",
 * "it smells of gas, the boiler went in in 2019" and "fitted in 2019, it smells of gas right now" are
 * not dated by it, while "had a flood in 2019, has the bathroom been redone?" is.
 */
function yearInOneClause(and: string, cue: string): string {
  const andWord = String.raw`(?<![a-zà-ÿ])(?:${and})(?![a-zà-ÿ])`;
  return String.raw`(?:${cue})(?<![,;:–][^.!?\n]*)(?![^.!?\n]*(?:[;:–]|${andWord}))(?![^.!?\n,;]*(?:,[^.!?\n,;]*)?${NOW})`;
}

export const FIGURATIVE_PATTERNS: readonly string[] = [
  String.raw`(?:is|are|'s|was|were|it'?s|that'?s|they'?re|you'?re|prices?|cost|bill|wait|queue|heat|traffic|this|feet|legs|back) (?:(?:literally|absolutely|actually|honestly|just|really|slowly) )?kill(?:ing|s) (?:me|us|my)`,
  String.raw`killing it|killer (?:deal|price|offer|burger|view|heels)|(?:i'?d|would|could) kill for|kill (?:some )?time|to die for|dying (?:to|for)|dying of (?:laughter|embarrassment|boredom)|(?:nearly|almost) died (?:laughing|of)|died laughing|dead (?:tired|easy|good|busy|chuffed|on)|drop dead|i'?m dead|dead (?:battery|phone)`,
  String.raw`(?:phone|battery|laptop|tablet|ipad|charger|torch|remote|tv|telly|printer|speakers?|headphones|watch|fitbit|bulb|wifi|internet|signal)(?: has| just| totally|'s|s)* (?:died|dead|dying|gone dead)`,
  String.raw`(?:nearly|almost|practically|about to|going to|gonna|gave me|give me|giving me|have|had) (?:a )?heart attack (?:when|at|over|reading|seeing|looking)|gave me a heart attack|(?:would|will|'ll|could|might|gonna|going to) (?:give|cause) (?:me|him|her|us|them|you|my [a-z]+) a heart attack(?![^.!?\n]*${NOW})|stroke of (?:luck|genius)|choking hazard|heart attack on a plate`,
  String.raw`(?:you'?re|you are|she'?s|he'?s|they'?re|we'?re|team'?s?|sales are|prices are|business is) on fire|fire (?:away|sale|door|alarm test|extinguisher service|safety (?:check|certificate))|fired up`,
  String.raw`(?:it|that|this|reality|the bill|the news|the price) (?:just |really )?hit me|costs? (?:a )?bomb|(?:the|da) bomb|blow(?:ing|n)? (?:up )?my (?:phone|mind)|mind[- ]?blowing|shoot me (?:an? |the )?(?:email|text|message|quote|line|dm)|shoot (?:over|across)|bang for (?:your|the|my) buck`,
  String.raw`flood(?:ed|ing)? (?:of|with) (?!water|sewage|rain|mud|dirty|waste)[a-z]+|flood(?:ed|ing) (?:the|our) (?:market|inbox)|flood ?lights?|flash ?flood (?:warning|insurance)`,
  String.raw`could murder (?:a|an|some)|murder (?:a|an) (?:pint|curry|burger|coffee|pizza|kebab)|(?:i'?m|i am) (?:literally )?starving|bleeding (?:hell|heck|nora|cheek|expensive|ridiculous|joke)|scream(?:ing)? (?:for|with) (?:joy|ice cream)`,
  String.raw`(?:gas|gass) (?:bill|prices?|safe(?:ty)? (?:check|certificate|cert|register)|engineer|hob|cooker|boiler service|supplier|meter reading|card|top[- ]?up|mark)`,
  // Round 10: an alarm word inside quotes is a sign, a form field, a product or van livery
  // ("24/7 EMERGENCY PLUMBING" on a van, "Emergency contact" on a form), in every language.
  String.raw`"[^"\n]{0,40}(?:emergenc\w*|urgent\w*|sos|notfall\w*|notdienst|urgence|urgencia|emergencia|emergenza|urgenza|urgência|emergência|spoed|noodgeval|nood)[^"\n]{0,40}"`,
  // Round 14: quoted words the sender then laughs at are not a claim (a parrot's "help help call
  // 999", a review's "the breakfast will kill you" … haha); laughter taken back ("lol not funny") is
  // not a laugh at them.
  String.raw`"[^"\n]{3,80}"(?=[^"\n]{0,120}(?<![a-z])(?:lol|lmao|ha(?:ha)+|ja(?:ja)+|kkk+)(?![a-z])(?! (?:not|it'?s not|isn'?t) funny))`,
  // A product or a purchase with an alarm word ("the Burst Pipe Repair Kit you sell", "I'd like to
  // buy a carbon monoxide alarm"), and tears as a breakdown.
  String.raw`(?:burst pipe|emergency|fire|flood|gas leak|sos|panic)(?: [a-z]+){0,2} (?:kit|kits|pack|plan|cover|package|bundle|menu|course|spray|cream)`,
  String.raw`(?:buy|fit|install|sell|stock|supply|order|price (?:of|for))(?: an?| the| some| new| your)? (?:carbon monoxide|co|smoke|heat|gas) (?:alarms?|detectors?)|(?:carbon monoxide|co|smoke|heat) (?:alarms?|detectors?) (?:fitted|installed|for sale|in stock|included)`,
  String.raw`bro(?:ke|ken) down"? (?:in|into) tears|breaking down"? in tears`,
  // Round 11: an idiom ("went through the windows like a house on fire") and a child's baby tooth.
  // Round 15: a pet's emergency is urgency, not safety (the guide: safety is a person), in every
  // language; a dish or product named after an emergency ("the Heart Attack burger", "EpiPen
  // trainers"), a fright ("I nearly had a heart attack"), and a service that checks an alarm.
  String.raw`(?<![a-z])(?:dog|puppy|pup|cat|kitten|rabbit|bunny|guinea pig|hamster|horse|pony|parrot|budgie|ferret|goat|sheep|pet)(?:'s)?(?: (?!(?:when|while|and|but|as|because|then|my|his|her|our|their|dad|mum|mom|son|daughter|husband|wife|grand\w*|baby|child|kid|he|she|someone)(?![a-z']))[a-z']+){0,3}? (?:having (?:a )?(?:fit|seizure)|had a (?:fit|seizure)|fitting|(?:stopped|not) breathing(?: properly)?|(?:can'?t|cannot) breathe)`,
  String.raw`"?heart attack"? (?:burgers?|breakfasts?|sandwich(?:es)?|special|challenge|platters?|wings|pizzas?|menu|risk)|(?:nearly|almost) (?:had|have|having|gave me) a heart attack|(?:is|are|was|were|it'?s) giving me a heart attack|epi ?pen[- ]?(?:trainers?|übungs\w*|prescription|holders?|case|pouch)|(?:have|keep|stock) (?:an? |any )?epi ?pens? on site`,
  String.raw`(?:check|checking|checks|test|testing|tests|service|servicing|replace|replacing)(?: the| your| my| our)? (?:carbon monoxide|co|smoke|heat|gas) (?:alarms?|detectors?)`,
  // Round 18: a name ("a punk band called Gas Leak", "un groupe qui s'appelle Incendie").
  String.raw`(?:a|an|the|our|my|their|his|her) (?:[a-z]+ )?(?:band|group|shop|company|brand|game|song|film|movie|album|product|cocktail|dish|boat|team|podcast|club|horse|dog|cat|beer|bar|restaurant) (?:called|named) "?(?:the )?(?:[a-z]+ ){0,2}?(?:gas leak|fire|flood|emergency|burst pipe|explosion|inferno|meltdown|heart attack|overdose|sos|mayday)(?![a-z])`,
  String.raw`like a house on fire|(?:baby|milk|wobbly|loose) tooth (?:has )?(?:came|come|fell) out|tooth (?:came|fell) out[^.!?\n]{0,30}(?:baby|milk) tooth`,
];

export const NEGATION_CUES: readonly string[] = [
  String.raw`not|no|never|nothing|none|nobody|neither|nor|without|hardly|barely|no longer|no need to|no need for`,
  String.raw`(?:do|does|did|is|are|was|were|ca|could|would|should|wo|have|has|had|ai|must|need)n'?t|cannot|can not|isnt|dont|doesnt|didnt|arent|wasnt|werent|havent|hasnt`,
  String.raw`(?:there'?s|there is) no|(?:false alarm|all good|all fine|sorted now|resolved now)`,
  // "non" is English too ("non-urgent"); the other languages' negation cues are in LANGUAGE_CUES.
  String.raw`non`,
];

export const HYPOTHETICAL_CUES: readonly string[] = [
  String.raw`what (?:would|should|do|does|happens|would happen|if)\b[^.!?\n]{0,30}\bif|what if|in case|in the event|hypothetically|just in case|suppose|supposing|imagine|say if|if ever|in an? (?:emergency|crisis)`,
  String.raw`do (?:you|u|ya) (?:deal with|do|offer|cover|handle|fix|repair|sort out|provide|charge|treat|work on|attend|come out for|get|take|accept|see)|(?:do|does|would|will) (?:you|u) (?:guys|lot|folks) |are (?:you|u) (?:able to deal|qualified|insured|open)`,
  String.raw`how (?:much|do i|would i|should i|do you|long|quickly|fast|soon)|what'?s your|what is your|what are your|is there an? (?:number|line|service|charge|fee|price)|(?:any|your|a) (?:policy|advice|tips?|guidance|procedure) (?:on|for|about)|asking for a friend`,
  String.raw`(?:tips?|advice|guide|article|blog|faq|course|leaflet|training|poster|insurance policy|prevent(?:ing)?|avoid(?:ing)?|protect against|signs of|checklist) (?:on|for|about|to|against|covers?|of)`,
  String.raw`whenever|what do (?:i|you|we) do when|in winter|usually|should i|just (?:wondering|asking|curious)`,
  // Round 15: a question about the procedure ("what's the procedure for reporting a gas leak").
  String.raw`(?:what'?s the|what is the|is there a|do you have a|tell me the) (?:procedure|process|protocol) (?:for|when|if)`,
  // Round 11: whether something counts as an emergency, and what a policy covers ("Is it an
  // emergency if my chain keeps slipping?", "Does the unit insurance cover flood damage?").
  String.raw`(?:is|would) (?:it|this|that)(?: be| really| count as)?(?: an?)?(?= (?:emergency|urgent)\b[^.!?\n]{0,20}\b(?:if|when)\b)|(?:does|do|will|would|is) (?:the |my |your |our |this )?(?:[a-z]+ )?(?:insurance|policy|warranty|guarantee|plan|cover) (?:cover|include|pay)`,
];

/** Conditional cues, looked for earlier in the same clause ("if you smell gas, leave"). */
export const CONDITIONAL_CUES: readonly string[] = [String.raw`if|unless|in case|should (?:a|the|you|there)|even if`];

/** A negation cue does not negate inside a complaint question ("why can't I talk to a person?"). */
export const NEGATION_OVERRIDES: readonly string[] = [String.raw`why|how come|what do you mean`];

export const PAST_CUES: readonly string[] = [
  // Round 17 review: a hazard already dealt with ('the gas leak we had in March was sorted by your engineer'), unless something happens now.
  overUnlessNow(String.raw`(?:was|were|got|has been|have been|had been) (?:sorted|fixed|repaired|capped|made safe)(?! (?:yet|properly))`),
  String.raw`last (?:year|winter|summer|spring|autumn|fall|month|christmas|time|decade)|(?:years|months|ages|decades|weeks) ago|a (?:few |couple of )?(?:years?|months?|decades?) ago`,
  // Review fixes: a year dates only its own clause, and not with something happening now.
  yearInOneClause('und|en', String.raw`back in (?:19|20)\d\d|in (?:19|20)\d\d`),
  String.raw`when i was (?:a kid|young|little|younger|a child|at (?:school|uni))|(?:i|we|they|he|she|my \w+) used to|once had|(?:had|has) (?:had )?(?:one|the same|that) (?:before|happen)|in the past|previously|years back|remember when|reminds me of`,
  String.raw`(?:my|our|a) (?:neighbou?rs?|friends?|mates?|sister|brother|cousin|colleague|uncle|aunt|auntie|nan|parents?|in-laws|boss|friend of mine)(?:'s?)? (?:had|once|told|said|was|got|went)|(?:happened|happen) to (?:my|a|our) |(?:on|in|watching|saw|read) (?:the )?(?:news|tv|telly|film|movie|show|episode|book|story|podcast)|documentary|novel|fixed now|sorted now|all fixed|was fixed|got fixed`,
  // Round 18: someone a relative knows, when it happened to them ("my son's friend had his tooth knocked out").
  String.raw`(?:my|our) [a-z]+'s (?:neighbou?rs?|friends?|mates?|colleague|teacher|coach|boss|classmate)(?:'s)? (?:had|once|went)(?![a-z])`,
  // Round 11: a story told as a one-off ("choked on a fishbone once at a wedding (he was fine)", "I
  // once saw someone have an allergic reaction").
  String.raw`(?:i|we|he|she|they|my \w+) once (?:saw|had|got|went|was|did|choked|fell|cut|burnt|burned)|(?:he|she|they|everyone|everybody) (?:was|were) (?:fine|ok|okay|alright)`,
  // Round 15: a hazard that is over or was never there, said in its sentence ("the burning smell
  // was the toaster crumbs, sorry to panic you", "i thought there was a gas smell but it was just the
  // bins", "found the gas leak at the meter and capped it", "a socket caught fire once", "in the 90s").
  // Review fixes: each holds only with nothing happening now in its sentence (overUnlessNow); a
  // resolution only with a dismissive word; "false alarm" and the like not when denied or followed by
  // "but"; "once" not as "at once", "all at once", "more than once"; the 1990s only as "back in".
  overUnlessNow(
    String.raw`turned out(?=[^.!?\n]{0,60}(?<![a-z])(?:just|only|nothing|fine|harmless|all good|ok|okay)(?![a-z]))|(?:it|that|which) was (?:just|only|actually) (?!(?:the )?(?:other|next|same) day|(?:a )?(?:matter|question) of time|(?:the )?(?:start|beginning|first|two|three|four|(?:\w+ )?of us)(?![a-z]))(?:the|a|an|my|our|some|next door)|(?<!(?:not|no|never|isn'?t|wasn'?t|not just) (?:a |an )?)false alarm(?![^.!?\n]*(?<![a-z])but(?![a-z]))|panic over|sorry to (?:panic|worry|alarm|scare) (?:you|everyone|u)(?![^.!?\n]*(?<![a-z])but(?![a-z]))|(?<!(?:not|n't|never) )cancel the call ?out|(?<!(?:never|not|n't) )capped (?:it|them)(?: off)?(?![^.!?\n]*(?<![a-z])but(?![a-z]))|made (?:it|them) safe|(?<![a-z])(?<!(?:at|all at|than|for|at) )once(?= ?[,.!?;]| so | and | but |$)|back in the (?:19)?[5-9]0'?s|in the (?:19)?[5-9]0'?s(?<=(?<![a-z'])(?:was|were|had|did|caught|happened|went|got|burnt|broke|[a-z]+ed)(?![a-z])[^.!?\n,;]{0,40}in the (?:19)?[5-9]0'?s)`,
  ),
  // Round 19 review: a danger inside fiction or a game, or in the news ("in the game the fire is spreading",
  // "in my story", "in that horror film", "according to the news").
  String.raw`(?:in|on|from|watching|playing|reading|writing) (?:the|a|my|our|this|that|his|her|their) (?:(?:video|computer|online|board|horror|new) )?(?:game|videogame|film|movie|series|episode|book|novel|story|comic|cartoon|anime|dream|play)(?![a-z])|according to the (?:news|papers?|radio)`,
  // Round 18: a hazard your own staff already dealt with, told to thank them or ask for the invoice
  // ("I locked myself out on New Year's Eve and your man was very quick", "the car cut out but your
  // mechanic changed the sensor"), unless something happens now or a "but" follows; and an object
  // that was in a flood before ("a piano that stood in a flood").
  overUnlessNow(
    String.raw`(?:your|the) (?:staff|man|woman|guy|lady|lads?|mechanic|engineer|technician|plumber|electrician|locksmith|team|driver|colleague|people)(?: [a-z]+){0,2}? (?:was (?:very |so |really )?(?:quick|fast|great|brilliant|helpful)|came (?:out )?(?:quickly|straight away|fast|at once|within)|opened (?:it |up |the door )?for (?:me|us)|let (?:me|us) in|(?:changed|fixed|replaced|sorted|repaired) (?:it|the|my|our))(?![^.!?\n]*(?<![a-z])but(?![a-z]))|(?:that|which) (?:stood|sat|was|were|has been|had been|got) (?:in|under) (?:a |the )?(?:flood|floodwater|water)`,
  ),
];

export const INTENSIFIER_PATTERNS: readonly string[] = [String.raw`right now|asap|immediately|straight away|help me|please help|help!|!!+`];

/**
 * The same cues in the six other languages, each run only for a message that may be in that
 * language (normalize/language-gate.util), like the rules' language patterns.
 */
export const LANGUAGE_CUES: NonNullable<SignalRuleSet['languageCues']> = {
  // Figures of speech that the non-English safety rules would take literally ("c'est du suicide", "a
  // conta está a matar-me", "mia moglie mi ammazza 😂").
  figurative: {
    // Review fixes: a pet's emergency (urgency, not safety) in each language's own words.
    de: [
      String.raw`(?<![a-zà-ÿ])(?:hund|hündin|welpe|katze|kater|kaninchen)(?: (?!(?:wenn|als|und|aber|während|mein|meine|papa|vater|mutter|mama|sohn|tochter|mann|frau|opa|oma|baby|kind|er|sie|jemand)(?![a-zà-ÿ']))[a-zà-ÿ']+){0,3}? (?:krampft|hat einen krampfanfall|atmet nicht(?: mehr)?)`,
    ],
    fr: [
      String.raw`c'est (?:du|un) suicide`,
      String.raw`(?<![a-zà-ÿ])(?:chien|chienne|chiot|chat|chatte|chaton|lapin)(?: (?!(?:quand|et|mais|pendant|mon|ma|papa|père|mère|maman|fils|fille|mari|femme|grand-père|grand-mère|bébé|enfant|il|elle|quelqu'un)(?![a-zà-ÿ']))[a-zà-ÿ']+){0,3}? (?:convulse|fait une crise|ne respire plus)`,
    ],
    es: [
      String.raw`(?<![a-zà-ÿ])(?:perro|perra|perrito|gato|gata|conejo)(?: (?!(?:cuando|y|pero|mientras|mi|papá|padre|madre|mamá|hijo|hija|marido|mujer|abuelo|abuela|bebé|niño|niña|él|ella|alguien)(?![a-zà-ÿ']))[a-zà-ÿ']+){0,3}? (?:convulsiona|está convulsionando|no respira)`,
    ],
    nl: [
      // Round 17 review: hot food ('mijn mond staat in brand' of a sauce).
      String.raw`(?:mijn |m'n |je )?(?:mond|tong|keel) (?:staat|stond) (?:helemaal |echt )?in (?:de )?brand`,
      String.raw`(?<![a-zà-ÿ])(?:hond|pup|puppy|kat|poes|konijn)(?: (?!(?:toen|als|en|maar|terwijl|mijn|vader|moeder|papa|mama|zoon|dochter|man|vrouw|opa|oma|baby|kind|hij|zij|iemand)(?![a-zà-ÿ']))[a-zà-ÿ']+){0,3}? (?:stuipt|heeft een aanval|ademt niet)`,
    ],
    it: [
      String.raw`(?<![a-zà-ÿ])(?:cane|cagnolino|gatto|gatta|gattino|coniglio)(?: (?!(?:quando|e|ma|mentre|mio|mia|papà|padre|madre|mamma|figlio|figlia|marito|moglie|nonno|nonna|bambino|bambina|lui|lei|qualcuno)(?![a-zà-ÿ']))[a-zà-ÿ']+){0,3}? (?:ha le convulsioni|non respira)`,
      String.raw`(?:mi|ci) ammazza(?:no)? (?:di|dal|se|con(?! (?:la|il|un|una|lo) (?:pistola|coltello|fucile|arma|pugnale|bastone|martello|accetta)))|mi ammazza 😂`,
    ],
    pt: [
      String.raw`(?:está|estão|tá) a matar-me|(?:me )?(?:está|tá) matando`,
      String.raw`(?<![a-zà-ÿ])(?:cão|cadela|cachorro|gato|gata|coelho)(?: (?!(?:quando|e|mas|enquanto|meu|minha|pai|mãe|filho|filha|marido|mulher|avô|avó|bebé|criança|ele|ela|alguém)(?![a-zà-ÿ']))[a-zà-ÿ']+){0,3}? (?:está a convulsionar|convulsiona|não respira)`,
    ],
  },
  // Round 10: negation (the non-English safety rules and the English "urgent", which French shares,
  // had no guard there: "kein Gasgeruch mehr", "rien d'urgent", "non c'è più odore di gas", "já não
  // cheira a gás", "geen gaslucht meer"), and false alarms.
  negation: {
    de: [String.raw`kein|keine|keinen|keinerlei|nicht|nichts|nie|niemals|ohne|fehlalarm|alles (?:gut|in ordnung)`],
    fr: [String.raw`pas|plus|aucun|aucune|rien(?: d')?|jamais|sans|fausse alerte|tout va bien`],
    es: [
      String.raw`nada|ningún|ninguna|ninguno|nunca|sin|cero(?= (?:olor|humo|chispas|llamas|fuego|peligro|fugas?|riesgo))|falsa alarma|todo bien`,
    ],
    it: [String.raw`niente|nessun|nessuna|mai|senza|falso allarme|tutto (?:ok|bene|a posto)`],
    pt: [String.raw`não|nenhum|nenhuma|sem|nunca|nada|falso alarme|tudo (?:bem|ok)`],
    nl: [String.raw`geen|niet|niets|niks|nooit|zonder|loos alarm|alles (?:goed|in orde)`],
  },
  // Round 10: hypothetical and enquiry cues. The short words for "if" also mean "so", "yes" or
  // "as", so they count only before a verb or pronoun that makes them conditional (round 16: and
  // as a whole word, so Spanish "si se" is not Italian "si sente"; Dutch "als" right after a hazard
  // verb is "when", telling when it happens: "het vonkt als ik de stekker eruit trek").
  // Round 19 review fix (7): French "si" is not a hypothetical after "même" (even if) nor in an indirect question
  // ("je ne sais pas si", "je me demande si"); "si l'…" does not reach past a "mais" in its sentence.
  hypothetical: {
    de: [
      String.raw`wenn|falls|im falle?|was (?:tun|mache ich|soll ich tun)|an wen wende ich mich|welche nummer|(?:riecht|stinkt|qualmt|raucht|brennt) es(?<=(?:^|[.!?\n:"„“]) ?["„“]?(?:riecht|stinkt|qualmt|raucht|brennt) es)(?= (?:[a-zäöüß]+ ){0,3}?nach [a-zäöüß]+,)|(?<=(?:^|[.!?\n:"„“]) ?["„“]?)bei(?= (?:gasgeruch|brand|feuer|rauch|stromausfall))(?![^.!?\n]*(?<![a-zäöüß])(?:jetzt|gerade|immer noch)(?![a-zäöüß]))`,
    ],
    fr: [
      String.raw`en cas d'?|au cas où|que faire|qui faut-il|quel numéro|(?<!(?<![a-zà-ÿ])même )(?<!(?<![a-zà-ÿ])(?:sais|sait|savons|savez|savent|demande|demandes|demandons|demandez|demandent|demandais|demandait|vois|voit|ignore) (?:pas |plus )?)si(?= (?:j'|l'(?![^.!?\n]*(?<![a-zà-ÿ])mais(?![a-zà-ÿ]))|quelqu'un|(?:je|on|vous|tu|il|ils|elle|elles|ça|ca|ma|mon|mes|le|la|les|un|une|jamais|tout)(?![a-zà-ÿ])))`,
    ],
    es: [
      String.raw`en caso de|por si|qué (?:hago|hacer|pasa) si|a quién llamo|qué número|si(?= (?:huele|huelen|hay|me|te|se|tengo|pasa|ocurre|noto|notas|notamos|notáis|sentís|sentimos|siento|alguien|mi|mis|tu|tus|su|sus|el|la|las|los|un|uno|una|algún|alguno|alguna|hubiera|hubiese)(?![a-záéíóúñ]))`,
    ],
    it: [
      String.raw`in caso di|in caso(?= (?:un|una|qualcuno) )|nel caso|cosa (?:faccio|fare|succede|si deve fare|bisogna fare|devo fare) se|chi devo chiamare|quale numero|se (?:senti|sento|sentite|c'è|ci fosse|dovess\w+|succede|mai|il|la|mi)`,
    ],
    pt: [
      String.raw`em caso de|caso(?= (?:haja|sinta|sintam|um|uma|alguém|tenha))|o que (?:faço|fazer) se|qual (?:é )?o número|se(?= (?:sentir|sentires|houver|cheirar|tiver|alguma vez|uma|um) )`,
    ],
    nl: [
      String.raw`in geval van|mocht(?:en)?|wat (?:moet ik doen|te doen) als|wat moet (?:je|ik|u) doen bij|wat doen jullie als|voor als(?= (?:een|iemand) )|welk nummer|hoeveel kost|wat kost|bij(?= (?:gaslucht|brand|rook)(?![a-z]))|als(?<!(?:snel|zo|vonkt|vonken|rookt|knettert|sputtert|smelt|lekt|druppelt|tintelt|knalt|sist|ruikt|stinkt) als)(?= (?:je|u|ik|we|er)(?![a-z]))`,
    ],
  },
  // Round 10: past and resolved events; round 11: stories seen on a screen or in the paper.
  past: {
    de: [
      // Round 19 review: a danger inside fiction or a game, or in the news.
      String.raw`(?:im|in dem|in einem|in meinem|in meiner|in der|in einer) (?:video)?(?:spiel|computerspiel|film|horrorfilm|roman|buch|serie|folge|geschichte|comic|traum)(?![a-zà-ÿ])|laut (?:den )?nachrichten`,
      String.raw`(?:letzte[nsmr]? (?:woche|jahr|winter|sommer|monat)|letztes jahr|vor (?:(?:zwei|drei|vier|fünf|ein paar|einigen|vielen) )?(?:jahren|monaten|wochen))${NOT_BY_PURCHASE}|(?:hatte|hat) mal|früher|damals`,
      // Round 16: the technician's visit is over only when nothing happens now ("der Monteur war da, jetzt riecht es wieder").
      overUnlessNow(String.raw`(?:techniker|monteur) war (?:da|hier)`),
      String.raw`in der serie|im fernsehen|in der zeitung`,
      // Round 15: over or never there ("war ja doch nur der Kanal"), and a year gone by.
      overUnlessNow(
        String.raw`war (?:ja )?(?:dann )?(?:doch )?(?:nur|bloß)(?! (?:eine frage der zeit|der anfang|am anfang))|(?:hat sich|stellte sich) [^.!?\n]{0,30}?heraus(?=[^.!?\n]{0,50}(?<![a-zäöüß])(?:nur|bloß|nichts|harmlos)(?![a-zäöüß]))`,
      ),
      yearInOneClause('und', String.raw`im jahr (?:19|20)\d\d(?!\d)`),
      // Round 18: your own staff already dealt with it (see PAST_CUES).
      overUnlessNow(
        String.raw`(?:ihr|ihre|euer|eure) (?:techniker|monteur|mitarbeiter(?:in)?|mechaniker|team|kollege|leute|schlüsseldienst)(?: [a-zäöüß]+){0,2}? (?:war (?:sehr |ganz )?(?:schnell|sofort) da|hat (?:es |alles |das |den |die )?[a-zäöüß ]{0,30}?(?:repariert|behoben|ausgetauscht|gewechselt|geöffnet))(?![^.!?\n]*(?<![a-zäöüß])aber(?![a-zäöüß]))`,
      ),
    ],
    fr: [
      // Round 19 review: a danger inside fiction or a game, or in the news.
      String.raw`dans (?:le|la|un|une|mon|ma|ce|cette) (?:jeu(?: vidéo)?|film|roman|livre|série|épisode|histoire|bd|bande dessinée|rêve)(?![a-zà-ÿ])|selon les (?:infos|informations|actualités)`,
      overUnlessNow(
        String.raw`(?:l'(?:an|année|hiver|été) derni(?:er|ère)|(?:la semaine|le mois) derni(?:er|ère)|il y a (?:des|quelques|un|une|deux|trois|plusieurs)? ?(?:ans|mois|semaines?))${NOT_BY_PURCHASE}|autrefois|quand j'étais|le technicien est (?:venu|passé)`,
      ),
      String.raw`dans la série|à la télé|au journal`,
      overUnlessNow(
        String.raw`(?<!(?:pas|plus|ce n'est pas) (?:une )?)fausse alerte(?![^.!?\n]*(?<![a-zà-ÿ])mais(?![a-zà-ÿ]))|c'était (?:en fait|juste|seulement|simplement|finalement)(?! (?:avant|après|au début|le début|pour|une (?:cuestión|questão|questione|question) d[ei] (?:tiempo|tempo|temps)))|affaire classée|plus de peur que de mal`,
      ),
      yearInOneClause('et', String.raw`en (?:19|20)\d\d(?!\d)`),
      // Round 18: your own staff already dealt with it (see PAST_CUES).
      overUnlessNow(
        String.raw`(?:votre|vos) (?:technicien|dépanneur|mécanicien|plombier|électricien|serrurier|équipe|gars|collègue)s?(?: [a-zà-ÿ]+){0,2}? (?:est (?:venu|arrivé|passé) (?:tout de suite|très vite|rapidement)|(?:a|ont) (?:tout )?(?:réparé|changé|remplacé|ouvert|dépanné|réglé))(?![^.!?\n]*(?<![a-zà-ÿ])mais(?![a-zà-ÿ]))`,
      ),
    ],
    es: [
      // Round 19 review: a danger inside fiction or a game, or in the news.
      String.raw`en (?:el|la|un|una|mi|este|esta|ese|esa) (?:videojuego|juego|película|peli|novela|libro|serie|episodio|historia|cómic|sueño)(?![a-zà-ÿ])|según las noticias`,
      String.raw`(?:(?:el|la) (?:año|invierno|verano|semana|mes) pasad[oa]|hace (?:años|meses))${NOT_BY_PURCHASE}|cuando era`,
      overUnlessNow(String.raw`(?:vino|pasó) el técnico`),
      String.raw`en la serie|en la tele|en el periódico`,
      overUnlessNow(
        String.raw`(?<!(?:no es|no era) (?:una )?)falsa alarma(?![^.!?\n]*(?<![a-zà-ÿ])pero(?![a-zà-ÿ]))|(?:al final|resulta que|resultó que) (?:era|fue)(?=[^.!?\n]{0,50}(?<![a-zà-ÿ])(?:solo|sólo|nada|simplemente|una falsa)(?![a-zà-ÿ]))|era (?:solo|sólo|simplemente) (?:el|la|un|una)(?! (?:principio|comienzo|inizio|início|começo|(?:cuestión|questão|questione|question) d[ei] (?:tiempo|tempo|temps)))`,
      ),
      yearInOneClause('y|e', String.raw`en (?:el )?(?:19|20)\d\d(?!\d)`),
      // Round 18: your own staff already dealt with it (see PAST_CUES): "ustedes se lo arreglaron perfecto".
      overUnlessNow(
        String.raw`(?:ustedes|vosotros|su (?:técnico|mecánico|chico|equipo|cerrajero|fontanero)) (?:se |me |nos |le |les )?(?:lo |la |los |las )?(?:arreglaron|arreglasteis|arregló|solucionaron|solucionó|repararon|reparó|cambiaron|cambió|abrieron|abrió|vinieron enseguida|vino enseguida|llegó enseguida)(?![^.!?\n]*(?<![a-zà-ÿ])pero(?![a-zà-ÿ]))`,
      ),
    ],
    it: [
      // Round 19 review: a danger inside fiction or a game, or in the news.
      String.raw`(?:nel|nella|in un|in una|nel mio|nella mia|in quel|in quella) (?:videogioco|gioco|film|romanzo|libro|serie|episodio|storia|fumetto|sogno)(?![a-zà-ÿ])|secondo il telegiornale|secondo le notizie`,
      String.raw`(?:(?:l'anno|l'inverno|l'estate|la settimana|il mese) scors[oa]|(?:anni|mesi) fa)${NOT_BY_PURCHASE}|diceva sempre`,
      overUnlessNow(String.raw`(?:è venuto|è passato) il tecnico`),
      String.raw`nella serie|in tv|al telegiornale|sul giornale`,
      overUnlessNow(
        String.raw`(?<!(?:non è|non era) (?:un )?)falso allarme(?![^.!?\n]*(?<![a-zà-ÿ])ma(?![a-zà-ÿ]))|era solo (?:il|lo|la|un|una)(?! (?:inizio|principio|comienzo|início|começo|(?:cuestión|questão|questione|question) d[ei] (?:tiempo|tempo|temps)))|in realtà era(?=[^.!?\n]{0,50}(?<![a-zà-ÿ])(?:solo|niente|nulla)(?![a-zà-ÿ]))|si è rivelat[oa](?=[^.!?\n]{0,50}(?<![a-zà-ÿ])(?:solo|niente|nulla|un falso)(?![a-zà-ÿ]))`,
      ),
      yearInOneClause('e|ed', String.raw`nel (?:19|20)\d\d(?!\d)`),
      // Round 18: your own staff already dealt with it (see PAST_CUES): "il vostro ragazzo è arrivato subito".
      overUnlessNow(
        String.raw`(?:il vostro|la vostra|i vostri|le vostre) (?:ragazz[oi]|tecnic[oi]|meccanic[oi]|personale|idraulic[oi]|elettricist[ai]|squadra|collega|fabbro)(?: [a-zà-ÿ]+){0,2}? (?:(?:è|sono) arrivat[oaie] subito|(?:ci |mi )?(?:ha|hanno) (?:subito )?(?:risolto|sistemato|riparato|cambiato|aperto|aiutat[oaie]))(?![^.!?\n]*(?<![a-zà-ÿ])ma(?![a-zà-ÿ]))`,
      ),
    ],
    pt: [
      // Round 19 review: a danger inside fiction or a game, or in the news.
      String.raw`(?:no|na|num|numa|no meu|na minha|nesse|nessa|neste|nesta) (?:videojogo|videogame|jogo|filme|romance|livro|série|episódio|história|banda desenhada|sonho)(?![a-zà-ÿ])|segundo as notícias`,
      String.raw`(?:(?:no |o )?(?:ano|inverno|verão|mês) passado|há (?:anos|meses))${NOT_BY_PURCHASE}|(?:dizia|sempre dizia) sempre|sempre dizia|antigamente`,
      overUnlessNow(String.raw`o técnico (?:veio|esteve|passou)`),
      String.raw`na série|na tv|vi no jornal|no jornal|semana passada${NOT_BY_PURCHASE}`,
      overUnlessNow(
        String.raw`(?<!(?:não é|não era) (?:um )?)falso alarme(?![^.!?\n]*(?<![a-zà-ÿ])mas(?![a-zà-ÿ]))|afinal era(?=[^.!?\n]{0,50}(?<![a-zà-ÿ])(?:só|apenas|nada|um falso)(?![a-zà-ÿ]))|era (?:só|apenas) (?:o|a|um|uma)(?! (?:início|começo|princípio|principio|comienzo|inizio|(?:cuestión|questão|questione|question) d[ei] (?:tiempo|tempo|temps)))`,
      ),
      yearInOneClause('e', String.raw`em (?:19|20)\d\d(?!\d)`),
      // Round 18: your own staff already dealt with it (see PAST_CUES).
      overUnlessNow(
        String.raw`(?:vocês|o vosso|o seu|a vossa|a sua) (?:técnico|mecânico|rapaz|moço|equipe|equipa|pessoal|serralheiro|canalizador|encanador)?(?: [a-zà-ÿ]+){0,2}? ?(?:(?:me |nos |o |a )?(?:resolveram|resolveu|consertaram|consertou|arrumaram|arrumou|repararam|reparou|trocaram|trocou|abriram|abriu)|chegou (?:logo|rapidinho|na hora))(?![^.!?\n]*(?<![a-zà-ÿ])mas(?![a-zà-ÿ]))`,
      ),
    ],
    nl: [
      // Round 19 review: a danger inside fiction or a game, or in the news.
      String.raw`(?:in de|in het|in een|in mijn|in die|in dat) (?:game|videogame|spel|film|horrorfilm|roman|boek|serie|aflevering|verhaal|strip|droom)(?![a-zà-ÿ])|volgens het nieuws`,
      String.raw`(?:vorig(?:e)? (?:jaar|winter|zomer|maand|week)|jaren geleden)${NOT_BY_PURCHASE}|vroeger`,
      overUnlessNow(String.raw`(?:de )?monteur is (?:geweest|langs geweest)`),
      String.raw`in de serie|op tv|in de krant`,
      overUnlessNow(
        String.raw`(?<!(?:geen|niet) (?:een )?)(?:loos|vals) alarm(?![^.!?\n]*(?<![a-z])maar(?![a-z]))|bleek (?:het |er )?(?:maar|gewoon|alleen)|was (?:maar|gewoon|alleen maar) (?:de|het|een)(?! (?:begin|kwestie van tijd))`,
      ),
      yearInOneClause('en', String.raw`in (?:19|20)\d\d(?!\d)`),
      // Round 18: your own staff already dealt with it (see PAST_CUES).
      overUnlessNow(
        String.raw`(?:jullie|uw|je) (?:monteur|technicus|mensen|medewerker|collega|slotenmaker|loodgieter|elektricien|team)(?: [a-z]+){0,2}? (?:was er (?:heel |meteen |zo )?(?:snel|meteen)|heeft (?:het |alles |de |het )?[a-z ]{0,30}?(?:gerepareerd|gemaakt|vervangen|verholpen|opengemaakt))(?![^.!?\n]*(?<![a-z])maar(?![a-z]))`,
      ),
    ],
  },
};
