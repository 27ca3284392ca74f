import { createSignalDetector } from '../detector/signal-detector';
import { probeLabels as labels } from './probe-labels.util';

// Round 19 review fixes: probes written for the fixes (not taken from any corpus), in the seven languages, with the
// labels the rules + classifier detector must give (u = urgency, s = safety, '' none): positives and hard negatives for
// each fix. The reviewer's own probes the fixes made right are in round19-review.spec.ts.
type Probe = readonly [lang: string, text: string, expected: string];

const detector = createSignalDetector();

/** Breathing told clinically (a breath rate with a sign of distress, breathing slow or shallow) and breathing as a practice (an exercise, a class, a coach's or a label's breath rate, a course that teaches it). */
const BREATHING: readonly Probe[] = [
  ['en', 'my dad is breathing very slowly, about 5 breaths a minute', 's'],
  ['en', 'my mum is only taking four breaths a minute and her lips are grey', 's'],
  ['en', 'the elderly man has trouble breathing and his lips are blue', 's'],
  ['en', "my son can't breathe in your swimming class, his lips are blue", 's'],
  ['de', 'er atmet nur noch etwa sechs Atemzüge pro Minute und wacht nicht auf', 's'],
  ['fr', 'elle respire lentement, à peine six respirations par minute', 's'],
  ['fr', 'mon père a de graves difficultés respiratoires et devient bleu', 's'],
  ['es', 'mi hijo tiene dificultad para respirar en la clase de natación, tiene los labios morados', 's'],
  ['es', 'su respiración es muy lenta, solo cuatro respiraciones por minuto', 's'],
  ['es', 'la respiración de mi abuelo se ha vuelto muy lenta y no despierta', 's'],
  ['it', 'respira solo otto volte, cinque respiri al minuto, non si sveglia', 's'],
  ['pt', 'a respiração dela está muito superficial e não acorda', 's'],
  ['nl', 'zijn ademhaling is heel traag, maar zes ademhalingen per minuut', 's'],
  ['en', 'the app counts 12 breaths per minute when I meditate', ''],
  ['en', 'my spin instructor says 20 breaths a minute is normal on the bike, is the class on Friday?', ''],
  ['en', 'my daughter has problems with breathing techniques in the choir, do you offer singing lessons?', ''],
  ['de', 'Macht ihr Atemübungen im Yogakurs am Dienstag?', ''],
  ['de', 'mein Trainer sagt 12 Atemzüge pro Minute beim Laufen sind normal, misst eure Uhr das?', ''],
  ['de', 'habt ihr Probleme mit den Atemübungen im Kurs? ich komme nicht mit', ''],
  ['de', 'das Kind hatte letztes Jahr eine sehr flache Atmung, jetzt alles gut, Termin für Kontrolle?', ''],
  ['fr', 'mon coach veut 30 respirations par minute pendant les intervalles, votre montre le mesure ?', ''],
  ['fr', "j'ai du mal avec les exercices de respiration du cours de yoga, je peux changer ?", ''],
  ['fr', 'mon chien a une respiration très lente depuis ce matin, vous avez un vétérinaire ?', ''],
  ['es', '¿qué hacemos si un alumno tiene dificultad para respirar en la clase de yoga?', ''],
  ['es', '¿las clases de natación enseñan a respirar bajo el agua?', ''],
  ['es', 'la respiración lenta es la base de nuestra clase de yoga, ¿quedan plazas?', ''],
  ['it', 'il corso di apnea insegna a respirare lentamente?', ''],
  ['it', 'il respiro lento aiuta a dormire, vendete il libro di meditazione?', ''],
  ['pt', 'as aulas de respiração da manhã ainda têm vagas?', ''],
  ['pt', 'a respiração lenta faz parte da aula de ioga, ainda há vagas?', ''],
  ['nl', 'mijn hardloopcoach wil 30 ademhalingen per minuut, meet jullie horloge dat?', ''],
  ['nl', 'ik krijg de ademhalingsoefeningen niet goed onder de knie in jullie yogales, kan ik ruilen?', ''],
];

