import type { SignalRule } from './signal-rules.types';
import { ELECTRICAL_I18N, FIRE_I18N, FIRE_MEANT_TO_BURN, CO_READING, GAS_AND_CO_I18N } from './safety.rules.i18n';
import type { LanguagePatterns } from './signal-rules.types';

/**
 * Round 15: the sender says it is urgent or an emergency, in the other languages' own words ("das
 * ist ein Notfall", "c'est une urgence", "es urgente", "è un'emergenza", "é muito urgente", "het is
 * een noodgeval", "met spoed"); the English "urgent" already reads the French. Claims only (a verb
 * or an intensifier with the word), so "Notfalltermine?" and "numéro d'urgence" stay out; the
 * languages' negation, hypothetical and past cues guard them, and a played-down message vetoes them.
 */
const EXPLICIT_URGENCY_I18N: LanguagePatterns = {
  de: [
    String.raw`ist (?:ein |echt ein |wirklich ein )?(?:echter |absoluter |richtiger )?notfall|notfall(?= ?!)|es ist (?:sehr |wirklich |extrem |echt )?dringend|(?:sehr|extrem|wirklich|echt|total|ganz) dringend|dringend,? bitte|bitte dringend|es eilt|eilt sehr`,
  ],
  fr: [
    String.raw`c'est (?:une |vraiment une |très |super |hyper )?(?:urgence|urgent)|(?:très|vraiment|super|hyper|extrêmement) urgent|urgence absolue|en urgence(?= ?[!.,]|$)`,
  ],
  es: [
    String.raw`es (?:una |muy |súper |super |realmente )?(?:urgencia|urgente|emergencia)|(?:muy|súper|super|bastante) urgente|urgentísimo|de urgencia(?= ?[!.,]|$)`,
  ],
  it: [String.raw`(?:è|e') (?:un'|una |molto |davvero |super )?(?:urgenza|urgente|emergenza)|(?:molto|davvero|super) urgente|urgentissimo`],
  pt: [String.raw`(?:é|e) (?:uma |muito |super |mesmo )?(?:urgência|urgente|emergência)|(?:muito|super|bem) urgente|urgentíssimo`],
  nl: [
    String.raw`(?:is|het is) (?:een |echt een |heel |erg |zeer )?(?:noodgeval|spoedgeval|dringend)|(?:heel|erg|zeer|echt) dringend|met spoed|spoed(?= ?[!:])`,
  ],
};

/** Vulnerable people whose presence turns "no heating" or "locked out" into an emergency. */
const VULNERABLE = [
  String.raw`(?:new ?born|newborn|baby|babies|infant|toddler|little ones?|young (?:kids|children)|small (?:kids|children))`,
  String.raw`(?:elderly|pensioner|frail|disabled|housebound|pregnant|chemo(?:therapy)?|oxygen)`,
  String.raw`(?:[7-9]\d|1[01]\d)[ -]?(?:years?|yrs?|y)[ -]?o(?:ld|\.?)?|in (?:her|his|their) (?:80|90)s|(?:is|aged|age|turned|turning) (?:7[5-9]|[89]\d|1[01]\d)`,
  String.raw`\d{1,2}[ -]?(?:days?|weeks?|wks?|months?|mths?)[ -]?old`,
];

const CHILD = String.raw`(?:baby|babies|infant|toddler|child|children|kids?|son|daughter|little (?:one|boy|girl)|newborn|(?:[1-9]|1[0-2])[ -]?(?:years?|yrs?|months?)[ -]?old)`;

const HEATING_OUT = [
  String.raw`(?:no|zero|without|lost|lost all|lost our|lost my|lost the) (?:heat|heating|hot water|heating (?:or|and|nor) hot water)(?! (?:problems?|issues?|worries|faults?|bills?))`,
  String.raw`(?:boiler|heating|radiators?|heat pump|furnace)(?:(?!not |n'?t )[^.!?\n]){0,25}?(?: has| is| just| completely| totally|'s)*(?: (?:stopped|broken|broke|died|packed (?:up|in)|given up|gave up|cut out|failed|(?:not|isn'?t|aint|won'?t) (?:working|work|come on|coming on|fire|firing|heat|heating)))`,
  String.raw`(?:boiler|heating|heat)(?:'s| has| is)? (?:been )?(?:off|out|down)(?: for)?`,
  String.raw`(?:don'?t|do not) have (?:any )?(?:heat|heating|hot water)`,
  String.raw`radiators? (?:are |is )?(?:all )?(?:stone |freezing |ice |completely )?cold`,
  String.raw`(?:freezing|frozen) (?:cold )?(?:in (?:the|our|my) )?(?:house|flat|home|here)`,
];

