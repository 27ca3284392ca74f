import { createSignalDetector } from '../detector/signal-detector';
import { probeLabels as labels } from './probe-labels.util';

// Round 16: probes written for round 16's changes, not taken from any corpus, in the seven languages,
// positives and hard negatives, with the labels the rules + classifier detector must give (u =
// urgency, s = safety, e = escalation, '' none). A positive with safety must also be found by the
// rules alone: the changes are there so that these no longer depend on the classifier's score.
// The cues they test: the gas smell with words between the verb and the gas ("jetzt riecht es
// wieder stark nach Gas"), negations among those words guarding it; the electrical-fixture veto of
// the classifier ("il lui faut des prises dans le garage"); a technician's visit and "only a matter of
// time" as past cues only with nothing happening now; Spanish "si se…" not firing on Italian "si
// sente"; Dutch "als" after a hazard verb; a hot socket or plug; verb-first sockets ("jetzt qualmt die
// Steckdose"); a burning smell in the other languages, and a time cue next to a purchase
// ("acheté la semaine dernière") dating the purchase, not the hazard.
type Probe = readonly [lang: string, text: string, expected: string];

const detector = createSignalDetector();
const rulesOnly = createSignalDetector(undefined, { classifier: false });

const PROBES: readonly Probe[] = [
  // A gas smell now, with words between the verb and the gas, and the first person smelling gas; negated and enquiry forms
  ['de', 'Seit heute Morgen riecht es im ganzen Treppenhaus immer noch extrem nach Gas', 'su'], // gas
  ['de', 'Ich rieche hier unten im Keller ganz deutlich Gas, was soll ich tun?', 'su'], // gas
  ['de', 'Es riecht nicht nach Gas, aber die Heizung klopft laut', ''], // gas
  ['de', 'Riecht es nach Gas, sofort raus – das steht im Aushang, wir wollten nur fragen, ob der Aushang noch stimmt', ''], // gas
  ['fr', 'ça sent encore très fort le gaz dans la cuisine depuis ce matin', 'su'], // gas
  ['fr', 'je sens de nouveau le gaz près de la chaudière, vous pouvez venir ?', 'su'], // gas
  ['fr', 'ça ne sent plus le gaz depuis votre passage, merci beaucoup', ''], // gas
  ['fr', 'la bougie sent le jasmin, pas le gaz, je voudrais en commander deux', ''], // gas
  ['es', 'en el pasillo huele otra vez muchisimo a gas y el vecino no abre', 'su'], // gas
  ['es', 'huelo gas en la cocina aunque la llave está cerrada', 'su'], // gas
  ['es', 'no huele a gas, solo quería saber cuándo pasa el técnico para la revisión anual', ''], // gas
  ['it', 'in cantina puzza ancora tantissimo di gas, cosa devo fare?', 'su'], // gas
  ['it', 'si sente il gas fortissimo sulle scale del palazzo', 'su'], // gas
  ['it', "non c'è nessun odore di gas, volevo solo prenotare la revisione della caldaia", ''], // gas
  ['pt', 'o corredor está a cheirar outra vez muito a gás, abro as janelas?', 'su'], // gas
  ['pt', 'sinto um cheiro muito forte de gás na cozinha, a minha avó está sozinha', 'su'], // gas
  ['pt', 'não cheira nada a gás, era só para marcar a inspeção anual', ''], // gas
  ['nl', 'het ruikt hier sinds vanochtend weer heel sterk naar gas', 'su'], // gas
  ['nl', 'we ruiken echt gas in de gang bij de meterkast', 'su'], // gas
  ['nl', 'ik ruik geen gas meer sinds de monteur er was, bedankt', ''], // gas
  ['en', 'the whole landing smells really strongly of gas again', 'su'], // gas
  ['en', 'I can still smell the gas even with the hob off', 'su'], // gas
  ['en', "the candle smells nothing like gas, it's lovely, can I order two more", ''], // gas
  // An electrical fixture named with nothing happening to it (a job) against the same fixture told by its hazard
  ['de', 'Können Sie mir im Hobbykeller drei Außensteckdosen setzen? Meine Tochter bastelt dort mit Elektronik', ''], // fixture
  ['de', 'Wir bauen die Garage zur Werkstatt um und brauchen Starkstrom und ein paar Steckdosen, wann hätten Sie Zeit?', ''], // fixture
  ['fr', "je voudrais déplacer l'interrupteur du salon et ajouter deux prises USB près du canapé", ''], // fixture
  ['fr', "pour le nouveau bureau de ma fille il faudrait trois prises et une rallonge, c'est possible samedi ?", ''], // fixture
  ['es', 'quiero poner dos enchufes más en la cocina para la freidora de aire, ¿me dais presupuesto?', ''], // fixture
  ['es', 'mi hijo monta ordenadores en el garaje y necesita una regleta fija con varios enchufes', ''], // fixture
  ['it', 'vorrei spostare la presa del televisore e aggiungere un interruttore in corridoio', ''], // fixture
  ['it', 'mio figlio fa robotica, gli servono delle prese nuove in cantina, quando passate?', ''], // fixture
  ['pt', 'queria mudar a tomada da sala para o outro lado e pôr um interruptor novo', ''], // fixture
  ['pt', 'o meu filho precisa de mais tomadas no quarto para o computador dele', ''], // fixture
  ['nl', 'kunnen jullie in de schuur twee extra stopcontacten plaatsen voor mijn zoon zijn werkbank?', ''], // fixture
  ['nl', 'we willen een nieuwe groepenkast en een schakelaar bij de voordeur, wat kost dat ongeveer?', ''], // fixture
  ['en', 'my daughter is into electronics, she needs more sockets in the garage, can you quote?', ''], // fixture
  ['de', 'die Steckdose im Kinderzimmer ist ganz heiß und riecht verschmort', 'su'], // fixture
  ['fr', 'la prise du garage est brûlante et grésille quand on branche la perceuse', 'su'], // fixture
  ['es', 'el enchufe del garaje está negro y echa chispas cuando enchufo la radial', 'su'], // fixture
  ['it', 'la presa in garage fa scintille e si sente odore di bruciato', 'su'], // fixture
  ['pt', 'a tomada da garagem está a deitar faíscas e cheira a queimado', 'su'], // fixture
  ['nl', 'het stopcontact in de garage is zwart en vonkt als ik de boor insteek', 'su'], // fixture
  ['en', 'the socket in the garage is sparking and smells of burning plastic', 'su'], // fixture
  // A technician's visit, 'only a matter of time', Italian 'si sente', Dutch 'als' after the hazard verb, a hot socket or plug
  ['de', 'Der Monteur war da, aber jetzt riecht es schon wieder nach Gas im Keller', 'su'], // visit / time / hot
  ['de', 'Der Monteur war da und hat die Therme gewartet, die Rechnung bitte an meine Firma', ''], // visit / time / hot
  ['es', 'vino el técnico por la mañana pero ahora huele otra vez a gas en la cocina', 'su'], // visit / time / hot
  ['es', 'vino el técnico ayer y revisó la caldera, ¿cuándo me mandáis la factura?', ''], // visit / time / hot
  ['it', "è passato il tecnico stamattina ma adesso c'è di nuovo puzza di gas in bagno", 'su'], // visit / time / hot
  ['pt', 'o técnico veio ontem mas agora cheira outra vez a gás na cozinha', 'su'], // visit / time / hot
  ['pt', 'o técnico veio ontem e está tudo bem, obrigada', ''], // visit / time / hot
  ['nl', 'de monteur is geweest maar nu ruikt het weer naar gas in de keuken', 'su'], // visit / time / hot
  ['nl', 'de monteur is geweest en alles werkt weer, dank jullie wel', ''], // visit / time / hot
  ['de', 'Es war nur eine Frage der Zeit, jetzt qualmt die Steckdose im Bad', 'su'], // visit / time / hot
  ['fr', "c'était juste une question de temps, la prise du salon fume", 'su'], // visit / time / hot
  ['es', 'era solo una cuestión de tiempo, el enchufe del salón echa humo', 'su'], // visit / time / hot
  ['it', 'era solo una questione di tempo, la presa del bagno fuma', 'su'], // visit / time / hot
  ['en', 'it was just a matter of time, the socket behind the fridge is smoking', 'su'], // visit / time / hot
  ['it', 'si sente odore di gas in tutto il condominio, cosa facciamo?', 'su'], // visit / time / hot
  ['it', 'in bagno si sente forte il gas, ho aperto la finestra', 'su'], // visit / time / hot
  ['nl', 'het stopcontact vonkt als ik de waterkoker aanzet', 'su'], // visit / time / hot
  ['nl', 'de stekker knettert als je hem erin steekt en de muur wordt zwart', 'su'], // visit / time / hot
  ['nl', 'als je gas ruikt, wat moet je dan doen? vraag voor een cursus', ''], // visit / time / hot
  ['de', 'der Stecker vom Wasserkocher wird total heiß und es riecht verschmort', 'su'], // visit / time / hot
  ['fr', 'la prise derrière le frigo chauffe et sent le brûlé', 'su'], // visit / time / hot
  ['es', 'el enchufe de la lavadora se pone muy caliente y huele a quemado', 'su'], // visit / time / hot
  ['it', "la presa della lavatrice scotta e c'è odore di bruciato", 'su'], // visit / time / hot
  ['pt', 'a tomada da máquina de lavar fica muito quente e cheira a queimado', 'su'], // visit / time / hot
  ['nl', 'de stekker van de wasmachine wordt heel heet en ruikt verbrand', 'su'], // visit / time / hot
  ['en', 'the plug on the kettle gets really hot and smells of burning', 'su'], // visit / time / hot
  ['en', 'our hot tub plug keeps tripping, can someone look at it next week?', ''], // visit / time / hot
  // A burning smell in the other languages, a purchase dated last week not dating the hazard, negated and food smells
  ['de', 'die Mikrowelle, die wir letzte Woche bei Ihnen gekauft haben, riecht total verschmort und qualmt', 'su'], // burning smell / purchase
  ['fr', 'le grille-pain acheté chez vous la semaine dernière sent fortement le brûlé et fait des étincelles', 'su'], // burning smell / purchase
  ['es', 'la freidora que compré la semana pasada huele muchísimo a plástico quemado y echa humo', 'su'], // burning smell / purchase
  ['it', 'la stufetta acquistata il mese scorso puzza di bruciato e la spina è nera', 'su'], // burning smell / purchase
  ['pt', 'o aquecedor que comprei na semana passada cheira muito a queimado e a tomada está quente', 'su'], // burning smell / purchase
  ['nl', 'de waterkoker die ik vorige week bij jullie gekocht heb ruikt naar verbrand plastic en rookt', 'su'], // burning smell / purchase
  ['fr', "ça ne sent pas le brûlé, c'est juste le ventilateur qui fait du bruit, vous pouvez passer lundi ?", ''], // burning smell / purchase
  ['es', 'no huele a quemado, solo quería saber si la garantía cubre el ventilador', ''], // burning smell / purchase
  ['nl', 'het ruikt verbrand in de keuken omdat mijn lasagne aanbrandde haha, tafel voor vier om acht uur?', ''], // burning smell / purchase
  ['it', 'è passato il tecnico ieri, tutto in ordine, mi mandate la fattura?', ''], // a known miss (escalation 0.51) until the round 17 retrain
  ['es', 'a mi hija se le ha roto un diente con el columpio y le sangra la encía, ¿nos podéis atender ya?', 'u'], // gives "": the classifier gives urgency 0.38 (a known miss until round 17)
  ['es', 'la semana pasada olía a quemado en la cocina, era el horno sucio, ya está limpio', ''], // a known miss until round 19; right after its retrain (unseen-12 retired, thresholds 0.53 / 0.43 / 0.76)
  ['it', 'mio figlio è caduto dal monopattino, ha un dente rotto e gli sanguina il labbro, potete vederlo subito?', 'u'], // a known miss until round 19; right after its retrain (unseen-12 retired, thresholds 0.53 / 0.43 / 0.76)
];