/** A fire told by other spreading verbs, and the same verbs in a game, a film, the news, the past or a fireplace. */
const FIRE: readonly Probe[] = [
  ['en', 'the fire in the garage is spreading to the house', 'su'],
  ['en', 'the flames have reached the stairs and we are upstairs', 'su'],
  ['de', 'Das Feuer greift schon auf die Scheune über', 'su'],
  ['de', 'Das Feuer wird immer größer und wir bekommen es nicht aus', 'su'],
  ['fr', "l'incendie s'étend au deuxième étage", 'su'],
  ['fr', 'les flammes atteignent le toit du garage', 'su'],
  ['es', 'el incendio se está extendiendo al piso de arriba', 'su'],
  ['es', 'las llamas ya han llegado al tejado', 'su'],
  ['it', 'le fiamme hanno raggiunto il garage', 'su'],
  ['it', 'il fuoco sta crescendo in cucina e non riusciamo a spegnerlo', 'su'],
  ['pt', 'o incêndio está a alastrar para o prédio', 'su'],
  ['pt', 'as chamas já chegaram ao telhado', 'su'],
  ['nl', 'de brand slaat over naar de buren', 'su'],
  ['nl', 'de vlammen hebben de schuur al bereikt', 'su'],
  ['en', 'the fire spread to the roof last year and you repaired it, can you check the gutters?', ''],
  ['en', 'in the game the fire in the forest is getting bigger, is it rated for kids?', ''],
  ['en', 'in the film the flames are getting bigger as the city burns, when is it on?', ''],
  ['en', 'the fire spread to the roof years ago, can you check the chimney now it is dry?', ''],
  ['de', 'Im Spiel greift das Feuer auf das ganze Dorf über, gibt es das für die Switch?', ''],
  ['de', 'Letztes Jahr griff das Feuer auf die Scheune über, können Sie das Dach prüfen?', ''],
  ['fr', "dans le jeu vidéo les flammes gagnent toute la carte, vous l'avez en stock ?", ''],
  ['fr', "le feu de cheminée grandit quand j'ajoute du bois, vous vendez des pare-feu ?", ''],
  ['fr', "l'incendie de forêt se propage selon les infos, la livraison est maintenue ?", ''],
  ['es', 'en la película las llamas están creciendo sin parar, ¿hay entradas?', ''],
  ['es', 'el incendio forestal se está extendiendo en Grecia, ¿se cancela la excursión?', ''],
  ['it', 'nel film le fiamme si stanno allargando verso la città, ci sono biglietti?', ''],
  ['pt', 'no filme as chamas estão a crescer, ainda há bilhetes?', ''],
  ['nl', 'in de game slaat het vuur over naar het bos, hebben jullie die nog?', ''],
  ['nl', 'vorig jaar sloeg het vuur over naar de schuur, kunnen jullie het dak nakijken?', ''],
  ['nl', 'het vuur in de open haard wordt groter als ik hout toevoeg, verkopen jullie haardschermen?', ''],
];

/** A carbon-monoxide reading told without "ppm", and numbers that are another quantity. */
const CO_READING: readonly Probe[] = [
  ['en', 'the CO detector reads 250 and my head hurts', 'su'],
  ['en', 'the carbon monoxide alarm is showing 120 and the baby is drowsy', 'su'],
  ['de', 'der CO-Melder zeigt 250 an und mir ist schwindelig', 'su'],
  ['fr', 'le détecteur de monoxyde affiche 180 et on a mal à la tête', 'su'],
  ['es', 'el detector de monóxido marca 150 y estamos mareados', 'su'],
  ['it', 'il rilevatore di monossido segna 200 e abbiamo mal di testa', 'su'],
  ['pt', 'o detetor de monóxido de carbono marca 300 e estamos com náuseas', 'su'],
  ['nl', 'de koolmonoxidemelder geeft 160 aan en we zijn duizelig', 'su'],
  ['en', 'the CO detector shows 12:30 instead of the time, can you reset it?', ''],
  ['en', 'the CO alarm reads 0 after your service', ''],
  ['en', 'the co detector says 10 years on the label, is it still ok?', ''],
  ['en', 'the CO alarm reads 20 degrees on its thermometer, is that normal?', ''],
  ['en', 'the CO detector costs 30 on your website, do you install it?', ''],
  ['en', 'my CO alarm went off last week because of the battery, all fine now', ''],
  ['de', 'der CO-Melder zeigt 10 Jahre Laufzeit, muss ich ihn tauschen?', ''],
  ['fr', "le détecteur de CO affiche 12:30 au lieu de l'heure, vous pouvez le régler ?", ''],
  ['es', 'el detector de monóxido marca 25 euros en vuestra web, ¿tenéis stock?', ''],
  ['pt', 'o medidor de CO2 da sala marca 900, podem rever a ventilação no próximo mês?', ''],
  ['nl', 'de co-melder toont 10 jaar garantie op de doos, klopt dat?', ''],
];

