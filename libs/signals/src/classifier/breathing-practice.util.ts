/**
 * Round 19 review fix: breathing told as a practice, not a symptom: a breathing exercise, technique,
 * class or course, a coach's or a label's breath rate, a course that teaches how to breathe ("trouble
 * with breathing exercises", "my running coach wants 30 breaths a minute", "¿el curso de buceo enseña a
 * respirar despacio?", "¿qué hago si alguien tiene dificultad para respirar en clase?"), with no person
 * in distress now. A sign of distress (can't breathe, blue lips, unconscious, collapsed, an ambulance,
 * difficulty breathing) keeps the message a safety one, unless it is told after an "if" or a "what do I
 * do if" in its sentence (a question about what to do, not a person in distress). Vetoes the
 * classifier's safety finding and a soft rule's (cue-vetoes); a hard rule's finding stands.
 */
const PRACTICE = new RegExp(
  [
    // English
    String.raw`breath(?:ing|e)? (?:exercises?|techniques?|drills?|classes?|lessons?|sessions?|practice|apps?|courses?|work|patterns?|rhythm|rate (?:tracking|monitor))|breaths? (?:a|per) minute(?=[^.!?\n]*(?:coach|watch|intervals?|training|workout|run(?:ning)?|box|label|instructions?|app|meditat\w*|yoga))|(?:coach|watch|app|box|label|instructions?|trainer|instructor)[^.!?\n]{0,40}breaths? (?:a|per) minute|(?:teach(?:es|ing)?|learn(?:s|ing)?|practi[sc](?:e|es|ing)) (?:\w+ ){0,2}?(?:how )?to breathe|breathe (?:slowly|deeply|in|out)(?=[^.!?\n]*(?:box|label|says|instructions?|coach|class|teacher|app))`,
    // German
    String.raw`atem(?:übung|technik|kurs|training|rhythmus)\w*|(?:kurs|lehrer\w*|trainer\w*|coach|app|uhr)[^.!?\n]{0,40}(?:atmen|atemzüge)|atemzüge pro minute(?=[^.!?\n]*(?:trainer|coach|uhr|app|training|intervall\w*|laufen|yoga|meditation))`,
    // French
    String.raw`(?:exercices?|techniques?|cours|séances?|ateliers?) (?:de |d')(?:respiration|souffle)|(?:apprendre|apprend|enseigne|enseignent|apprennent) (?:\w+ )?à respirer|respirations? par minute(?=[^.!?\n]*(?:coach|entraîn\w*|montre|app\w*|yoga|méditation|intervalles?))`,
    // Spanish
    String.raw`(?:ejercicios?|técnicas?|clases?|cursos?|talleres?) de respiración|(?:enseña|enseñan|enseñar|aprender|aprende|practicar|practica) (?:\w+ )?a respirar|respiraciones por minuto(?=[^.!?\n]*(?:entrenador|reloj|app|entrenamiento|intervalos?|yoga|meditación))|(?:qué|que) (?:hago|hacer|hacemos|debo hacer) si[^.!?\n]{0,60}respir\w*[^.!?\n]{0,40}(?:en (?:la )?clase|curso|buceo|natación|yoga|pilates|meditación)`,
    // Italian
    String.raw`(?:esercizi|esercizio|tecniche|tecnica|corsi|corso|lezioni|lezione) di respirazione|(?:insegna|insegnano|imparare|impara) (?:\w+ )?a respirare|respirazioni al minuto(?=[^.!?\n]*(?:allenatore|orologio|app|allenamento|intervalli|yoga|meditazione))`,
    // Portuguese
    String.raw`(?:exercícios?|técnicas?|aulas?|cursos?) de respiração|(?:ensina|ensinam|aprender|aprende) (?:\w+ )?a respirar|respirações por minuto(?=[^.!?\n]*(?:treinador|relógio|app|treino|intervalos?|ioga|yoga|meditação))`,
    // Dutch
    String.raw`ademhalings(?:oefening|techniek|cursus|les|training)\w*|adem(?:oefening|techniek|training)\w*|(?:leert|leren|aanleren) (?:\w+ )?(?:hoe )?(?:te )?ademen|ademhalingen per minuut(?=[^.!?\n]*(?:coach|trainer|horloge|app|training|interval\w*|yoga|meditatie))`,
    // Round 19 review fix (6): breathing in a practice of its own (meditation, yoga, breath-hold diving, sleep tracking), every language.
    String.raw`(?<![\p{L}])(?:meditat\w*|méditation|meditación|meditazione|meditação|meditatie|yoga|ioga|pranayama|cohérence cardiaque|apnea|apnée|apnoe\w*|apneia|freediving|free-diving|freitauchen|plongée en apnée|buceo en apnea|sleep (?:tracker|score|app)|schlaftracker|sommeil|modo sueño|sonno|slaaptracker)(?![\p{L}])`,
  ].join('|'),
  'u',
);