/** Gas, electrical and fire hazards are both urgent for the business and a safety finding. */
export const GAS_PATTERNS = [
  String.raw`(?:smell(?:s|ing|ed)?|smel|stink(?:s|ing)?|whiff) (?:of )?(?:gas|gass|gassy)`,
  // Round 16: words between the smell and the gas ("smells strongly of gas", "reeks like gas again"),
  // read behind the match so that a negation among them guards it ("smells nothing like gas").
  String.raw`(?:of|like) (?:the )?gas(?! (?:station|bill|prices?|company|supplier)s?(?![a-z]))(?<=(?:smell|stink|reek)(?:s|ing)? (?:[a-z']+ ){1,3}(?:of|like) (?:the )?gas)|smell(?:s|ing)? the gas(?! (?:station|bill)s?(?![a-z]))`,
  String.raw`(?:gas|gass|gassy|gasy) (?:smell|odou?r|leak|leaking|escape|escaping)|(?:leaking|escaping) gas`,
  String.raw`carbon monoxide (?:leak|poisoning)|carbon monoxide (?:alarm|detector)(?! (?:fit|fitted|fitting|install\w*|servic\w*|test\w*|check\w*|batter(?:y|ies)|replace\w*|quote|price|cost|for sale|in stock))(?![^.!?\n]*(?:low batter(?:y|ies)|batter(?:y|ies) (?:was |is |were |are )?(?:low|flat|dead)|because of (?:a |the )?(?:low |flat |dead )?batter(?:y|ies)))|(?:carbon monoxide|co) (?:alarm|detector)(?: is| keeps)? (?:going off|beeping|sounding)`,
  // Round 19: a carbon-monoxide alarm told as a report: its reading ("CO alarm reading 180ppm"; two digits or
  // more, so "0 ppm" after a service is not one) or "has triggered / activated".
  String.raw`(?:carbon monoxide|co) (?:alarm|detector|monitor|meter)(?: is| was)? (?:reading|showing|displaying|at) [1-9]\d+ ?ppm|(?:carbon monoxide|co) (?:alarm|detector) (?:has )?(?:triggered|activated|gone off)`,
  // Round 19 review fix: the reading told without "ppm" ("the CO detector reads 250", "our CO alarm just went off and
  // reads 95"): two digits or more and no other unit after the number (not a time, a price, degrees or an age).
  String.raw`(?:carbon monoxide|co) (?:alarm|detector|monitor|meter)(?: (?!(?:test|batter(?:y|ies)|price|cost|manual|warranty)(?![a-z]))[a-z']+){0,4}? (?:reads|reading|shows|showing|displays|displaying|says) (?:a |about |around |over )?${CO_READING}|(?:carbon monoxide|co) (?:alarm|detector) (?:just )went off(?= (?:and|now|again|right now)(?![a-z]))`,
];

