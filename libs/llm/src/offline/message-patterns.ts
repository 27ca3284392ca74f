// What a visitor's clause is doing, by pattern, in English, German, French, Spanish, Italian,
// Portuguese and Dutch. Matched against lower-cased text with curly apostrophes made straight.
// Rough on purpose: they decide how the offline responder acknowledges a message and whether it
// holds a real question, never what is stored about the visitor (that is L1b extraction's job).

import type { OfflineLanguage } from './message-language.util';

// `\b` in a JavaScript pattern only knows ASCII letters ("qué\b" never matches): every `\b` here
// is rewritten to a boundary between a Unicode letter or digit and anything else.
const WORD_EDGE = String.raw`(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))`;
const unicodeRegExp = (source: string) => new RegExp(source.replace(/\\b/g, WORD_EDGE), 'u');
const alt = (...parts: string[]) => unicodeRegExp(parts.join('|'));

/** Words that open a direct question (the first word of a clause), per language. */
const STARTERS: Record<OfflineLanguage, string> = {
  en: `what what's whats when where which who whom whose why how how's hows is are am was were do does did can could will
    would should shall may might have has had any isn't aren't don't doesn't didn't can't cannot won't wouldn't couldn't`,
  de: `was wann wo wohin woher warum wieso weshalb wie wer wen wem welche welcher welches wieviel ist sind kann können könnt
    könnten könnte haben habt hat gibt bieten bietet macht machen darf dürfen muss müssen wird werden würden sollte nehmen
    arbeiten kommen seid`,
  fr: `que qu'est quoi quand où pourquoi comment combien quel quelle quels quelles qui est`,
  es: `qué que cuándo cuando dónde donde cómo como cuál cuáles cuánto cuánta cuántos cuántas quién quiénes puede pueden
    puedo tienen tiene hay hacen aceptan trabajan abren está están`,
  it: `cosa che quando dove perché perche come quale quali quanto quanta quanti quante chi potete può posso avete fate
    accettate lavorate siete c'è`,
  pt: `que quando onde como porque qual quais quanto quantos quem pode podem posso têm tem há fazem aceitam trabalham abrem é`,
  nl: `wat wanneer waar waarom hoe hoeveel welke welk wie kan kunnen kunt is zijn heeft hebben hebt doen doet werkt werken
    accepteert accepteren komt mag mogen moet moeten wordt zou zouden bent`,
};
export const QUESTION_STARTERS = Object.fromEntries(
  Object.entries(STARTERS).map(([lang, list]) => [lang, new Set(list.split(/\s+/).filter(Boolean))]),
) as Record<OfflineLanguage, Set<string>>;

/** A French inverted question ("pouvez-vous", "y a-t-il"). */
export const FRENCH_INVERSION = alt(String.raw`^\p{L}+-(?:vous|tu|il|elle|on|ils|elles|je)\b`, String.raw`\ba-t-(?:il|elle|on)\b`);

/** A question asked as a statement: "I need to know ...", "ich möchte wissen", "je voudrais savoir". */
export const INDIRECT_QUESTION = alt(
  String.raw`\b(?:need|want|like|love|trying|wanted|needed) to (?:know|find out|ask|check)\b`,
  String.raw`\bwondering\b`,
  String.raw`\b(?:can|could|would) you (?:tell|let me know|explain|confirm)\b`,
  String.raw`\btell me (?:about|what|when|where|how|if|whether|why|which)\b`,
  String.raw`\b(?:do you|does anyone) know\b`,
  String.raw`\bany idea\b`,
  String.raw`\bknow (?:if|whether|what|when|where|how|why|which)\b`,
  String.raw`\bwissen,? (?:ob|wann|wie|was|wo|welche)\b|\bmöchte (?:gern |gerne )?wissen\b|\bfrage mich\b|\bwüsste gern\b`,
  String.raw`\bsavoir (?:si|quand|comment|combien|quel|quelle|où|pourquoi)\b|\bje me demande\b|\b(?:voudrais|aimerais|veux) savoir\b`,
  String.raw`\bsaber (?:si|cuándo|cuando|cómo|como|cuánto|cuanto|qué|que|dónde|donde|se|quando|quanto|onde)\b|\bme pregunto\b|\b(?:quisiera|quiero|gustaría|queria|quero) saber\b`,
  String.raw`\bsapere (?:se|quando|come|quanto|cosa|dove|quale)\b|\bmi chiedo\b|\b(?:vorrei|volevo) sapere\b`,
  String.raw`\bweten (?:of|wanneer|hoe|wat|waar|hoeveel|welke)\b|\bvraag me af\b|\b(?:wil|wilde|zou) (?:graag )?weten\b`,
);