/** Water into the consumer unit with words between, and questions, repairs and the past. */
const WATER_INTO_CONSUMER_UNIT: readonly Probe[] = [
  ['en', 'water from the bath upstairs is dripping into the fuse box', 'su'],
  ['en', 'the roof is leaking and water is now dripping into the consumer unit', 'su'],
  ['de', 'Regenwasser kommt rein und läuft in den Sicherungskasten', 'su'],
  ['de', 'Wasser läuft gerade in den Verteilerkasten', 'su'],
  ['fr', "l'eau de pluie entre et coule dans le tableau électrique", 'su'],
  ['es', 'entra agua de lluvia y cae en el cuadro eléctrico', 'su'],
  ['it', "l'acqua piovana entra e cola nel quadro elettrico", 'su'],
  ['pt', 'a água da chuva entra e escorre para o quadro elétrico', 'su'],
  ['nl', 'regenwater komt binnen en loopt in de groepenkast', 'su'],
  ['en', 'no water is getting into the consumer unit now, thanks for the fix', ''],
  ['en', 'can you move the consumer unit before the new kitchen goes in next month?', ''],
  ['en', 'water got into the consumer unit last year and you rewired it, can you check the sockets?', ''],
  ['en', 'if water gets into the consumer unit what should I do?', ''],
  ['de', 'Können Sie den Verteilerkasten nächste Woche tauschen?', ''],
  ['de', 'kein Wasser läuft mehr in den Sicherungskasten, danke', ''],
  ['fr', "l'année dernière l'eau est entrée dans le tableau électrique, vous pouvez vérifier ?", ''],
  ['fr', "si l'eau coule dans le tableau électrique, que faire ?", ''],
  ['es', 'el año pasado entró agua en el cuadro eléctrico, ¿podéis revisar la instalación?', ''],
  ['nl', 'vorig jaar liep er water in de meterkast, kunnen jullie de kabels controleren?', ''],
];

// Second pass (the review of these fixes, 02814ba): new probes per cause, written for the fixes, not the reviewer's.

/** (1) The English fire pattern: a fire meant to burn growing, a figurative or drawn fire, a height is not a danger; a fire moving out of a hearth is. */
const FIRE_MEANT_TO_BURN_EN: readonly Probe[] = [
  ['en', 'the fire in the wood burner is growing nicely, should I close the vent?', ''],
  ['en', 'the flames in the log burner are getting bigger when I open the door, normal?', ''],
  ['en', 'the fire in my soul is growing since I joined your running club', ''],
  ['en', 'the flames on the poster are spreading too far into the text, can the designer fix it?', ''],
  ['en', 'the flames have reached 3 feet on the patio heater, is that normal?', ''],
  ['en', 'the fire from the bbq has spread to the fence, please help', 'su'],
  ['en', 'the flames in the fireplace are spreading onto the rug!!', 'su'],
  ['en', 'the fire in the garage is getting bigger and we are outside', 'su'],
  ['en', 'fire in the loft is growing fast, we are all outside', 'su'],
  ['en', 'FLAMES R HEADING FOR THE SHED', 'su'],
  ['en', 'fire is growing in the fire pit, lovely evening', ''],
  ['en', 'fire in my heart is growing for this brand, take my money', ''],
];