export const ELECTRICAL_PATTERNS = [
  String.raw`(?:sparks?|sparking|arcing)(?: (?:coming|flying))? (?:from|out of|in) (?:the |a |my )?(?:socket|plug|outlet|fuse ?box|consumer unit|wall|switch|light|wires?|cooker|oven|panel)|(?:socket|plug|outlet|switch|fuse ?box|consumer unit)(?: is| keeps)? (?:sparking|smoking|melting|melted|scorched)|(?:socket|plug|outlet|switch|fuse ?box|consumer unit)(?: is| gets| keeps getting| feels|'s) (?:really |very |so |too )?(?:hot|red hot|burning hot)(?! (?:tub|water|plate|tap)s?(?![a-z]))(?!-| swap| right now| seller| item| deal| pink)`,
  String.raw`(?:burning|electrical) smell|smell(?:s|ing)? (?:of )?(?:burning|electrical burning)|smoke (?:coming |pouring )?(?:from|out of) (?:the |a )?(?:socket|plug|outlet|wall|switch|fuse ?box|consumer unit|light|fan)`,
  String.raw`(?:bang|flash|crackl\w*|fizz\w*)(?: and a (?:flash|bang))? (?:from|in|coming from|behind|at) (?:the |my |a )?(?:socket|plug|fuse ?box|meter|consumer unit|wall|switch|outlet|light)|(?:meter|socket|fuse ?box|consumer unit|switch|plug)(?: is)? (?:making a )?(?:crackling|fizzing|buzzing|popping) (?:noise|sound)|smell(?:s|ing)? (?:like|of) (?:melting|burning) (?:plastic|rubber|wires?)`,
  // Round 19: machine-translated water into electrics ("there is water which enters in the electric box").
  // Round 19 review fix: and with a few words between the water and where it runs ("rain water is coming in and running
  // into the consumer unit"), in the same sentence.
  // Round 19 review fix (4): not after a negation ("doesn't", "won't"), nor in a purpose clause ("so (that) rain
  // doesn't …", "to stop water getting into …"), nor a water appliance ("the water softener going into the meter cupboard").
  String.raw`(?<!(?<![a-z])so that [^.!?\n]*)(?<!(?<![a-z])(?:stop|stops|prevent|prevents|keep|keeps|avoid|avoids)(?: the| any)? )(?:water(?! (?:softeners?|heaters?|tanks?|filters?|pumps?|butts?|meters?|bills?|company|boards?|features?)(?![a-z]))|rain|leak)(?: (?!(?:no|not|never|if|when|before|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|can'?t|cannot|couldn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|shouldn'?t|hasn'?t|haven'?t)(?![a-z]))[a-z']+){0,6}? (?:enter(?:s|ing)?|coming|comes|going|goes|getting|gets|leak(?:s|ing)|drip(?:s|ping)|runs|running|pouring|flows|flowing|seep(?:s|ing)|trickl(?:es|ing)) (?:in|into|inside|onto|on|in to|down into)(?: the| my| our| a)? (?:(?:electric(?:al|ity)?|fuse|breaker|meter|junction|distribution|circuit) (?:box|board|panel|cabinet|cupboard)|fuse ?box|consumer unit|sockets?|electrics)(?![a-z])`,
  String.raw`(?:gave|giving|gives|given) (?:me|him|her|us|my \w+) (?:a |an )?(?:electric )?shock|(?:switch|socket|plug|outlet|light fitting|wires?|wiring|cables?)[^.!?\n]{0,40}?(?:smoking|sparking)|exposed (?:live )?wir(?:es|ing)|live wires?|(?:got|get|getting|gets|had) (?:a |an )?(?:electric )?shock(?:ed)?|electric shock|electrocuted`,
];

export const FIRE_PATTERNS = [
  String.raw`(?:kitchen|house|flat|home|car|van|engine|socket|oven|cooker|building|shop|garage|bin|chip pan|fryer|extractor|something)(?: is|'s)? (?:on fire|in flames|burning)|(?:a |there'?s a |there is a )fire (?:in|at) (?:the|my|our)|caught fire|catching fire|(?:burst|went up|go up|going up) in(?:to)? flames`,
  String.raw`smoke (?:pouring|billowing|coming) (?:out of|from) (?:the )?(?:bonnet|engine|hood|oven|kitchen|roof)`,
  // Round 19: a fire told by its spreading (often the second issue of a message), not a wildfire in the news.
  String.raw`(?:the |a )?(?:fire|flames)(?: is| are|'s)? (?:now )?(?:spreading|getting bigger|out of control)(?! (?:in|across) (?:australia|california|greece|the news))|set (?:the|my|our|a|his|her) [a-z]+ (?:alight|on fire)(?![^.!?\n]*(?:last|yesterday|years? ago))`,
  // Round 19 review fix: told by other spreading verbs, with the fire's place between ("the fire in the kitchen is getting
  // bigger", "the flames from the bin have reached the fence and are moving towards the house").
  // Round 19 review fix (2): a fire's place that is not a fire (a figure of speech, a logo, a drawing), and a fire
  // growing where it is meant to burn (a fireplace, a barbecue, a fire pit; FIRE_MEANT_TO_BURN in its sentence) or
  // "reaching 2 metres"; a fire moving out of it (spreading to, heading for, reached the fence) is still one.
  String.raw`(?:(?:the|a|teh) )?(?:fire|flames|blaze)(?: (?:in|from|on|at) (?:the|my|our|a) (?!(?:belly|heart|soul|eyes|veins|logo|design|picture|drawing|painting|poster|image|icon|screen|game|video|film|movie|flag|cover)(?![a-z]))[a-z]+)?(?:(?: is| are|'s|'re| r)? (?:now |quickly |fast )?(?:(?:gett?ing (?:bigger|worse)|geting (?:bigger|worse)|growing|spreading(?! (?:to|into|onto|towards?)(?![a-z])))(?<!${FIRE_MEANT_TO_BURN}[^.!?\n]*)(?![^.!?\n]*${FIRE_MEANT_TO_BURN})|spreading (?:to|into|onto|towards?)(?![a-z])|reaching(?! (?:about |around |over |up to )?\d)|moving (?:towards|toward|to)|heading (?:towards|toward|for))|(?: has| have|'s|'ve) (?:now |already )?(?:reached(?! (?:about |around |over |up to )?\d)|spread (?:to|into|onto)))(?! (?:in|across) (?:australia|california|greece|canada|the news))`,
  String.raw`(?:battery|batteries|charger|e-?bike|e-?scooter|scooter|laptop|power bank|vape)(?: is| are| keeps)? (?:smoking(?! hot)|swelling|swollen|bulging|melting|sparking|hissing|on fire)`,
];