/** A request for an appointment, a visit, a table or a reservation (not a question about how booking works). */
export const BOOKING_REQUEST = alt(
  String.raw`\b(?:(?:i|we)(?:'d| would) (?:like|love)|(?:i|we) (?:want|need|hope|wish)|(?:i'm|i am|we're|we are) (?:looking|hoping|wanting)|looking|hoping|wanna|keen) (?:to |for )?(?:book|make a booking|make an appointment|make a reservation|reserve|schedule|arrange|get an appointment|get someone|have someone|get a (?:plumber|engineer|visit|table|slot))`,
  String.raw`\b(?:can|could|may) (?:i|we) (?:book|reserve|schedule|arrange|get|have|make) (?:a|an|the|my|our|in|some|me|us|it|this|that|one)\b`,
  String.raw`\b(?:i|we) (?:could|can|might) (?:book|reserve|make an appointment)\b`,
  String.raw`\b(?:can|could|would) (?:you|someone|somebody|anyone|one of your \w+) (?:book|come|pop|send (?:someone|somebody|an? (?:engineer|plumber|electrician|technician|fitter))|visit|fit (?:me|us) in|squeeze (?:me|us) in|call round|come round|come out)\b`,
  String.raw`\bbook (?:me|us) in\b|\bplease book\b|\bi'd like an? (?:appointment|booking|reservation|table|visit)\b`,
  String.raw`\b(?:are you|is anyone|is someone|is somebody|are any of you) (?:free|available)\b|\bany (?:availability|slots?|openings?|appointments?) (?:on|for|this|next|tomorrow|today)\b`,
  String.raw`\b(?:an?|the) (?:appointment|booking|reservation|table|visit) (?:for|on|at|tomorrow|today|this|next)\b`,
  String.raw`\b(?:möchte|möchten|würde gern|würden gern|will|wollen|hätte gern|brauche|brauchen)\b.*\b(?:buchen|reservieren|termin|vorbeikommen|tisch)`,
  String.raw`\b(?:kann|können|könnte) (?:ich|wir)\b.*\b(?:buchen|reservieren|termin)|\btermin (?:für|am|vereinbaren|machen|ausmachen)\b|\b(?:können|könnten|kann) sie\b.*\b(?:vorbeikommen|kommen)\b`,
  String.raw`\b(?:voudrais|voudrions|souhaite|souhaiterais|aimerais|veux|voulons)\b.*\b(?:réserver|rendez-vous|rdv|une table)|\b(?:puis-je|pourrais-je|peut-on|pouvons-nous)\b.*\b(?:réserver|rendez-vous|rdv)|\bprendre (?:un )?(?:rendez-vous|rdv)\b|\bune (?:table|réservation) pour\b|\bpouvez-vous (?:passer|venir)\b`,
  String.raw`\b(?:quiero|quisiera|querría|gustaría|necesito|queremos|necesitamos)\b.*\b(?:reservar|cita|reserva|turno|agendar|mesa)|\b(?:puedo|podemos)\b.*\b(?:reservar|pedir cita|agendar)|\b(?:una|la) (?:cita|reserva|mesa) para\b|\bpueden venir\b`,
  String.raw`\b(?:vorrei|vorremmo|voglio|desidero|piacerebbe|ho bisogno)\b.*\b(?:prenotare|appuntamento|prenotazione|fissare|tavolo)|\b(?:posso|possiamo)\b.*\b(?:prenotare|fissare)|\bun (?:appuntamento|tavolo) per\b|\bpotete (?:venire|passare)\b`,
  String.raw`\b(?:queria|quero|gostaria|gostaríamos|preciso|precisamos)\b.*\b(?:marcar|agendar|reservar|marcação|consulta|reserva|mesa)|\b(?:posso|podemos)\b.*\b(?:marcar|agendar|reservar)|\buma (?:mesa|marcação|consulta|reserva) para\b|\bpodem vir\b`,
  String.raw`\b(?:ik|wij|we) (?:wil|willen|zou graag|zouden graag|wil graag)\b.*\b(?:boeken|reserveren|afspraak|inplannen|tafel)|\b(?:kan|kunnen|mag) (?:ik|wij|we)\b.*\b(?:boeken|reserveren|afspraak)|\been (?:afspraak|tafel|reservering) (?:voor|op|maken)\b|\bkunnen jullie (?:langskomen|komen)\b`,
);

/** A booking clause that asks how booking works ("can I book online?") is a question, not a request. */
export const BOOKING_HOW = alt(
  String.raw`\b(?:online|website|web site|internet|app|via|by (?:phone|email|text)|op de website|en ligne|por internet)\b`,
);

