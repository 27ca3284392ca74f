import type { Intent } from '../extraction.types';

/** Changing an existing booking: "can we move it to next week", "reschedule", "can we make it 8". */
const CHANGE_BOOKING = String.raw`\b(?:change|move|reschedule|rearrange|amend|bring\s+forward|push\s+back)\s+(?:my|our|the|his|her|this|your)?\s*(?:\w+\s+)?(?:booking|appointment|reservation|table|viewing|time|date|slot)\b|\b(?:move|change)\s+it\s+to\b|\breschedul\w*|\bcan\s+we\s+make\s+it\s+\d+|\badd\s+(?:\d+|one|two|three|four)\s+more\b|\b(?:bring|move)\s+(?:it|the\s+\w+|my\s+\w+)\s+forward\b|\bpush\s+(?:it|the\s+\w+)\s+back\b`;
/**
 * Round 15: adding to or changing a booking the customer already holds ("ich hab ein Zimmer … ob man
 * das Frühstück noch dazubuchen kann", "tengo una reserva del 20 al 23 … ¿se puede agregar una cama
 * extra?", "tengo reservada una doble … ¿se podría cambiar a una con dos camas?"): support, like
 * moving it. The held booking must come first in the same message, except German "dazubuchen".
 */
const ADD_TO_BOOKING = String.raw`(?:dazu|hinzu|nach)buchen|(?:tengo|tenemos)\s+(?:una\s+)?reserva(?:d[oa])?\b[^?!]{0,160}?(?:agregar|añadir|cambiar\s+a)|(?:j'ai|nous\s+avons)\s+une\s+réservation\b[^?!]{0,160}?(?:ajouter|changer|modifier)|(?:ho|abbiamo)\s+(?:una\s+)?prenotazione\b[^?!]{0,160}?(?:aggiungere|cambiare|modificare)|(?:tenho|temos)\s+(?:uma\s+)?reserva\b[^?!]{0,160}?(?:acrescentar|adicionar|mudar|alterar)|(?:ik\s+heb|we\s+hebben|wij\s+hebben)\s+een\s+(?:reservering|boeking)\b[^?!]{0,160}?(?:toevoegen|wijzigen|veranderen|bijboeken)|(?:i|we)\s+have\s+a\s+(?:booking|reservation)\b[^?!]{0,160}?\b(?:add|upgrade)\b|auf\s+[^?!\n]{0,30}?\sschieben\b`;

/**
 * Round 11: moving an existing booking told in other words, in the seven languages ("could we push
 * it to the afternoon", "move my cleaning from the 12th to", "shift the pickup to Saturday",
 * "Termin verschieben", "décaler mon rendez-vous", "commencer un jour plus tard", "cambiar la cita",
 * "spostare l'appuntamento", "remarcar", "afspraak verzetten"). With CHANGE_BOOKING it makes a
 * conversation support whatever the model says (the label guide: changing an existing booking is
 * support), unless a cancellation or complaint cue stands.
 */
export const RESCHEDULE = String.raw`(?<![\p{L}])(?:(?:move|shift|push|switch|bump|swap)\s+(?:it|my|our|the|this|that|her|him|his|their)\b[^.?!\n]{0,40}?\b(?:to|till|until|back|forward)\b|(?:could|can)\s+we\s+(?:do|make\s+it)\s+(?:a\s+)?(?:later|earlier|another)|verschieben|verlegen|umbuchen|décaler|reporter\s+(?:mon|notre|le|la)|changer\s+(?:mon|notre|la|le)\s+(?:rendez-vous|rdv|réservation|créneau|date|heure)|(?:commencer|arriver|venir)\s+un\s+jour\s+plus\s+tard|cambiar\s+(?:la|mi|nuestra|el)\s+(?:cita|reserva|turno|hora|fecha)|mover\s+(?:la|mi|el)\s+(?:cita|reserva|turno)|pasar(?:la|lo)?\s+(?:al|a\s+la|para)|aplazar|posponer|reprogramar|spostare|anticipare|posticipare|rinviare|cambiare\s+(?:l'appuntamento|la\s+prenotazione|data|orario)|remarcar|reagendar|adiar|mudar\s+(?:a|o)\s+(?:marcação|consulta|reserva|horário)|trocar\s+(?:o|a)\s+(?:horário|dia|data)|verzetten|verplaatsen|omboeken|andere\s+(?:dag|datum|tijd)|später\s+kommen|plus\s+tard\s+dans\s+la\s+journée|${ADD_TO_BOOKING})`;