/** (2) The other languages: a fire meant to burn, a cease-fire, a fire that reached something years ago; a fire growing in a house still is one. */
const FIRE_MEANT_TO_BURN_I18N: readonly Probe[] = [
  ['fr', "le feu dans la cheminée grandit, c'est normal avec du bois sec ?", ''],
  ['fr', "le cessez-le-feu se propage à d'autres villes, vos hôtels rouvrent ?", ''],
  ['de', 'die Flammen im Grill werden immer größer, wann lege ich das Fleisch drauf?', ''],
  ['es', 'las llamas de la hoguera están creciendo, ¿traéis más salchichas?', ''],
  ['it', 'il fuoco nel braciere sta crescendo, serve altra carbonella?', ''],
  ['pt', 'as chamas na churrasqueira estão a aumentar, já posso pôr a carne?', ''],
  ['nl', 'het vuur in de vuurkorf wordt steeds groter, gezellig!', ''],
  ['nl', 'de vlammen hebben destijds de schuur bereikt, nu willen we een blusser', ''],
  ['nl', 'het vuur in de schuur wordt steeds groter, bel de brandweer', 'su'],
  ['fr', 'le feu grandit dans la cuisine, on est dehors', 'su'],
  ['de', 'das Feuer wird immer größer, wir sind alle raus aus dem Haus', 'su'],
  ['it', 'le fiamme stanno crescendo nel garage, aiuto', 'su'],
  ['es', 'el fuego está creciendo en el salón, ya hemos salido', 'su'],
  ['pt', 'o fogo está a aumentar na cozinha, socorro', 'su'],
];

/** (3) A CO alarm's number that is a label (a year, a price, an expiry date, a model number) or another unit (weeks, days, decibels); a reading still is one. */
const CO_LABEL_NOT_READING: readonly Probe[] = [
  ['en', 'the co alarm says 2031 on the sticker, when should I replace it?', ''],
  ['en', 'the co detector shows 8 weeks of battery life left', ''],
  ['de', 'der CO-Melder zeigt 49 als Preis auf dem Etikett, gibt es ihn günstiger?', ''],
  ['fr', "l'alarme de CO indique 90 décibels, c'est assez fort ?", ''],
  ['it', 'il rilevatore di CO segna 2035 come data di scadenza', ''],
  ['pt', 'o detetor de CO mostra 40 semanas de bateria, é normal?', ''],
  ['nl', 'de co-melder toont 30 dagen tot de batterij leeg is', ''],
  ['es', 'el detector de CO marca 120 como número de modelo', ''],
  ['en', 'the co alarm is going off and reads 180, we feel dizzy', 'su'],
  ['fr', 'le détecteur de CO affiche 250 et on a tous mal à la tête', 'su'],
  ['it', "l'allarme di monossido segna 120 e mia figlia ha la nausea", 'su'],
  ['nl', 'de co-melder geeft 150 aan en piept de hele tijd', 'su'],
];

/** (4) Water into sockets after "won't", "didn't", in a purpose clause, or a water appliance; water running in now still is. */
const WATER_NEGATED_OR_PURPOSE: readonly Probe[] = [
  ['en', 'fit a canopy to stop rain dripping onto the sockets outside, how much?', ''],
  ['en', "the water didn't get into the consumer unit in the end, thanks for asking", ''],
  ['en', "water is getting into the consumer unit and it's buzzing", 'su'],
  ['en', 'rain keeps leaking through the roof and dripping onto the sockets, help', 'su'],
];

/** (5) An emergency during a breathing class or exercise (collapsed, fainted, gasping, not waking) is one; an enquiry about the class is not. */
const DISTRESS_IN_A_BREATHING_CLASS: readonly Probe[] = [
  ['en', 'my husband collapsed in the breathing class and is not responding', 's'],
  ['en', 'during the breathing exercises my son started gasping and his lips are going blue', 's'],
  ['fr', "au cours de respiration une élève s'est évanouie et ne réagit plus", 's'],
  ['it', 'durante il corso di respirazione mio padre è svenuto e respira male', 's'],
  ['pt', 'na aula de respiração a minha avó desmaiou e não acorda', 's'],
  ['nl', 'tijdens de ademhalingsoefening is mijn moeder flauwgevallen', 's'],
  ['es', '¿en la clase de respiración enseñáis a respirar con el diafragma?', ''],
  ['it', "se qualcuno sviene durante il corso di respirazione, c'è un medico?", ''],
];