/** The visitor asks to be called or contacted back. */
export const CALLBACK_REQUEST = alt(
  String.raw`\bcall (?:me|us) back\b|\bcall ?back\b|\b(?:call|ring|phone|text) (?:me|us)\b|\bgive (?:me|us) a (?:call|ring|bell)\b|\bget back to (?:me|us)\b|\bget in touch with (?:me|us)\b|\bcontact (?:me|us)\b`,
  String.raw`\brückruf\b|\bzurückrufen\b|\brufen sie (?:mich|uns)\b|\bmelden sie sich\b|\bruf mich\b`,
  String.raw`\brappeler\b|\brappelez\b|\bappelez-moi\b|\bme rappeler\b|\brecontacter\b|\bme contacter\b`,
  String.raw`\bllámame\b|\bllámeme\b|\bllamadme\b|\bdevolver la llamada\b|\bme llamen\b|\bme llame\b|\bcontactarme\b`,
  String.raw`\brichiamare\b|\brichiamatemi\b|\bmi richiami\b|\bchiamatemi\b|\bmi chiami\b|\bricontattarmi\b|\bcontattarmi\b`,
  String.raw`\bligar de volta\b|\bme ligue\b|\bme liguem\b|\bligue-me\b|\bliguem-me\b|\bme ligar\b|\bcontactar-me\b|\bme contactar\b`,
  String.raw`\bterugbellen\b|\bbel (?:me|mij|ons)\b|\bneem contact (?:met mij )?op\b|\bmij bellen\b|\bme bellen\b`,
);

/** The visitor offers a way to reach them ("my number is", "you can reach me at"). */
export const CONTACT_OFFER = alt(
  String.raw`\bmy (?:e-?mail|email address|mail|number|phone|phone number|mobile|mobile number|cell|tel|landline|whatsapp)\b|\b(?:reach|contact|email|mail|text) (?:me|us)\b|\bget hold of (?:me|us)\b|\b(?:e-?mail|phone|tel|mobile|number)\s*(?:is|:)`,
  String.raw`\bmeine (?:e-?mail|e-mail-adresse|nummer|telefonnummer|handynummer|handy|adresse)\b|\berreichen sie mich\b|\bbin (?:unter|erreichbar)\b`,
  String.raw`\bmon (?:e-?mail|mail|numéro|téléphone|portable|adresse)\b|\bme joindre\b|\bjoignable\b`,
  String.raw`\bmi (?:correo|email|e-mail|número|teléfono|móvil|celular)\b|\blocalizarme\b|\bcontactarme\b`,
  String.raw`\bil mio (?:numero|telefono|cellulare|indirizzo)\b|\bla mia (?:e-?mail|mail)\b|\braggiungibile\b|\bcontattarmi\b`,
  String.raw`\b(?:o )?meu (?:e-?mail|número|telefone|celular|telemóvel|contacto|contato)\b|\bcontactar-me\b|\bme contactar\b`,
  String.raw`\bmijn (?:e-?mail|mailadres|nummer|telefoonnummer|mobiel|mobiele nummer)\b|\bbereikbaar\b|\bbereiken op\b`,
);

/** A plea for help without a subject ("can you help?", "please help"): a request, not a knowledge question. */
export const HELP_REQUEST =
  /^(?:please )?(?:(?:can|could|would) (?:you|someone|anyone|somebody) )?(?:please )?(?:help|assist)(?: (?:me|us))?(?: (?:please|with (?:this|that)))?$/u;

/** Words that make a short clause a statement rather than a keyword query ("boiler prices" is a query, "I'm fine" is not). */
export const STATEMENT_WORDS = new Set(
  `i i'm im i've i'd i'll my me we we're our us it's its there this that is are was were am has have had will just
  ich mein meine wir ist sind war habe hat bin je j'ai mon ma nous est suis sont c'est yo mi mis es está son tengo soy
  io mio mia è sono ho ha eu meu minha é são tenho sou ik mijn wij is zijn heb heeft ben
  you see then soon bis dann bientôt pronto presto straks tot not no please before after until`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words a visitor may put around a thanks or a greeting that do not make it a question ("thanks so much", "hi there"). */
export const SMALL_TALK_PREFIX_FILLER = new Set([
  'you',
  'so',
  'much',
  'very',
  'a',
  'lot',
  'again',
  'but',
  'and',
  'though',
  'there',
  'all',
  'team',
  'everyone',
  'ok',
  'okay',
  'oh',
  'well',
  'many',
  'for',
  'that',
  'the',
  'info',
  'help',
  'your',
]);