const DAY = String.raw`(?:today|tomorrow|tonight|this\s+(?:week|weekend|morning|afternoon|evening)|next\s+week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|on\s+the\s+\d{1,2}(?:st|nd|rd|th)?)`;

/** One intent cue: regex sources matched on the normalised (lower-case) message. */
export interface IntentRule {
  intent: Exclude<Intent, 'other'>;
  id: string;
  patterns: readonly string[];
  confidence: number;
}

/** Patterns (a subset of a rule's) that, when they match, drop the listed intents in the same message. */
export interface IntentOverride {
  intent: Exclude<Intent, 'other'>;
  pattern: string;
  drops: readonly Intent[];
}

/**
 * When a message (or a conversation) holds cues for several intents, the first in this order wins:
 * asking to cancel outranks a complaint, a complaint outranks a booking, a booking outranks feedback
 * ("other"), and so on (see the label guide in docs/extraction.md).
 */
export const INTENT_PRECEDENCE: readonly Intent[] = ['cancellation', 'complaint', 'booking', 'other', 'pricing', 'support', 'enquiry'];

export const INTENT_RULES: readonly IntentRule[] = [
  {
    intent: 'cancellation',
    id: 'cancel',
    patterns: [
      // "cancel", "cancelling", "cancellation of" (not "cancellation policy"); "I cancelled" is past, but
      // "I want it cancelled" is a request.
      String.raw`\b(?:cancel|cancell?ing|cancell?ation\s+of)\b(?!\s+(?:policy|fee|charge|terms))`,
      String.raw`\b(?:want|like|need|get|have)\s+(?:it|this|that|them|my\s+\w+|the\s+\w+)\s+cancell?ed\b`,
      String.raw`\b(?:give|giving|hand\s+in|serve)\s+(?:my\s+|our\s+)?notice\b`,
      String.raw`\bcall(?:ing)?\s+off\b`,
      String.raw`\b(?:no\s+longer|don'?t|do\s+not)\s+(?:need|want|require)\b.{0,40}\b(?:booking|appointment|table|visit|order|service|anymore|any\s+more)\b`,
      String.raw`\b(?:end|terminate|close|stop)\s+(?:my|our|the)\s+(?:contract|tenancy|subscription|account|membership|plan)\b`,
      String.raw`\bunsubscribe\b`,
      String.raw`\bwithdraw\s+(?:my|our|the)\s+(?:offer|application|house|home|property|flat|booking|order|instruction)\b`,
      // Round 11: giving up a booking without the word "cancel".
      String.raw`\bwon'?t\s+be\s+(?:going\s+ahead|needing|coming|doing|using|taking)\b|\bnot\s+going\s+ahead\b|\bgive\s+it\s+a\s+miss\b|\bhold\s+off\s+on\b|\b(?:have|had|got)\s+to\s+pull\s+out\b|\bwon'?t\s+need\s+(?:it|the|our|my|them)\b|\bwon'?t\s+be\s+able\s+to\s+(?:make\s+it|come)\b`,
    ],
    confidence: 0.85,
  },
  {
    intent: 'complaint',
    id: 'complaint',
    patterns: [
      String.raw`\b(?:complain|complaint|complaining)\b`,
      String.raw`\b(?:not|never|wasn'?t|isn'?t|am\s+not|i'?m\s+not)\s+(?:very\s+|at\s+all\s+)?(?:happy|satisfied|impressed|pleased|acceptable|good\s+enough|on)\b`,
      String.raw`\b(?:unhappy|dissatisfied|disappointed|disappointing|unacceptable|not\s+acceptable|annoyed|fed\s+up|waste\s+of\s+(?:my|our)\s+time|appalling|disgusted|disgusting|disgraceful|shocking|outrageous|ridiculous|fuming|livid|furious|rubbish|useless|shoddy|incompetent|unprofessional|rude|a\s+joke|a\s+disgrace|a\s+nightmare|worst|scam|cowboys?)\b`,
      String.raw`\b(?:refund|money\s+back|compensation|reimburse)\b`,
      String.raw`\b(?:nobody|no\s+one|no-one|noone|never)\s+(?:has\s+|had\s+|ever\s+)?(?:replied|responded|got\s+back|called\s+(?:me\s+)?back|rang\s+(?:me\s+)?back|rung|phoned|contacted|been\s+in\s+touch|turned\s+up|showed\s+up|came|arrived)\b`,
      String.raw`\b(?:asked|reported\s+it|told\s+you)\s+(?:twice|(?:\d+|three|four|five|several|multiple)\s+times)\b`,
      String.raw`\b(?:worse|still\s+(?:not\s+)?(?:broken|leaking|not\s+(?:fixed|working|sorted)))\s+than\s+before\b|\bworse\s+than\s+before\b`,
      String.raw`\b(?:chase|chased|chasing)\b.{0,30}\b(?:times|again|weeks|days)\b`,
      String.raw`\b(?:phoned|called|rang|emailed|messaged|chased)\s+(?:you\s+)?(?:\d+|two|three|four|five|six|several|multiple|many|so\s+many)\s+times\b`,
      String.raw`\bstill\s+nothing\b|\bcan'?t\s+get\s+hold\s+of\b|\bdidn'?t\s+(?:even\s+)?apologi[sz]e|\bno\s+apology\b|\bnot\s+on\b(?!\s+(?:the|a|my|our|\w+day))|\bthe\s+difference\s+back\b`,
      String.raw`\bquoted\b.{0,40}\b(?:charged|bill|paid|invoice)\b|\b(?:charged|bill|invoice)\b.{0,40}\bquoted\b|\bwithout\s+(?:calling|asking|telling)\s+(?:me|us)\b`,
      String.raw`\b(?:waited|waiting)\s+(?:over|more\s+than|for\s+over|nearly|almost)\s+(?:an?\s+)?(?:hour|\d+\s+(?:hours|days|weeks))`,
      String.raw`\b(?:left\s+(?:us|me|my|our|the)\b.{0,40}\b(?:mess|hanging|without|bare|damage)|came\s+out\s+cold|was\s+cold|overcharged|charged\s+twice|double\s+charged|never\s+(?:got|received|came|arrived))\b`,
    ],
    confidence: 0.8,
  },
  {
    intent: 'booking',
    id: 'booking',
    patterns: [
      // "book", "booking", "reserve" - not "booking ref", "booking's under", "do I need to book".
      String.raw`(?<!\b(?:need|have)\s+to\s+)\b(?:book|booking|reserve|reservation)\b(?!'?s?\s+(?:is\s+)?(?:under|ref|reference|number|confirmation|code))`,
      String.raw`\b(?:table|room)\s+for\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b`,
      String.raw`(?<!\b(?:have|had|got)\s+)\b(?:an?|next|emergency|first|urgent)\s+(?:appointment|viewing|consultation|check-?up|slot|visit)\b(?!\s+booked)`,
      String.raw`\b(?:can|could|would|when\s+can|when\s+could|how\s+soon\s+(?:can|could))\s+(?:you|u|someone|somebody|one\s+of\s+your\s+\w+|(?:the|an?|your)\s+\w+)\s+(?:come|pop|go|get\s+(?:here|round|out)|see\s+(?:me|us|him|her))\b`,
      String.raw`(?:like|want|need)\s+(?:it|this|them|someone|somebody)\s+(?:to\s+)?(?:looked\s+at|look\s+at|fixed|done|sorted|seen|come)\b[^.?!]{0,30}\b${DAY}\b`,
      String.raw`\b(?:have\s+you\s+got|do\s+you\s+have|got)\s+any(?:thing|\s+(?:availability|slots?|space|appointments?))\b|\b(?:can|could)\s+(?:you|someone)\s+(?:collect|pick\s+up)\s+(?:the|my|our|it)\b`,
      String.raw`\bsend\s+(?:someone|somebody|(?:an?|the|your)\s+(?:engineer|plumber|electrician|technician|fitter|man|guy|person|builder|roofer|joiner|mechanic|locksmith|gas\s+engineer))\b|\bget\s+(?:me|him|her|them|us|it)\s+seen\b|\bwhen\s+can\s+you\s+start\b|\b(?:happy|ready)\s+to\s+go\s+ahead\b|\blet'?s\s+go\s+ahead\b|\b(?:to\s+)?view\s+(?:it|the\s+\w+)\b`,
      String.raw`\b(?:arrange|schedule|organise|organize|set\s+up)\s+(?:a|an|the)?\s*(?:visit|viewing|time|date|call-?out|valuation|inspection|survey|fitting|collection|test\s+drive)\b`,
      String.raw`\b(?:fit|squeeze|get)\s+(?:me|us|him|her|it|the\s+car)\s+in\b`,
      String.raw`\b(?:come|pop)\s+(?:out|round|over)\b.{0,30}\b${DAY}\b`,
      String.raw`\bcan\s+(?:we|i)\s+(?:do|make\s+it|have)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)\b`,
      String.raw`\b(?:can|could|may)\s+(?:i|we)\s+(?:view|see\s+it|come\s+(?:and|to)\s+(?:see|view)|visit|look\s+round|have\s+a\s+look\s+at\s+it)\b`,
      String.raw`\b(?:can|could|may)\s+(?:i|we)\s+(?:bring|drop)\s+(?:it|them|the\s+\w+|my\s+\w+|our\s+\w+)\s+(?:in|off|round)\b`,
      String.raw`\b(?:can|could)\s+(?:you|u)\s+(?:do|fit|service|look\s+at|repair)\b[^?!]{0,50}\b${DAY}\b`,
      String.raw`\b(?:if\s+possible|ideally|preferably)\s+(?:on\s+)?${DAY}\b`,
      String.raw`\b(?:i'?d|i\s+would|we'?d|we\s+would)\s+like\s+to\s+(?:order|buy|purchase)\b|\b(?:can|could)\s+i\s+order\b|\bplace\s+an\s+order\b`,
    ],
    confidence: 0.75,
  },
  {
    intent: 'pricing',
    id: 'pricing',
    patterns: [
      String.raw`\bhow\s+much\b`,
      String.raw`\b(?:price|prices|pricing|cost|costs|quote|quotation|estimate|fee|fees|rates?|charges?|tariff|commission)\b(?!\s+match)`,
      String.raw`\bwhat\s+(?:do|would|will)\s+you\s+charge\b`,
      String.raw`\b(?:cheaper|discount|deal|offer)s?\b\??`,
      // Round 11: a price asked without the word ("what would a twin room come to", "what would
      // lessons run for", "roughly what am I looking at", "ballpark", "minimum spend").
      String.raw`\bwhat(?!\s+time\b)\b[^.?!]{0,60}?(?:'s|\b(?:would|will|does|do|is))\s+(?:[\w'-]+\s+){0,6}?(?:come\s+to|run\s+(?:me|us|to|for)|set\s+(?:me|us)\s+back)\b|\bwhat\s+(?:am|are)\s+(?:i|we)\s+looking\s+at\b|\bball\s?park\b|\bminimum\s+spend\b`,
    ],
    confidence: 0.75,
  },
  {
    intent: 'support',
    id: 'support',
    patterns: [
      String.raw`\b(?:not|isn'?t|aren'?t|stopped|won'?t|doesn'?t|don'?t|hasn'?t)\s+(?:working|work|start|starting|turn(?:ing)?\s+on|charging|draining|heating|flushing|arrived|come|turned\s+up)\b`,
      String.raw`\b(?:broken|broke|leak|leaking|leaks|faulty|fault|damaged|dripping|blocked|cracked|fallen\s+out|came\s+off|stuck|error|warning\s+light|noise|rattl\w*|grinding|no\s+(?:hot\s+water|heating|power))\b`,
      String.raw`\bwhere(?:'s|\s+is)\s+(?:my|our)\s+(?:order|parcel|delivery|package|refund)\b`,
      String.raw`\b(?:track|tracking|return|returns|returning|exchange|replacement|replace|repair|fix|sort\s+out|look\s+at)\b`,
      String.raw`\bhow\s+(?:do|can)\s+i\b`,
      String.raw`\b(?:help|problem|issue)\s+(?:with|me)\b|\bcan\s+you\s+help\b`,
      String.raw`\b(?:change|move|update|amend)\s+(?:my|the|our)\s+(?:booking|appointment|order|address|delivery|details)\b`,
      String.raw`\b(?:call|ring|text|let)\s+(?:me|my\s+\w+|him|her)\b.{0,40}\b(?:when|once)\b.{0,20}\b(?:ready|done|finished)\b`,
      String.raw`\b(?:damp|mould|mold|condensation)\b`,
      String.raw`\bkeeps\s+(?:\w+ing|cutting\s+out|going\s+off)\b|\bstill\s+(?:showing|says|saying|processing|pending)\b|\b(?:new|updated?|changed?)\s+(?:my\s+)?(?:address|number|mobile|email|phone|details)\b|\bmoved\s+house\b`,
      String.raw`\b(?:says|saying|shows|showing)\s+(?:invalid|error|declined|failed)\b|\binstead\s+of\s+(?:my|the|our)\b|\bsomeone\s+else'?s\s+(?:order|parcel)\b`,
      String.raw`\b(?:has|have|'s|is)\s+(?:come|fallen)\s+(?:out|off|loose)\b`,
      String.raw`\bwater\s+(?:is\s+)?(?:coming|pouring|leaking|dripping|getting)\s+(?:through|in|from|into|out)\b`,
      String.raw`\b(?:left|lost|forgot|dropped)\s+(?:my|our|a|an|his|her)\b`,
      String.raw`\b(?:wrong\s+(?:size|item|colour|color|mileage|address|date|amount|one|product|order)|but\s+got\s+(?:a|an|the)?|send\s+the\s+right)\b`,
      String.raw`\b(?:click\s+and\s+collect|pick\s+up\s+(?:my|the|our)\s+\w+|collect\s+(?:my|the|our)\s+order)\b`,
      String.raw`\b(?:can|could)\s+(?:someone|somebody|you)\s+(?:call|ring|phone)\s+(?:me|us)\b`,
      String.raw`\b(?:playing\s+up|is\s+out\s+again|out\s+again|keeps\s+tripping|tripping|rubbing|adjust(?:ed|ing|ment)?|correct\s+(?:it|this|that))\b`,
      String.raw`\bis\s+(?:my|our|the)\s+\w+\s+(?:ready|done|finished)\b|\bwhen\s+(?:will\s+(?:it|my\s+\w+)\s+be|(?:it|my\s+\w+)\s+will\s+be)\s+(?:ready|done|finished)\b`,
      String.raw`\b(?:order|parcel|delivery|package)\b.{0,60}\bwhere(?:'s|\s+is)\s+it\b`,
      CHANGE_BOOKING,
    ],
    confidence: 0.7,
  },
  {
    intent: 'enquiry',
    id: 'enquiry',
    patterns: [
      String.raw`\b(?:do|does|did|can|could|will|would|are|is)\s+(?:you|your|it|they|there|that|this|the\s+\w+)\b[^.?!]*\?`,
      String.raw`\b(?:i'?m|we'?re|i\s+am|we\s+are)\s+after\s+(?:a|an|some)\b|\blooking\s+to\s+(?:rent|buy|move)\b`,
      String.raw`\b(?:do|does|can)\s+you\s+(?:do|have|offer|sell|fit|stock|cover|deliver|take|accept|work|open|service|repair|install|price\s+match|provide)\b`,
      String.raw`\b(?:opening\s+(?:hours|times)|open\s+(?:on|at|till|until)|what\s+time|where\s+are\s+you|are\s+you\s+open|still\s+available|in\s+stock|dog\s+friendly|wheelchair|parking)\b`,
      String.raw`\b(?:looking\s+for|interested\s+in|wondering|enquir(?:e|y|ing)|inquir(?:e|y|ing)|question\s+about|information\s+(?:on|about))\b`,
      String.raw`\b(?:what|which|when|where|who)\b[^.?!]*\?`,
      String.raw`\b(?:can|could|may)\s+(?:i|we)\b[^.?!]*\?|\b(?:mailing|waiting)\s+list\b|\bregister\s+(?:my\s+)?interest\b|\b(?:let|email)\s+me\s+know\s+when\b`,
    ],
    confidence: 0.6,
  },
];

