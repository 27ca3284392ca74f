import type { SignalRule } from './signal-rules.types';
import {
  ABUSE_I18N,
  BREATHING_I18N,
  CLINICAL_I18N,
  ELECTRICAL_I18N,
  FIRE_I18N,
  GAS_AND_CO_I18N,
  MEDICAL_I18N,
  MEDICAL_PERSON_I18N,
  SELF_HARM_I18N,
  VEHICLE_CONTROL_I18N,
  VEHICLE_DRIVING_I18N,
  VIOLENCE_I18N,
  WEAPON_I18N,
  joinLanguagePatterns,
} from './safety.rules.i18n';
import { ELECTRICAL_PATTERNS, FIRE_PATTERNS, GAS_PATTERNS } from './urgency.rules';

const PERSON = String.raw`(?:you|ya|u|him|her|them|the (?:delivery |)(?:guy|man|lad|driver|courier|waiter|waitress|bloke|woman)|your (?:staff|chef|manager|boss|family|kids|wife|husband)|the (?:manager|owner|chef|plumber|driver|mechanic|dentist|landlord|staff)|someone|somebody|every ?one|every ?body|all of you)`;

/** Round 19 review fix: breathing as a practice ("trouble with breathing exercises"), not a symptom. */
const NOT_A_PRACTICE = String.raw`(?! (?:exercises?|techniques?|drills?|classes?|lessons?|sessions?|practice|apps?|courses?|work|patterns?|rhythm)(?![a-z]))`;

/** Round 19 review fix: a sign of distress in the sentence of a breath rate (before or after it). */
const DISTRESS_EN = String.raw`(?<![a-z])(?:only|barely|hardly|just about|won'?t wake|will not wake|not waking|(?:can'?t|cannot) (?:wake|rouse)|unresponsive|not responding|drowsy|unconscious|lips (?:are |look |turning |have gone )?(?:blue|grey|gray)|(?:blue|grey|gray) lips|(?:breathing|breathes) (?:is )?(?:very |really |so |too )?(?:slow(?:ly)?|shallow(?:ly)?|fast|rapid(?:ly)?))(?![a-z])`;
const WITH_DISTRESS_EN = String.raw`(?:(?<=${DISTRESS_EN}[^.!?\n]*)|(?=[^.!?\n]*${DISTRESS_EN}))`;