// A dental emergency: urgency, and safety only with a danger beyond the tooth (swelling to the neck,
// trouble swallowing or breathing, bleeding that will not stop); the classifier's safety on a knocked
// tooth is vetoed (isDentalOnly). Asserted on the rules + classifier detector only.
const DENTAL_PROBES: readonly Probe[] = [
  ['en', "my son knocked his front tooth out on the trampoline and there's blood in his mouth, can you fit us in now?", 'u'],
  [
    'de',
    'Meine Tochter ist vom Fahrrad gefallen, ein Schneidezahn ist abgebrochen und es blutet etwas, haben Sie heute noch einen Termin?',
    'u',
  ],
  ['fr', 'mon fils est tombé à la piscine, une dent de devant est cassée et ça saigne un peu, vous pouvez le voir ce matin ?', 'u'],
  ['pt', 'o meu filho partiu um dente a jogar à bola e está a sangrar da gengiva, podem atendê-lo agora?', 'u'],
  ['nl', 'mijn dochter is gevallen en haar voortand is afgebroken, het bloedt een beetje, kunnen we vandaag nog komen?', 'u'],
  ['en', "the swelling from my wisdom tooth is spreading down my neck and I'm struggling to swallow", 'su'],
  ['fr', "depuis l'extraction ça saigne sans arrêt et j'ai la tête qui tourne", 'su'],
  ['es', 'la hinchazón de la muela me baja por el cuello y me cuesta tragar', 'su'],
];

