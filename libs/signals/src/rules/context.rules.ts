/**
 * Context cues shared by every rule (regex sources over normalised text). The detector looks
 * for negation just before a match in its clause, hypothetical or enquiry cues earlier in its
 * sentence, and past or third-party story cues anywhere in its sentence.
 */
export const FIGURATIVE_PATTERNS: readonly string[] = [
  String.raw`(?:is|are|'s|was|were|it'?s|that'?s|they'?re|you'?re|prices?|cost|bill|wait|queue|heat|traffic|this|feet|legs|back) (?:(?:literally|absolutely|actually|honestly|just|really|slowly) )?kill(?:ing|s) (?:me|us|my)`,
  String.raw`killing it|killer (?:deal|price|offer|burger|view|heels)|(?:i'?d|would|could) kill for|kill (?:some )?time|to die for|dying (?:to|for)|dying of (?:laughter|embarrassment|boredom)|(?:nearly|almost) died (?:laughing|of)|died laughing|dead (?:tired|easy|good|busy|chuffed|on)|drop dead|i'?m dead|dead (?:battery|phone)`,
  String.raw`(?:phone|battery|laptop|tablet|ipad|charger|torch|remote|tv|telly|printer|speakers?|headphones|watch|fitbit|bulb|wifi|internet|signal)(?: has| just| totally|'s|s)* (?:died|dead|dying|gone dead)`,
  String.raw`(?:nearly|almost|practically|about to|going to|gonna|gave me|give me|giving me|have|had) (?:a )?heart attack (?:when|at|over|reading|seeing|looking)|gave me a heart attack|stroke of (?:luck|genius)|choking hazard|heart attack on a plate`,
  String.raw`(?:you'?re|you are|she'?s|he'?s|they'?re|we'?re|team'?s?|sales are|prices are|business is) on fire|fire (?:away|sale|door|alarm test|extinguisher service|safety (?:check|certificate))|fired up`,
  String.raw`(?:it|that|this|reality|the bill|the news|the price) (?:just |really )?hit me|costs? (?:a )?bomb|(?:the|da) bomb|blow(?:ing|n)? (?:up )?my (?:phone|mind)|mind[- ]?blowing|shoot me (?:an? |the )?(?:email|text|message|quote|line|dm)|shoot (?:over|across)|bang for (?:your|the|my) buck`,
  String.raw`flood(?:ed|ing)? (?:of|with) (?!water|sewage|rain|mud|dirty|waste)[a-z]+|flood(?:ed|ing) (?:the|our) (?:market|inbox)|flood ?lights?|flash ?flood (?:warning|insurance)`,
  String.raw`could murder (?:a|an|some)|murder (?:a|an) (?:pint|curry|burger|coffee|pizza|kebab)|(?:i'?m|i am) (?:literally )?starving|bleeding (?:hell|heck|nora|cheek|expensive|ridiculous|joke)|scream(?:ing)? (?:for|with) (?:joy|ice cream)`,
  String.raw`(?:gas|gass) (?:bill|prices?|safe(?:ty)? (?:check|certificate|cert|register)|engineer|hob|cooker|boiler service|supplier|meter reading|card|top[- ]?up|mark)`,
];

export const NEGATION_CUES: readonly string[] = [
  String.raw`not|no|never|nothing|none|nobody|neither|nor|without|hardly|barely|no longer|no need to|no need for`,
  String.raw`(?:do|does|did|is|are|was|were|ca|could|would|should|wo|have|has|had|ai|must|need)n'?t|cannot|can not|isnt|dont|doesnt|didnt|arent|wasnt|werent|havent|hasnt`,
  String.raw`(?:there'?s|there is) no|(?:false alarm|all good|all fine|sorted now|resolved now)`,
];

export const HYPOTHETICAL_CUES: readonly string[] = [
  String.raw`what (?:would|should|do|does|happens|would happen|if)\b[^.!?\n]{0,30}\bif|what if|in case|in the event|hypothetically|just in case|suppose|supposing|imagine|say if|if ever|in an? (?:emergency|crisis)`,
  String.raw`do (?:you|u|ya) (?:deal with|do|offer|cover|handle|fix|repair|sort out|provide|charge|treat|work on|attend|come out for|get|take|accept|see)|(?:do|does|would|will) (?:you|u) (?:guys|lot|folks) |are (?:you|u) (?:able to deal|qualified|insured|open)`,
  String.raw`how (?:much|do i|would i|should i|do you|long|quickly|fast|soon)|what'?s your|what is your|what are your|is there an? (?:number|line|service|charge|fee|price)|(?:any|your|a) (?:policy|advice|tips?|guidance|procedure) (?:on|for|about)|asking for a friend`,
  String.raw`(?:tips?|advice|guide|article|blog|faq|course|leaflet|training|poster|insurance policy|prevent(?:ing)?|avoid(?:ing)?|protect against|signs of|checklist) (?:on|for|about|to|against|covers?|of)`,
  String.raw`whenever|what do (?:i|you|we) do when|in winter|usually|should i|just (?:wondering|asking|curious)`,
];

/** Conditional cues, looked for earlier in the same clause ("if you smell gas, leave"). */
export const CONDITIONAL_CUES: readonly string[] = [String.raw`if|unless|in case|should (?:a|the|you|there)|even if`];

/** A negation cue does not negate inside a complaint question ("why can't I talk to a person?"). */
export const NEGATION_OVERRIDES: readonly string[] = [String.raw`why|how come|what do you mean`];

export const PAST_CUES: readonly string[] = [
  String.raw`last (?:year|winter|summer|spring|autumn|fall|month|christmas|time|decade)|(?:years|months|ages|decades|weeks) ago|a (?:few |couple of )?(?:years?|months?|decades?) ago|back in (?:19|20)\d\d|in (?:19|20)\d\d`,
  String.raw`when i was (?:a kid|young|little|younger|a child|at (?:school|uni))|(?:i|we|they|he|she|my \w+) used to|once had|(?:had|has) (?:had )?(?:one|the same|that) (?:before|happen)|in the past|previously|years back|remember when|reminds me of`,
  String.raw`(?:my|our|a) (?:neighbou?rs?|friends?|mates?|sister|brother|cousin|colleague|uncle|aunt|auntie|nan|parents?|in-laws|boss|friend of mine)(?:'s?)? (?:had|once|told|said|was|got|went)|(?:happened|happen) to (?:my|a|our) |(?:on|in|watching|saw|read) (?:the )?(?:news|tv|telly|film|movie|show|episode|book|story|podcast)|documentary|novel|fixed now|sorted now|all fixed|was fixed|got fixed`,
];

export const INTENSIFIER_PATTERNS: readonly string[] = [String.raw`right now|asap|immediately|straight away|help me|please help|help!|!!+`];