/**
 * Round 17: a dental emergency in the other languages (the English `dental_emergency` has no
 * counterpart there): a broken or knocked-out tooth, a filling, crown, veneer or splint that came
 * out or broke, or unbearable tooth pain, when the sender asks to be seen today or now
 * (`DENTAL_NOW_I18N`). Without the "today / now" the same words are ordinary scheduling ("ma
 * couronne est tombée, un rendez-vous la semaine prochaine ?"); "lost a tooth" is left out (a
 * child's milk tooth). The languages' past, negation and hypothetical cues guard it.
 */
/**
 * Round 17 review: a crown, a bridge or a tooth "of" something else is not a tooth: "se ha roto la
 * corona del reloj", "caiu a ponte do meu violino", "se rompió un diente del peine", "si è staccata
 * la corona della torta", "cassé une dent de mon peigne". Put after a verb-first noun group of
 * DENTAL_TROUBLE_I18N: the match fails when a genitive follows whose noun is not dental, a
 * place in the mouth or a person ("la corona del diente", "um dente da frente", "un diente de mi hijo",
 * "une dent de sagesse" still match).
 */
const OF_OTHER: Record<'fr' | 'es' | 'it' | 'pt', string> = {
  fr: String.raw`(?! (?:(?:de|du|des) |d')(?!(?:(?:la|le|ma|mon|sa|son|ta|ton|notre|votre|leur|l') ?)?(?:dents?|molaire|incisive|implant|gencive|devant|derrière|sagesse|lait|fond|haut|bas|côté|droite|gauche|fils|fille|enfant|bébé|mari|femme|père|mère)(?![a-zà-ÿ]))[a-zà-ÿ])`,
  es: String.raw`(?! (?:de|del) (?!(?:(?:la|el|los|las|mi|mis|su|sus|tu|tus) ?)?(?:diente|muela|incisivo|colmillo|implante|encía|delante|adelante|atrás|arriba|abajo|enfrente|lado|derecha|izquierda|juicio|leche|hij[oa]|niñ[oa]|bebé|marido|mujer|padre|madre)(?![a-zà-ÿ]))[a-zà-ÿ])`,
  it: String.raw`(?! (?:(?:di|del|della|dello|dei|delle) |dell')(?!(?:(?:mio|mia|suo|sua|tuo|tua) ?)?(?:dente|denti|molare|incisivo|impianto|gengiva|davanti|dietro|sopra|sotto|lato|destra|sinistra|giudizio|latte|figli[oa]|bambin[oa]|marito|moglie|padre|madre)(?![a-zà-ÿ]))[a-zà-ÿ])`,
  pt: String.raw`(?! (?:de|do|da|dos|das) (?!(?:(?:meu|minha|seu|sua|teu|tua|o|a) ?)?(?:dente|molar|incisivo|implante|gengiva|frente|trás|cima|baixo|lado|direita|esquerda|siso|leite|filh[oa]|bebé|bebê|marido|mulher|pai|mãe)(?![a-zà-ÿ]))[a-zà-ÿ])`,
};