// Known misses: checked to be still misses, so that one fixed moves to PROBES.
const KNOWN_MISSES: readonly Probe[] = [
  ['de', 'seit der Weisheitszahn-OP ist meine Zunge dick und ich kriege schlecht Luft', 'su'], // gives "s": no urgency for a dental emergency told without a dental-emergency rule
  ['en', 'What does gas smell like? Asking for a school project', ''], // gives "su": the English "gas smell" pattern reads a question about it; no enquiry cue for "what does … smell like"
  ['en', 'can you move the light switch and add a double socket behind the TV', ''], // gives "u": the classifier gives urgency 0.93; the fixture veto is for safety only
];

describe('round 16 probes (rules + classifier)', () => {
  it.each(PROBES)('[%s] %j -> %j', (_lang, text, expected) => {
    expect(labels(detector, text)).toBe(expected);
  });
  it.each(PROBES.filter(([, , expected]) => expected.includes('s')))('[%s] %j is safety by the rules alone', (_lang, text) => {
    expect(labels(rulesOnly, text)).toContain('s');
  });
  it.each(DENTAL_PROBES)('[%s] %j -> %j', (_lang, text, expected) => {
    expect(labels(detector, text)).toBe(expected);
  });
  it.each(KNOWN_MISSES)('[%s] %j is a known miss (expected %j)', (_lang, text, expected) => {
    expect(labels(detector, text)).not.toBe(expected);
  });
});