export const SAFETY_RULES: readonly SignalRule[] = [
  {
    id: 'self_harm',
    type: 'safety',
    severity: 'critical',
    confidence: 0.9,
    patterns: [
      String.raw`(?:kill|killing|hurt|hurting|harm|harming|cut|cutting) my ?self|self[- ]?harm(?:ing)?|suicid(?:e|al)|sucidal|suicidle`,
      String.raw`want (?:it all|everything) to stop|take (?:all )?(?:my|the) (?:pills|tablets)|end(?:ing)? (?:it all|my life|things|my own life)|take my (?:own )?life|(?:want|wanna|going) to die|don'?t want to (?:live|be alive|be here anymore|wake up)`,
      String.raw`no (?:reason|point) (?:to|in) (?:live|living|going on)|better off dead|(?:would|will|'d) (?:all )?be better off without me|(?:can'?t|cannot) go on (?:any ?more|like this)|(?:took|taken|take) an overdose|overdos(?:e|ing) on purpose`,
      String.raw`(?:taken|took|swallowed) (?:all|every one of) (?:the|my) (?:sleeping )?(?:pills|tablets)|(?:won'?t|will not) be (?:around|here) (?:much )?(?:longer|anymore|tomorrow)|(?:don'?t|dont|do not) think (?:i'?ll|ill|i will) be (?:around|here) (?:much )?(?:longer|anymore|tomorrow)`,
    ],
    languagePatterns: SELF_HARM_I18N,
    guards: { past: false },
  },
  {
    id: 'violence_threat',
    type: 'safety',
    severity: 'high',
    confidence: 0.88,
    patterns: [
      String.raw`(?:i'?ll|i will|i'?m (?:going to|gonna|gunna)|im (?:going to|gonna)|gonna|going to|i'?d like to|i want to|will) (?:kill|stab|shoot|hurt|batter|beat(?: up)?|punch|smash (?:your|the) face in|strangle|murder|knock (?:your|the) (?:teeth|head)|glass) ${PERSON}`,
      String.raw`burn (?:your|the|this) (?:place|shop|restaurant|house|garage|van|office)(?: down)?|(?:come|coming) (?:round|over|down) (?:there )?(?:and|to) (?:sort|smash|wreck|hurt|kill|deal with)|i know where (?:you|u) live|watch your back|you'?(?:ll|re going to) (?:regret|pay for) (?:this|it)`,
      String.raw`(?:bring|bringing|got|has|have) (?:a |my )?(?:knife|gun|machete|baseball bat)|threatening (?:people|us|me|staff|my staff|customers|someone|everyone)`,
      // Round 19: a gun pointed or waved at people (not at a target, not a water pistol).
      String.raw`(?:pointing|aiming) (?:a|his|her|their|the|that) (?:loaded )?(?:gun|pistol|rifle|shotgun|revolver|firearm|handgun) at (?!(?:the |a |his |her |their )?(?:targets?|range|ground|floor|paper|sky)(?![a-z]))[a-z]+|(?:waving|brandishing) (?:a|his|her|their|the|that) (?:loaded )?(?:gun|pistol|rifle|shotgun|revolver|firearm|handgun|machete)(?![a-z])`,
      String.raw`threaten(?:ed|ing|s)? to (?:beat|hurt|kill|stab|hit|punch|batter|smash|attack|do me)|(?:banging|hammering|pounding|kicking) (?:on|at) (?:the|my|our) (?:door|windows?)`,
      String.raw`(?:threaten(?:ed|ing|s)?|attack(?:ed|ing)|assault(?:ed|ing)|punch(?:ed|ing)|kicked|shoved|pushed|grabbed|knocked|slapped|spat at|hit) (?:me|us|my (?:son|daughter|kids?|child|wife|husband|partner|staff|mum|dad|colleague|friend))`,
      String.raw`(?:he|she|they)(?:'ll| will| is going to| are going to|'s going to|'re going to| said (?:he|she|they)(?:'d| would)) (?:kill|hurt|stab|shoot|beat|batter|attack) (?:me|us|my)`,
      String.raw`(?:kick|kicking|smash|smashing|break|breaking|bash|bashing)(?: down| in)? (?:the|my|our) (?:door|window)(?: down| in)?|(?:breaking|broken|broke) in(?:to)? (?:my|our|the) (?:house|flat|home)|someone (?:is )?trying to (?:get|break) in`,
    ],
    languagePatterns: joinLanguagePatterns(VIOLENCE_I18N, WEAPON_I18N),
    guards: { hypothetical: false },
  },
  {
    id: 'abuse_disclosure',
    type: 'safety',
    severity: 'high',
    confidence: 0.86,
    patterns: [
      String.raw`(?:he|she|they|my (?:partner|husband|wife|boyfriend|girlfriend|bf|gf|dad|father|step ?dad|mum|mom|mother|ex|landlord|carer|son|brother|flatmate))(?: has| keeps| often| always)? (?:hits?|hitting|beats?|beating|beat|hurts|hurt|abuses|abused|abusing|chokes|choked|strangled|kicked|punched|slapped|threatens|threatened|raped|assaulted) (?:me|us|my (?:kids|children|son|daughter|mum))`,
      String.raw`domestic (?:abuse|violence)|(?:i'?m|i am|being|been|was) (?:abused|assaulted|raped|sexually assaulted|beaten up)|sexual(?:ly)? (?:assault(?:ed)?|abuse[d]?|harass(?:ed|ment)?)|touched me inappropriately`,
      String.raw`(?:ex|partner|husband|wife|boyfriend|girlfriend)[^.!?\n]{0,40}?(?:turned up|outside (?:the|my|our)|won'?t leave|following me|stalking)|(?:grabbed|groped|touched|cornered|followed) me|(?:feel|feeling|felt) (?:unsafe|in danger|threatened)|(?:don'?t|do not) feel safe|(?:scared|afraid|frightened|terrified) (?:to go home|of (?:my|him|her) (?:partner|husband|wife|boyfriend|girlfriend|dad)?)|not safe (?:at home|in my (?:own )?home)`,
    ],
    languagePatterns: ABUSE_I18N,
    guards: { past: false },
  },
  {
    id: 'medical_emergency',
    type: 'safety',
    severity: 'critical',
    confidence: 0.9,
    patterns: [
      String.raw`(?:vomiting|coughing|throwing up|spitting|being sick) (?:up )?blood|(?:feel|feeling|felt|feels|are feeling|is feeling) (?:faint|dizzy|light-?headed)|(?:can'?t|cannot|can not) get (?:any )?air|(?:isn'?t|is not|not) responding|(?:trouble|difficulty|struggling|problems) breathing|short of breath|chest (?:feels |is )?tight|tight chest|(?:having|had|getting) (?:a |an )?(?:bad |severe |serious )?(?:allergic )?reaction (?:to|from)|(?:can'?t|cant|cannot|can not|struggling to|unable to|hard to) breath(?:e|ing)?|(?:not|isn'?t|stopped) breathing|chest pains?|heart attack|having a stroke|(?:had|has|is having|having) a (?:seizure|fit)`,
      String.raw`(?:i|he|she|someone|somebody|they|my \w+|(?:a|the|this|that) (?:customer|man|woman|child|kid|boy|girl|baby|person|guy|lady|gentleman|guest|diner|patient|driver)(?: [a-z0-9]+){0,4}?)(?: has| have|'s| is| just| suddenly)* (?:collapsed|fainted|passed out|gone unconscious|unconscious|unresponsive|choking|choked)`,
      // Round 18 review: stroke (FAST) signs told without the word: a face drooping on one side, slurred speech.
      String.raw`(?:face|mouth|smile)(?: has| is|'s)? (?:suddenly |just )?(?:dropped|drooping|droopy|sagging|gone droopy)(?: (?:on|down) one side)?|(?:speech|words?|talking) (?:is |are |has gone |have gone |is all )?(?:suddenly )?slurred|slurring (?:his|her|their|my) words`,
      String.raw`anaphyla(?:xis|ctic)|anaphalaxis|(?:severe |bad |serious )?allergic reaction|throat (?:is )?(?:closing|swelling|swollen)|epi ?pen|lips? (?:are |is )?(?:swelling|swollen)`,
      String.raw`(?:bleeding|blood) (?:heavily|everywhere|a lot|badly|won'?t stop|will not stop|that won'?t stop)|(?:won'?t|will not|can'?t) stop (?:the )?bleeding|call(?:ing)? (?:an )?ambulance|(?:call|ring|dial) 999|(?:call|ring|dial) 911`,
    ],
  },
  {
    id: 'medical_emergency_i18n',
    type: 'safety',
    severity: 'critical',
    confidence: 0.88,
    languagePatterns: MEDICAL_I18N,
    requires: { languagePatterns: MEDICAL_PERSON_I18N },
  },
  {
    // Round 19: a soft rule (cueVeto): a guard that suppresses one of these broader matches ("o sangue
    // não para") leaves the classifier's finding standing, and the classifier's cue vetoes (a pet, no
    // need for anyone any more) drop it.
    id: 'medical_emergency_clinical',
    type: 'safety',
    severity: 'critical',
    confidence: 0.86,
    cueVeto: true,
    patterns: [
      // Round 19: the same emergencies in clinical or machine-translated words ("the patient presents with
      // shortness of breath", "the elderly is having difficulty of breathing", "breathing slow, 6 breaths a
      // minute", "pinpoint pupils", "surfaced too fast"), heavy bleeding, a child locked in a car.
      String.raw`(?:difficulty|difficulties|trouble|problems?) (?:of|in|with|to|for) breath(?:e|ing)${NOT_A_PRACTICE}|(?:breathing|breaths?|respirations?)(?: is| are| has become| very| really| so| now)* (?:slow|shallow|laboured|labored)(?![a-z])(?! and (?:deep|steady|calm|relaxed))|dyspn(?:o)?ea|respiratory distress|shortness of breath|(?:pinpoint|tiny) pupils|pupils (?:are |were )?(?:pinpoint|tiny|fixed)(?![a-z])|(?:has|got|with|signs of|symptoms of) (?:decompression sickness|the bends)|(?:surfaced|ascended|came up|shot up) too (?:fast|quickly|rapidly)|(?:lots of|a lot of|so much) blood(?! (?:tests?|donations?|donors?|work|sugar|pressure|types?|orange|moons?)(?![a-z]))|bleeding (?:profusely|heavily)|(?:presents|presenting|presented) with (?:acute |sudden |severe )?(?:confusion|seizures?|loss of consciousness|altered (?:mental status|consciousness)|haemorrhage|hemorrhage|heavy bleeding)|altered (?:mental status|level of consciousness)`,
      // Round 19 review fix: a breath rate is a symptom only with a sign of distress in its sentence ("only about six
      // breaths a minute and will not wake properly"), not a coach's or a mask box's "30 breaths a minute".
      String.raw`(?:[1-9]\d?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) breaths (?:a|per|each) minute${WITH_DISTRESS_EN}`,
      String.raw`(?:baby|toddler|infant|child|kid|son|daughter|[1-9]\d?[ -](?:month|year|yr)s?[ -]old)(?: is| are|'s| has been| have been)? (?:locked|trapped|stuck|shut) (?:in|inside) (?:the|a|my|our|his|her) (?:hot )?car(?![a-z])|(?:locked|left) (?:the |my )?keys (?:in|inside) (?:the|my|our) car with (?:my|the|our) (?:baby|toddler|child|kid|son|daughter|[1-9])`,
    ],
  },
  {
    id: 'medical_emergency_clinical_i18n',
    type: 'safety',
    severity: 'critical',
    confidence: 0.85,
    cueVeto: true,
    languagePatterns: CLINICAL_I18N,
    requires: { languagePatterns: MEDICAL_PERSON_I18N },
  },
  {
    // Round 19 review fix: breathing told clinically with no person word (a breath rate with a sign of distress,
    // breathing slow or shallow); a soft rule as the other clinical ones (a pet's breathing is vetoed by its cue).
    id: 'medical_emergency_breathing_i18n',
    type: 'safety',
    severity: 'critical',
    confidence: 0.84,
    cueVeto: true,
    languagePatterns: BREATHING_I18N,
  },
  {
    id: 'vehicle_control_failure',
    type: 'safety',
    severity: 'high',
    confidence: 0.84,
    patterns: [
      String.raw`(?:brakes?|steering|accelerator|throttle)(?: have| has|'s|s)? (?:just )?(?:failed|gone|gone completely|stopped working|stuck|locked)`,
    ],
    languagePatterns: VEHICLE_CONTROL_I18N,
    requires: {
      patterns: [
        String.raw`(?:on|along|driving (?:on|along|down)) (?:the |an? )?(?:[am]\d+|[am] road|motorway|dual carriageway|main road|dual|bypass)|motorway|while driving|still driving|i'?m driving|at speed`,
      ],
      languagePatterns: VEHICLE_DRIVING_I18N,
    },
  },
  {
    id: 'fuel_leak',
    type: 'safety',
    severity: 'high',
    confidence: 0.85,
    patterns: [
      String.raw`(?:petrol|diesel|fuel)(?: is)? (?:pouring|leaking|gushing|dripping everywhere|everywhere)|(?:smell|stink) of (?:petrol|diesel|fuel) everywhere|strong (?:petrol|diesel|fuel) smell|strong (?:smell|stink) of (?:petrol|diesel|fuel)`,
    ],
  },
  { id: 'gas_danger', type: 'safety', severity: 'high', confidence: 0.9, patterns: GAS_PATTERNS, languagePatterns: GAS_AND_CO_I18N },
  {
    id: 'electrical_danger',
    type: 'safety',
    severity: 'high',
    confidence: 0.88,
    patterns: ELECTRICAL_PATTERNS,
    languagePatterns: ELECTRICAL_I18N,
  },
  { id: 'fire', type: 'safety', severity: 'critical', confidence: 0.9, patterns: FIRE_PATTERNS, languagePatterns: FIRE_I18N },
];