const DENTAL_TROUBLE_I18N: LanguagePatterns = {
  de: [
    String.raw`(?:zahn|schneidezahn|vorderzahn|backenzahn)(?: ist| wurde)? (?:abgebrochen|ausgeschlagen|rausgefallen|herausgefallen|gebrochen)|(?:abgebrochen|ausgeschlagen)(?:e|er|en)? (?:zahn|schneidezahn|vorderzahn|backenzahn)|(?:füllung|plombe|krone|brücke|veneer|schiene)(?: ist| hat sich)? (?:raus|rausgefallen|herausgefallen|abgefallen|abgebrochen|gebrochen|gelöst)|(?:unerträgliche|höllische|wahnsinnige|extreme) zahnschmerzen|zahnschmerzen (?:sind )?(?:unerträglich|höllisch)|tut (?:höllisch|wahnsinnig|unerträglich) weh`,
  ],
  fr: [
    String.raw`cass[ée]e?s? (?:une |la |sa |ma |deux |des )?(?:dents?|incisives?|molaires?)${OF_OTHER.fr}|(?:dents?|incisives?|molaires?) (?:cassée?s?|fendue?s?)|(?:plombage|couronne|facette|bridge|gouttière|obturation)(?: est| s'est| vient de| a)? ?(?:tombée?|tomber|cassée?|casser|décollée?|décoller|détachée?|sauté)|(?:douleur|mal de dents?|rage de dents?)[^.!?\n]{0,20}?(?:insupportable|atroce|intenable)|rage de dents`,
  ],
  es: [
    String.raw`(?:roto|rompió|partido|partió|astillado)(?: un| una| el| la| me| se| le)* (?:diente|muela|incisivo|colmillo)${OF_OTHER.es}|(?:diente|muela|incisivo)s? (?:roto|partido|astillado)|(?:caído|cayó|salido|salió|roto|rompió|despegado|despegó|soltado|soltó)(?: un| una| el| la)? (?:empaste|corona|funda|carilla|puente|férula)${OF_OTHER.es}|(?:empaste|corona|funda|carilla|puente|férula)(?: se)?(?: ha| me ha)? (?:caído|cayó|salido|salió|despegado|despegó|roto|rompió)|dolor(?: de muelas| de dientes)? (?:insoportable|horrible|tremendo)`,
  ],
  it: [
    String.raw`(?:rotto|spezzato|scheggiato|rotta|spezzata)(?: un| il| uno| mi| si| gli| le| è)* (?:dente|incisivo|molare)${OF_OTHER.it}|(?:dente|incisivo|molare) (?:rotto|spezzato|scheggiato)|(?:otturazione|corona|capsula|faccetta|ponte|bite)(?: mi| si)?(?: è| e')? (?:caduta?|saltata?|staccata?|rotta?)|(?:caduta?|saltata?|staccata?)(?: la| l'| il)? ?(?:otturazione|corona|capsula|faccetta)${OF_OTHER.it}|(?:mal di denti|dolore)[^.!?\n]{0,20}?(?:insopportabile|atroce|lancinante)`,
  ],
  pt: [
    String.raw`(?:partiu|partir|parti|quebrou|quebrar|quebrei|lascou|lasquei|rachou|rachei)(?:-se)?(?:-me|-lhe)?(?: o| um| uma| a| me| se)* (?:dente|incisivo|molar)${OF_OTHER.pt}|(?:dente|incisivo|molar) (?:partido|quebrado|lascado|rachado)|(?:caiu|saiu|soltou|descolou|partiu|quebrou)(?:-me| me| se)?(?: a| o| uma| um)? (?:obturação|coroa|faceta|ponte|chumbo|restauração|goteira)${OF_OTHER.pt}|(?:obturação|coroa|faceta|ponte|chumbo|restauração|goteira)(?: se)? (?:caiu|saiu|soltou|descolou|partiu|quebrou)|dor(?: de dentes?)? (?:insuportável|horrível|fortíssima)|dente dói (?:imenso|muitíssimo|horrores)`,
  ],
  nl: [
    String.raw`(?:tand|kies|voortand|snijtand)(?: is)? (?:afgebroken|gebroken|uitgevallen|uitgeslagen|doormidden)|(?:afgebroken|gebroken) (?:tand|kies|voortand|snijtand)|(?:vulling|kroon|facing|brug|spalk)(?: is)? (?:eruit|los|eraf|afgebroken|gebroken|uitgevallen|losgeraakt)|(?:ondraaglijke|vreselijke|verschrikkelijke|helse) (?:kies|tand)pijn|(?:kies|tand)pijn (?:is )?(?:ondraaglijk|niet te harden)|(?:kies|tand) doet (?:vreselijk|zo|enorm|verschrikkelijk)(?: veel)? (?:pijn|zeer)`,
  ],
};