/** (6) A breath rate after a common word far from it, in a watch, a run, yoga or meditation is not distress; next to the rate or with a sign it is. */
const BREATH_RATE_COMMON_WORDS: readonly Probe[] = [
  ['de', 'meine Uhr zeigt nur 13 Atemzüge pro Minute im Schlaf an, ist das ok?', ''],
  ['nl', 'ik haal tijdens het hardlopen maar 20 ademhalingen per minuut, klopt dat?', ''],
  ['fr', 'en yoga, je ne fais que 5 respirations par minute, seulement au début', ''],
  ['es', 'en la carrera lenta de ayer tuve 30 respiraciones por minuto', ''],
  ['it', 'la sera faccio meditazione e il respiro è lento e regolare', ''],
  ['pt', 'na meditação a respiração é lenta e tranquila', ''],
  ['de', 'Opa atmet nur noch 5 Atemzüge pro Minute, wir kriegen ihn nicht wach', 's'],
  ['nl', 'mijn vader haalt nog maar 6 ademhalingen per minuut en reageert niet', 's'],
  ['es', 'mi abuelo hace apenas 6 respiraciones por minuto, ayuda', 's'],
  ['it', 'mio nonno fa solo 4 respiri al minuto e non si sveglia', 's'],
  ['pt', 'a respiração dela está muito superficial, só 5 por minuto', 's'],
];

/** (7) French "même si" and "je ne sais pas si" are not hypothetical; "si" before a hazard still is. */
const FRENCH_SI: readonly Probe[] = [
  ['fr', 'même si la fenêtre est ouverte, ça sent encore le gaz partout', 'su'],
  ['fr', "je ne sais pas si l'alarme marche mais ça sent le gaz dans tout l'appartement", 'su'],
  ['fr', 'on ne sait pas si la chaudière est en cause, ça sent le gaz très fort', 'su'],
  ['fr', "que faire si l'odeur de gaz revient ?", ''],
  ['fr', "si l'eau entre dans le tableau électrique, est-ce que ça coupe ?", ''],
  ['fr', 'si ça sent le gaz, qui dois-je appeler ?', ''],
];

const GROUPS: ReadonlyArray<readonly [name: string, probes: readonly Probe[]]> = [
  ['breathing told clinically or as a practice', BREATHING],
  ['a fire told by other spreading verbs', FIRE],
  ['a carbon-monoxide reading without "ppm"', CO_READING],
  ['water into the consumer unit', WATER_INTO_CONSUMER_UNIT],
  ['(1) a fire meant to burn, figurative or drawn (English)', FIRE_MEANT_TO_BURN_EN],
  ['(2) a fire meant to burn, a cease-fire, a past fire (other languages)', FIRE_MEANT_TO_BURN_I18N],
  ['(3) a CO alarm label, not a reading', CO_LABEL_NOT_READING],
  ['(4) water into sockets negated or in a purpose clause', WATER_NEGATED_OR_PURPOSE],
  ['(5) distress in a breathing class', DISTRESS_IN_A_BREATHING_CLASS],
  ['(6) a breath rate and common words', BREATH_RATE_COMMON_WORDS],
  ['(7) French "même si", "sais pas si"', FRENCH_SI],
];

describe.each(GROUPS)('round 19 review fixes: %s', (_name, probes) => {
  it.each(probes)('[%s] %j -> %j', (_lang, text, expected) => {
    expect(labels(detector, text)).toBe(expected);
  });
});

/**
 * Second pass probes these fixes leave wrong, asserted at the current output (expected, current); base 1fe3ccf gave the
 * same: the classifier's urgency for water near sockets or a water heater (no rule matches), a negation cue earlier in
 * the clause ("isn't stopping") guarding the water rule, the classifier missing a collapse in German.
 */
type Miss = readonly [lang: string, text: string, expected: string, current: string];
const SECOND_PASS_MISSES: readonly Miss[] = [
  ['en', "we need the outdoor sockets sealed so water won't get into the sockets in winter", '', 'u'],
  ['en', 'does the new water heater going into the fuse box cupboard need its own circuit?', '', 'u'],
  ['en', "the leak from the bathroom isn't stopping and water is running into the fuse box", 'su', ''],
  ['de', 'im Atemkurs ist ein Teilnehmer zusammengebrochen, schnell', 's', ''],
];

describe('round 19 review fixes, second pass: known misses (current output asserted)', () => {
  it.each(SECOND_PASS_MISSES)('[%s] %j should be %j, is %j', (_lang, text, _expected, current) => {
    expect(labels(detector, text)).toBe(current);
  });
});