/**
 * Thanks or praise for work done, without a request: feedback, labelled "other". It outranks
 * pricing, support and enquiry cues in the same message ("thanks for sorting the leak").
 */
export const FEEDBACK_PATTERNS: readonly string[] = [
  String.raw`\b(?:thank\s+you|thanks|cheers)\s+(?:so\s+much\s+|very\s+much\s+|again\s+)?(?:to\s+\w+\s+)?for\s+(?:sorting|fixing|coming|getting|doing|the\s+(?:great|quick|fast|lovely|brilliant)|your\s+help|all\s+your|looking\s+after|being)\b`,
  String.raw`\b(?:great|brilliant|fantastic|excellent|amazing|good|top|superb|cracking|lovely)\s+(?:job|work|service|meal|evening|night|food)\b`,
  String.raw`\b(?:well\s+done|just\s+wanted\s+to\s+say|really\s+impressed|drives\s+like\s+new|highly\s+recommend|will\s+(?:definitely\s+)?recommend|5\s+stars|five\s+stars)\b`,
  String.raw`\b(?:thank\s+you|thanks)\s+(?:so\s+much\s+)?to\s+(?:dr|mr|mrs|ms|miss|the\s+team|your\s+team|\w+)\b`,
  // Round 15: praise without "thanks for", and a purpose that is none of the intents (a job
  // application or a sales pitch: the label guide's "other").
  String.raw`\b(?:thanks\s+a\s+million|you(?:'re|\s+are)\s+(?:all\s+)?(?:stars|legends|the\s+best|amazing|wonderful))\b`,
  String.raw`\b(?:taking\s+on\s+(?:any\s+)?(?:apprentices|staff|trainees)|taking\s+anyone\s+on|(?:my|our)\s+(?:cv|resume)|apply\s+for\s+(?:a|the|any)\s+(?:job|position|role|vacancy)|free\s+(?:demo|trial)\s+(?:on|of|for)|open\s+to\s+a\s+free\s+trial)\b`,
];

/**
 * Changing an existing booking is support, not a new booking: in a message where one of these
 * matches, booking cues ("my appointment", "table for 6") are dropped.
 */
export const INTENT_OVERRIDES: readonly IntentOverride[] = [
  {
    intent: 'support',
    pattern: `${CHANGE_BOOKING}|${RESCHEDULE}`,
    drops: ['booking'],
  },
];

/** Confidence of the support finding a change-booking cue gives (INTENT_OVERRIDES); it stands in decideIntent. */
export const CHANGE_BOOKING_CONFIDENCE = 0.9;
