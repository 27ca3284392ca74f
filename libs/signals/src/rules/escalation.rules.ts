import { HUMAN_REQUEST_I18N } from './escalation.rules.i18n';
import type { SignalRule } from './signal-rules.types';

const HUMAN = String.raw`(?:a |an |the |your |some |one of your )?(?:real |actual |live |proper |human )?(?:[a-z]+ )?(?:human(?: being)?|person|someone|somebody|agent|representative|rep|staff|member of (?:staff|the team)|manager|owner|supervisor|boss|team|receptionist|people|(?:someone|somebody|anyone) (?:senior|more senior|higher up|in charge|who can (?:actually )?(?:help|decide|sort))|whoever (?:is|'s) (?:in charge|on|running [a-z ]+)|someone in charge|customer (?:services?|support|care)|support|mechanic|engineer|technician|dentist|office)`;

export const ESCALATION_RULES: readonly SignalRule[] = [
  {
    id: 'human_request',
    type: 'escalation',
    severity: 'medium',
    confidence: 0.9,
    patterns: [
      String.raw`(?:speak|talk|chat|speek|tlak)(?:ing)? (?:to|with) ${HUMAN}`,
      String.raw`(?:get|put|transfer|connect|pass)(?:ing)? me (?:to|through to|thru to|on to|onto|over to|with|on with) ${HUMAN}`,
      String.raw`is there (?:a |an )?(?:real |actual )?(?:human|person|someone|somebody|anyone|member of staff)(?: i can| to| who)|(?:can|could) (?:a|an actual|a real|a|some) (?:person|human|member of staff|someone) (?:look|check|help|see|deal|read)`,
      String.raw`(?:want|need|prefer|get me|give me)(?: to (?:speak|talk) to)? (?:a |an )?(?:real |actual |proper )?(?:human|person)`,
      String.raw`(?:get hold of|reach|contact|get through to) (?:a |an )?(?:real |actual )?(?:human|person|someone|somebody|manager)|(?:give|gimme) (?:me|us) a (?:ring|call|bell)|(?:speak|talk|discuss)[^.!?\n]{0,40}?(?:on|over) the phone`,
      String.raw`(?:rather|prefer(?:red)?(?: to)?) (?:deal|speak|talk|chat)(?:ing)? (?:with|to) ${HUMAN}|(?:a )?(?:phone )?call (?:back )?from (?:the|a|an|your|someone|somebody)`,
      String.raw`(?:real|actual|live|proper) (?:human|person|agent|people)|human (?:please|pls|plz)|(?:agent|operator|representative) (?:please|pls|plz)`,
      String.raw`(?:call|ring|phone) me(?: back)?|(?:get|have|can) (?:someone|somebody|the manager|the owner|a person) (?:to )?(?:call|ring|phone|contact) me|(?:request|want|like|arrange|need|have|get|book) (?:a )?call ?back`,
      String.raw`(?:want|need|demand|like)(?: to)? (?:see |speak to |talk to )?(?:the|your) (?:manager|owner|supervisor|boss)`,
    ],
    guards: { hypothetical: false },
  },
  {
    id: 'human_request_i18n',
    type: 'escalation',
    severity: 'medium',
    confidence: 0.88,
    languagePatterns: HUMAN_REQUEST_I18N,
    guards: { hypothetical: false },
    cueVeto: true,
  },
  {
    id: 'refuses_bot',
    type: 'escalation',
    severity: 'medium',
    confidence: 0.88,
    patterns: [
      String.raw`(?:don'?t|do not) (?:like|trust|want) (?:chat ?bots?|bots?|robots?|ai|talking to (?:a )?(?:bot|machine))`,
      String.raw`(?:stupid|useless|pointless|dumb|crap|rubbish|bloody|annoying|worthless|fucking) (?:bot|robot|machine|ai|chatbot|chat bot|computer)`,
      String.raw`(?:don'?t|do not|dont|won'?t|will not|not going to|refuse to|not) (?:want to |wanna )?(?:talk|speak|chat|deal)(?:ing)? (?:to|with) (?:a |the |this |some |an )?(?:bot|robot|machine|ai|chatbot|chat bot|computer|automated)`,
      String.raw`(?:stop|enough)(?: with)? (?:the |this |these |your )?(?:bot|robot|automated|ai|chatbot)|(?:bot|robot|chatbot|chat bot|ai|this chat)(?: is|'s)? (?:useless|rubbish|pointless|not helping|isn'?t helping|no help|stupid|hopeless)|(?:no|not) (?:more )?(?:bots?|robots?|ai)(?: please|,? i want| thanks)`,
      String.raw`(?:you'?re|you are|ur|your) (?:just |only )?(?:a |an )?(?:bot|robot|machine|ai)\b[^.!?\n]{0,30}(?:useless|human|person|someone)`,
    ],
    guards: { negation: false },
  },
];

export const FRUSTRATION_RULES: readonly SignalRule[] = [
  {
    id: 'frustration',
    type: 'frustration',
    severity: 'low',
    confidence: 0.75,
    patterns: [
      String.raw`ridiculous|rediculous|unacceptable|pathetic|disgraceful|disgusting service|appalling|outrageous|shambles|joke of a|(?:is|this|it'?s|what) a (?:complete |total |absolute )?joke|(?:absolute|complete|total) (?:joke|nightmare|farce)`,
      String.raw`fed up|sick (?:and tired )?of|had enough|losing my patience|lost my patience|(?:so|really|very|extremely) (?:frustrated|annoyed|angry|upset|disappointed|fed up)|furious|livid`,
      String.raw`(?:third|fourth|fifth|sixth|3rd|4th|5th|6th|\d+ ?th) time|(?:still|again) (?:no|waiting|not)|waste of (?:my )?time|(?:nobody|no one|noone) (?:has )?(?:called|rung|replied|answered|got back|bothered)|(?:useless|hopeless)|you (?:never|don'?t|do not) (?:listen|answer|reply|understand|help)`,
      String.raw`unbelievable|absurd|terrible|rip[- ]?off|disgusting|annoyed|(?:still|been) sat (?:here|waiting)|(?:haven'?t|have not|not) heard (?:a thing|anything|back)|zero (?:replies|response)|no (?:replies|response)|worst|fuming|not happy|nobody (?:turned|showed) up|no one (?:turned|showed) up|wtf|ffs|for (?:god|fuck|christ|pete)'?s sake|omfg|!!{2,}|\?!+`,
    ],
  },
];