/** "Today / now" asked for with a dental trouble (DENTAL_TROUBLE_I18N). */
const DENTAL_NOW_I18N: LanguagePatterns = {
  de: [String.raw`heute|sofort|jetzt|gleich|so schnell wie möglich|schnellstmöglich|notfalltermin`],
  fr: [
    String.raw`aujourd'hui|maintenant|tout de suite|ce (?:matin|midi|soir)|cet après-midi|en urgence|d'urgence|au plus vite|dès que possible`,
  ],
  es: [String.raw`hoy|ahora|atender(?:nos|me|la|lo)? ya|ya mismo|cuanto antes|lo antes posible|de urgencia|urgente`],
  it: [String.raw`oggi|adesso|subito|stamattina|stasera|il prima possibile|d'urgenza|urgente`],
  pt: [String.raw`hoje|agora|ainda hoje|o quanto antes|o mais rápido possível|de urgência|urgente`],
  nl: [String.raw`vandaag|meteen|direct|zo snel mogelijk|vanochtend|vanmiddag|vanavond|spoed|nu (?:nog )?(?:langs|terecht|komen)`],
};

export const URGENCY_RULES: readonly SignalRule[] = [
  {
    id: 'flooding',
    type: 'urgency',
    severity: 'critical',
    confidence: 0.92,
    patterns: [
      String.raw`(?:burst|bust|brust|burts|busted|split|broken) (?:water )?(?:pipe|pipes|main|mains)`,
      String.raw`(?:pipe|pipes|water main|tank|cylinder|hose)(?: has| have|'s|s)?(?: just)? (?:burst|bust|brust|split|exploded|blown)`,
      String.raw`(?:flood(?:ed|ing|s)?|fludding|floding|flodding)`,
      String.raw`water(?: is| 's|'s)? (?:pouring|poring|gushing|pissing|spraying|streaming|flooding|everywhere)`,
      String.raw`water(?: is|'s)? (?:running|dripping|leaking|coming|pouring) (?:down|through|into|onto|over) (?:the |our |my )?(?:[a-z]+ )?(?:walls?|stairs|electrics|sockets?|floor|ceiling)`,
      String.raw`(?:tank|cistern|toilet|bath|sink|washing machine|dishwasher|loft)(?: is| are|s)? (?:overflowing|flooding|pouring)`,
      String.raw`sprung a leak|spraying everywhere|(?:filling|filled|fill) (?:up )?with water|water(?: is|'s)? (?:rising|coming up)|(?:leak|leaking)[^.!?\n]{0,30}?(?:everywhere|really bad|getting worse|fast)`,
      String.raw`(?:water|leak|leaking|dripping|coming)[^.!?\n]{0,25}?(?:through|thru|from|down|into|out of) (?:the |our |my |a )?(?:[a-z]+ ){0,3}?(?:ceiling|light fitting|light fitment|roof|electrics)`,
      String.raw`(?:ceiling|roof)(?: is|'s| has)? (?:leaking badly|collapsing|caving in|collapsed|coming down|bulging|sagging|about to (?:collapse|come down))|(?:ceiling|roof)(?: has| just)* (?:came|come|fallen|fell) (?:down|in)|about to (?:collapse|cave in)`,
      String.raw`(?:can'?t|cannot|can not|unable to) (?:turn|shut|switch) (?:off )?the (?:water|stopcock|stop tap|mains)(?: off)?`,
      String.raw`(?:sewage|sewerage)(?: is| has been)? (?:everywhere|coming up|backing up|in the|all over)|(?:toilet|drains?|sewer)(?: is| are|s)? (?:overflowing|backing up|backed up)`,
    ],
  },
  // Round 15: the gas and electrical rules read the other languages too (the guide makes both hazards urgency and safety).
  { id: 'gas_smell', type: 'urgency', severity: 'critical', confidence: 0.93, patterns: GAS_PATTERNS, languagePatterns: GAS_AND_CO_I18N },
  {
    id: 'electrical_hazard',
    type: 'urgency',
    severity: 'high',
    confidence: 0.88,
    patterns: ELECTRICAL_PATTERNS,
    languagePatterns: ELECTRICAL_I18N,
  },
  { id: 'fire_hazard', type: 'urgency', severity: 'critical', confidence: 0.9, patterns: FIRE_PATTERNS, languagePatterns: FIRE_I18N },
  {
    id: 'no_heating_vulnerable',
    type: 'urgency',
    severity: 'high',
    confidence: 0.88,
    patterns: HEATING_OUT,
    requires: { patterns: VULNERABLE },
  },
  {
    id: 'locked_out_child',
    type: 'urgency',
    severity: 'critical',
    confidence: 0.9,
    patterns: [
      String.raw`locked (?:my ?self |ourselves |us )?out`,
      String.raw`(?:keys?|key fob)(?: are| is)? (?:locked )?(?:inside|in the (?:car|house|flat))`,
      String.raw`(?:locked|shut) (?:in|inside) (?:the|my|our) (?:car|house|flat|bathroom)`,
    ],
    requires: { patterns: [CHILD] },
  },
  {
    id: 'locked_out',
    type: 'urgency',
    severity: 'high',
    confidence: 0.85,
    patterns: [
      String.raw`locked (?:my ?self |ourselves |us )?out(?: of)?(?: (?:the|my|our) (?:house|home|flat|car|shop|office))?`,
      String.raw`(?:can'?t|cannot) get (?:back )?(?:in|into) (?:the|my|our) (?:house|home|flat)`,
    ],
  },
  {
    id: 'booking_vanished',
    type: 'urgency',
    severity: 'high',
    confidence: 0.87,
    patterns: [
      String.raw`(?:booking|bookin|reservation|reservaton|table|appointment|appt)\b[^.!?\n]{0,60}?(?:disappeared|dissapeared|vanished|gone|missing|deleted|not (?:showing|there|in the system|on the system)|no longer (?:there|showing)|(?:been|was|got) cancell?ed)`,
      String.raw`(?:no record|can'?t find|cannot find|lost|cancell?ed|deleted)(?: of)? (?:my|our|the) (?:booking|reservation|table|appointment)`,
      String.raw`(?:no|can'?t find (?:a|any|our|my)|cannot find (?:a|any|our|my)) (?:booking|reservation|table|appointment) (?:under|for|in) (?:my|our|the) name|(?:it|the booking|the reservation|our booking|my booking)(?: was| has been| had been) cancell?ed`,
      String.raw`(?:sent|got|received|had) (?:a |an )?(?:cancell?ation|cancel(?:led)? (?:email|text|message))(?: (?:for|of) (?:my|our|the) (?:booking|reservation|table|appointment))?`,
    ],
    requires: {
      patterns: [
        String.raw`tonight|today|this (?:evening|afternoon|morning)|in (?:an|one|two|half an) hours?|in \d+ (?:minutes|mins|hours)|at \d{1,2}(?::\d\d)? ?(?:pm|am)?|for \d{1,2}[:.]\d\d|now`,
        String.raw`(?:we'?re|i'?m|we are|i am) (?:at the (?:door|desk|counter|restaurant|surgery|garage)|here|outside|already (?:here|in town|on (?:the|our|my) way)|on (?:the|our|my) way)|already (?:here|in town|on the bus|on (?:the|our|my) way)|(?:just )?(?:turned up|arrived|got here|here now)`,
      ],
    },
  },
  {
    id: 'dental_emergency',
    type: 'urgency',
    severity: 'high',
    confidence: 0.86,
    patterns: [
      String.raw`(?:knocked|broke|broken|snapped|cracked|chipped) (?:out )?(?:a |my |his |her |their |one of (?:my|his|her) )?(?:front )?(?:tooth|teeth)(?: out)?`,
      String.raw`(?:tooth|teeth)(?: has| have)? (?:been )?(?:knocked out|fell out|fallen out|came out)`,
      String.raw`(?:severe|unbearable|excruciating|agoni[sz]ing|horrendous|awful|terrible|throbbing) (?:tooth ?ache|tooth pain|pain in my (?:tooth|jaw|mouth)|jaw pain)`,
      String.raw`swelling (?:under|in|on|around|near|below) (?:my |his |her |the )?(?:jaw|face|cheek|eye|neck)|(?:tooth|teeth)(?: has| have| is| are)? (?:snapped|broken|broke|cracked|split|knocked)(?: in half)?|(?:infection|infected)[^.!?\n]{0,40}?(?:fever|temperature|swollen|swelling|spreading)|(?:nerve is exposed|exposed nerve)|pain is (?:unbearable|excruciating|agony|horrendous)|in (?:agony|absolute agony)`,
      String.raw`(?:bleeding|blood)(?: still)? (?:won'?t|will not|hasn'?t|has not|not) stop(?:ped)?`,
      String.raw`(?:face|jaw|cheek|gum)(?: is| has)? (?:swollen|swelling|swelled|ballooned)|(?:swollen|swelling (?:in|on)) (?:my |his |her )?(?:face|jaw|cheek)|abscess|absess|abcess`,
    ],
  },
  {
    id: 'dental_emergency_i18n',
    type: 'urgency',
    severity: 'high',
    confidence: 0.86,
    languagePatterns: DENTAL_TROUBLE_I18N,
    requires: { languagePatterns: DENTAL_NOW_I18N },
  },
  {
    id: 'vehicle_breakdown',
    type: 'urgency',
    severity: 'high',
    confidence: 0.85,
    patterns: [
      String.raw`(?:car|van|engine)(?:'s| has| just)* (?:died|cut out|conked out|packed up|stalled) (?:on|in|at)|(?:send|need|get) (?:a |some )?recovery|stuck (?:on|at) (?:the )?(?:verge|roadside|side of the road|hard shoulder|motorway|[am]\d+)|(?:engine|car|gearbox)(?: has| just)? (?:seized|seized up|blown up|blew up)|broken down|broke down|breakdown on|stranded|stuck on the (?:motorway|hard shoulder|side of the road|road)`,
      String.raw`(?:brakes?|steering)(?: have| has|'ve|s)? (?:just )?(?:failed|gone|stopped working|(?:are|is)n'?t working|not working)`,
      String.raw`(?:car|van|engine)(?: is|'s)? (?:smoking|on fire|overheating badly)|smoke (?:coming|pouring) (?:out of|from) (?:the )?(?:bonnet|engine|hood)`,
    ],
  },
  {
    id: 'security_breach',
    type: 'urgency',
    severity: 'high',
    confidence: 0.85,
    patterns: [
      String.raw`(?:been|just been|got|were|was) (?:burgled|broken into|robbed)|break[- ]in (?:last night|tonight|just now|this morning)|(?:front |back )?(?:door|lock|window)(?: is|'s)? (?:won'?t lock|smashed|kicked in)|(?:can'?t|cannot|won'?t) (?:lock|secure) (?:the|my|our) (?:door|house|flat|shop|home)`,
    ],
  },
  {
    id: 'vehicle_stranded_vulnerable',
    type: 'urgency',
    severity: 'high',
    confidence: 0.84,
    patterns: [
      String.raw`(?:car|van|vehicle|engine)(?: still| just)? (?:won'?t|will not|wont|doesn'?t|does not) (?:start|go|move|turn over)`,
    ],
    requires: {
      patterns: [...VULNERABLE, CHILD, String.raw`getting dark|middle of nowhere|on my own|by myself|alone|in the dark|at night`],
    },
  },
  {
    id: 'explicit_urgency',
    type: 'urgency',
    severity: 'medium',
    confidence: 0.8,
    patterns: [
      String.raw`urgent(?:ly)?|urgnet|urgant|emergency|emergancy|emergeny|emergencey`,
      String.raw`(?:need|needs|send|come|help)[^.!?\n]{0,40}?(?:right now|right away|straight away|immediately|asap|a\.s\.a\.p|as soon as (?:possible|poss|you can)|this (?:minute|second))`,
    ],
    languagePatterns: EXPLICIT_URGENCY_I18N,
  },
];