/** A person in distress now; not when an "if" or "what do I do if" comes before it in its sentence. */
const DISTRESS = new RegExp(
  String.raw`(?<!(?<![\p{L}])(?:if|when|wenn|falls|mocht|whenever|cuando|quand|quando|wanneer|(?:si|se|als) (?:alguien|alguno|quelqu'un|qualcuno|alguém|iemand|je|j'|on|tu|vous|uno|una|un|une|il|ils|elle|mi|mon|ma|mio|mia|meu|minha|mijn|er|ze|hij|zij|u)|(?:qué hago|que faire|cosa faccio|o que faço|wat doe ik|was tun|what do i do|what should i do) (?:si|se|als|wenn|if))(?![\p{L}])[^.!?\n]*)(?<![\p{L}])(?:` +
    [
      String.raw`(?:can'?t|cannot|can not|unable to|struggling to) breathe|(?:not|stopped|isn'?t) breathing|(?:difficulty|trouble|problems?) breathing|short of breath|shortness of breath|lips (?:are |look |have |keep )?(?:turning |going |gone )?(?:blue|grey|gray)|unconscious|unresponsive|not responding|won'?t wake|will not wake|collapsed|passed out|fainted|choking|gasping|respiratory distress|(?:can|could) (?:hardly|barely) breathe|chest (?:hurts|pain|is tight|feels tight|tightness)|ambulance|999|911|112`,
      // Round 19 review fix (5): the clinical rules' signs too (collapsed, barely breathing, fainted, grey, gasping), so an emergency in a class stays one.
      String.raw`umgekippt|atmet (?:nur noch |sehr |ganz )?(?:kaum|flach)|ringt nach luft|schnappt nach luft|brustschmerz\w*|schmerzen in der brust|ohnmächtig|wacht nicht|reagiert nicht|s'est effondrée?|effondrée?|respire (?:à peine|très mal|difficilement)|suffoque|douleurs? (?:à|dans) la poitrine|ne réagit|ne se réveille|respira con dificultad|respira muy (?:poco|mal)|se desmayó|pálid[oa]|maread[oa]|no reacciona|no despierta|dolor (?:en el|de) pecho|respira a fatica|respira male|dolore al petto|non si sveglia|non reagisce|pálid[oa]|respira(?:r)? muito mal|dor no peito|não acorda|não reage|grauw|hapt (?:ze |hij )?naar (?:lucht|adem)|naar adem happen|reageert niet|pijn op de borst|wordt niet wakker`,
      String.raw`keine luft|atmet nicht|atemnot|bewusstlos|blaue lippen|zusammengebrochen|krankenwagen|notarzt`,
      String.raw`ne respire (?:plus|pas)|du mal à respirer|difficultés? (?:à|pour) respirer|lèvres bleues|inconscient\w*|évanoui\w*|ambulance|samu`,
      String.raw`no (?:puede )?respira|dificultad (?:para|al) respirar|le cuesta respirar|labios morados|inconsciente|desmayad\w*|ambulancia`,
      String.raw`non respira|non riesce a respirare|difficoltà a respirare|labbra blu|incoscient\w*|svenut\w*|ambulanza`,
      String.raw`não (?:consegue )?respira|dificuldade (?:em|para|a) respirar|falta de ar|lábios roxos|inconsciente|desmai\w*|ambulância`,
      String.raw`ademt niet|kan niet (?:meer )?ademen|krijgt geen lucht|benauwd|blauwe lippen|bewusteloos|flauwgevallen|ambulance`,
    ].join('|') +
    String.raw`)(?![\p{L}])`,
  'u',
);

/** True when normalised text tells of breathing as a practice and of no person in distress now. */
export function isBreathingPractice(norm: string): boolean {
  return PRACTICE.test(norm) && !DISTRESS.test(norm);
}
