import { createSignalDetector } from '../detector/signal-detector';
import { probeLabels as labels } from './probe-labels.util';

// Review of the round 19 review fixes (08986fb, d4944f5, 619e19e, 3ca3217; docs f349c14): 132 probes written for
// this review (not taken from any corpus or spec), in the seven languages, with the labels the rules + classifier
// detector must give (u = urgency, s = safety, e = escalation, '' none). 62 positives (a fire told by other
// spreading verbs, a CO alarm's reading without "ppm", water into the consumer unit, breathing in distress, some
// inside a breathing class; lower case, typos, no punctuation, SMS style) and 70 hard negatives (a fire growing in
// a fireplace, barbecue, chiminea or fire pit as intended, "the fire in my belly", a cease-fire, a past fire; a CO
// alarm's expiry year, price, serial number or battery life; water into the electrics in a quote, a purpose clause or
// the past; breathing in meditation, yoga, freediving, singing or a fitness log). Known misses assert the current
// output; a comment marks where base 1fe3ccf (before the fixes) differed: "gain" (base wrong, now right),
// "regression" (base right, now wrong), "changed" (wrong before and after, differently).
type Probe = readonly [lang: string, text: string, expected: string];
type Miss = readonly [lang: string, text: string, expected: string, current: string];

const detector = createSignalDetector();

const PROBES: readonly Probe[] = [
  ['en', 'the blaze has reached our garage!!!', 'su'], // gain: base ""
  ['en', 'the fire from the bin is spreading onto the fence now', 'su'], // gain: base ""
  ['en', 'the flames are heading for the gas tank on the bbq, what now', 'su'], // gain: base ""
  ['en', 'the fire is spreading to the garage, get me a human NOW', 'esu'],
  ['de', 'das feuer greift gerade auf die nachbarwohnung über', 'su'], // gain: base ""
  ['de', 'die flammen werden immer größer im keller, wir sind draußen', 'su'], // gain: base "u"
  ['fr', 'les flammes gagnent le toit du voisin vite', 'su'], // gain: base ""
  ['fr', "l'incendie s'étend au garage on est sortis", 'su'], // gain: base ""
  ['es', 'el incendio se está propagando al edificio de al lado', 'su'], // gain: base ""
  ['es', 'las llamas ya han llegado al tejado!!', 'su'], // gain: base "u"
  ['it', 'le fiamme hanno già raggiunto il tetto del garage', 'su'], // gain: base ""
  ['it', 'il fuoco si sta allargando verso le scale', 'su'],
  ['pt', 'o fogo está a crescer no quintal e vem para a casa', 'su'], // gain: base ""
  ['pt', 'as chamas já chegaram ao telhado, socorro', 'su'], // gain: base ""
  ['nl', 'het vuur slaat over naar de schuur van de buren', 'su'], // gain: base ""
  ['nl', 'de vlammen worden steeds heviger in de keuken', 'su'], // gain: base ""
  ['en', 'the fire is spreading in the game and I cannot save my village lol', ''],
  ['en', 'a fire is spreading across the hills near Lisbon on the TV, are your flights still running?', ''],
  ['en', 'the fire had spread to the roof before the firefighters came, that was 2019, now I need a roof quote', ''],
  ['en', 'what should I do if the fire in the kitchen is getting bigger?', ''],
  ['en', 'the rumour is spreading that you are closing, is it true?', ''],
  ['en', 'a fire sale is spreading across all your stores, is the discount online too?', ''],
  ['de', 'Das Kaminfeuer wird immer größer, wenn ich Holz nachlege, ist das normal?', ''],
  ['de', 'Das Lagerfeuer wird immer größer, bringt bitte mehr Würstchen', ''],
  ['de', 'Der Brand hat damals die Scheune erreicht, das war 2015. Haben Sie Rauchmelder?', ''],
  ['fr', "dans le jeu, le feu s'étend à toute la forêt, c'est un bug ?", ''],
  ['es', 'la noticia del incendio se está propagando por las redes, ¿vuestra tienda está bien?', ''],
  ['it', 'nel film il fuoco si propaga a tutta la città, ci sono ancora biglietti?', ''],
  ['pt', 'o fogo chegou a estar fora de controlo no ano passado, mas agora está tudo bem', ''],
  ['nl', 'het haardvuur wordt steeds groter als ik blaas, is dat normaal?', ''],
  ['en', 'co alarm reads 300 and my head is pounding', 'su'], // gain: base ""
  ['en', 'CARBON MONOXIDE DETECTOR SHOWING 120 WHAT DO I DO', 'su'],
  ['en', 'our co monitor is now reading 95 and the kids feel sick', 'su'], // gain: base "u"
  ['en', 'the co alarm went off and now shows 75', 'su'], // gain: base "u"
  ['en', 'co alarm keeps going off, it reads 60', 'su'],
  ['de', 'kohlenmonoxidmelder zeigt 180 an und mir ist schwindelig', 'su'],
  ['fr', 'le détecteur de monoxyde de carbone indique 140 et ma fille vomit', 'su'],
  ['es', 'el detector de monóxido marca 200 y no para de pitar', 'su'], // gain: base ""
  ['it', 'il rilevatore di monossido segna 150, abbiamo tutti mal di testa', 'su'],
  ['pt', 'o alarme de CO mostra 90 e está sempre a apitar', 'su'], // gain: base "u"
  ['nl', 'de koolmonoxidemelder geeft 200 aan en mijn man is duizelig', 'su'],
  ['en', 'the co detector box says 10 year sealed battery, do you stock it?', ''],
  ['en', 'the co alarm reads 85 dB when it beeps, is that loud enough?', ''],
  ['en', 'rain is pouring thru the ceiling and dripping into the fuse box', 'su'],
  ['en', 'water from the flat upstairs coming down into the consumer unit!!', 'su'], // gain: base "u"
  ['en', 'theres water getting in the fusebox pls help', 'su'],
  ['de', 'wasser tropft vom dach direkt in den sicherungskasten', 'su'],
  ['fr', 'la pluie passe par le toit et coule dans le tableau électrique', 'su'],
  ['es', 'el agua de la lluvia cae sobre el cuadro eléctrico ahora mismo', 'su'],
  ['it', "l'acqua piovana sta colando nel quadro elettrico", 'su'],
  ['pt', 'a água da chuva está a escorrer para o quadro elétrico', 'su'],
  ['nl', 'het regenwater druppelt in de meterkast', 'su'],
  ['en', 'how much would a new fuse box cost? water was leaking into the fuse box last winter', ''],
  ['en', 'do you deal with water getting into a consumer unit?', ''],
  ['en', 'price for a consumer unit upgrade please, the water heater is on its own circuit', ''],
  ['fr', "combien coûte un tableau électrique ? l'eau qui coulait dans le tableau l'an dernier l'a abîmé", ''],
  ['es', '¿cuánto cuesta mover el cuadro eléctrico lejos de donde el agua caía en el cuadro antes de la reforma?', ''],
  ['nl', 'wat kost een nieuwe groepenkast? het water loopt gelukkig niet meer in de meterkast', ''], // gain: base "su"
  ['en', 'grandad only taking like 5 breaths a minute and wont wake up', 's'],
  ['en', 'hes breathing 4 breaths per min and going blue', 's'],
  ['en', 'after the breathing technique class my mum is gasping for air and her chest is tight', 's'],
  ['de', 'seine atmung ist ganz flach, nur noch 6 atemzüge pro minute', 's'], // gain: base ""
  ['fr', 'sa respiration devient de plus en plus lente, on ne le réveille pas', 's'],
  ['it', 'mia madre è svenuta durante la lezione di respirazione', 's'],
  ['it', 'il respiro è molto lento, solo 5 respiri al minuto', 's'], // gain: base ""
  ['pt', 'na aula de respiração meu pai se sentiu mal e desmaiou', 's'],
  ['pt', 'a minha mãe está a respirar muito mal na aula de yoga, tem dor no peito', 's'],
  ['nl', 'zijn ademhaling is heel oppervlakkig en hij reageert niet', 's'],
  ['en', 'my garmin logged 14 breaths per minute during my run, is that good?', ''], // gain: base "s"
  ['en', 'my watch says I only took 12 breaths a minute while meditating, cool huh', ''], // gain: base "s"
  ['en', 'do you sell the Breathe Easy air purifier in white?', ''],
  ['en', 'the freediving course teaches you to hold your breath for 2 minutes, right?', ''],
  ['en', 'does the singing class teach how to breathe from the diaphragm?', ''],
  ['nl', 'tijdens de yoga wordt de ademhaling langzaam en diep, heerlijk', ''],
  ['fr', "que faire si l'eau coule dans le tableau électrique ?", ''],
  ['en', 'the fire in the fireplace is getting bigger, how many logs should I add?', ''], // regression: base ""; fixed in dc44ffb
  ['en', 'the fire on the bbq is getting bigger now, time to put the burgers on', ''], // regression: base ""; fixed in dc44ffb
  ['en', "the fire's growing nicely in the chiminea, pizza goes in soon", ''], // regression: base ""; fixed in dc44ffb
  ['en', 'the flames have reached 2 metres in the fire pit, great product!', ''], // regression: base ""; fixed in dc44ffb
  ['en', 'the fire in my belly is growing, I am ready to start the bootcamp', ''], // regression: base ""; fixed in dc44ffb
  ['en', 'the flames on the logo are getting bigger in the new design, can you shrink them?', ''], // regression: base ""; fixed in dc44ffb
  ['fr', 'le feu grandit doucement dans la cheminée, je rajoute une bûche ?', ''], // regression: base ""; fixed in dc44ffb
  ['fr', "le cessez-le-feu s'étend à toute la région, vos vols reprennent ?", ''], // regression: base ""; fixed in dc44ffb
  ['it', 'il fuoco sta crescendo nel caminetto, aggiungo legna?', ''], // regression: base ""; fixed in dc44ffb
  ['pt', 'o fogo está a crescer na lareira, ponho mais lenha?', ''], // regression: base ""; fixed in dc44ffb
  ['nl', 'de brand heeft toen de schuur bereikt, dat was in 2010. Verkopen jullie blussers?', ''], // regression: base ""; fixed in dc44ffb
  ['en', 'the CO alarm model says 2030 on the back, is that the expiry year?', ''], // regression: base ""; fixed in dc44ffb
  ['en', 'the CO detector shows 2024 as the manufacture date, still ok?', ''], // regression: base ""; fixed in dc44ffb
  ['en', 'our CO alarm says 30 on the price tag but you charged 45', ''], // regression: base ""; fixed in dc44ffb
  ['en', 'the CO meter shows 12345 as its serial number, can you register it?', ''], // regression: base ""; fixed in dc44ffb
  ['en', 'the co alarm says 52 weeks of battery left, do I need to change it?', ''], // regression: base ""; fixed in dc44ffb
  ['de', 'Der CO-Melder zeigt 2029 als Ablaufdatum an, muss ich ihn tauschen?', ''], // regression: base ""; fixed in dc44ffb
  ['fr', "le détecteur de CO affiche 2032 comme date d'expiration, c'est bon ?", ''], // regression: base ""; fixed in dc44ffb
  ['es', 'el detector de CO marca 2030 como fecha de caducidad, ¿lo cambio?', ''], // regression: base ""; fixed in dc44ffb
  ['es', 'el detector de CO marca 18 meses de batería, ¿es normal?', ''], // regression: base ""; fixed in dc44ffb
  ['pt', 'o detetor de CO mostra 30 dias até trocar a bateria, vendem pilhas?', ''], // regression: base ""; fixed in dc44ffb
  ['en', "can you fit covers so rain doesn't end up running into the sockets outside?", ''], // regression: base ""; fixed in dc44ffb
  ['en', 'my dad did the breathing exercises the physio gave him but now his lips are turning blue', 's'], // regression: base "s"; fixed in dc44ffb
  ['en', 'a student is in respiratory distress in the pilates room right now', 's'], // regression: base "s"; fixed in dc44ffb
  ['en', "I'm doing the breathing exercises but I still can hardly breathe and my chest hurts", 's'], // regression: base "s"; fixed in dc44ffb
  ['de', 'Beim Atemkurs ist meine Mutter umgekippt und atmet kaum noch', 's'], // regression: base "s"; fixed in dc44ffb
  ['fr', "pendant le cours de respiration mon père s'est effondré, il respire à peine", 's'], // regression: base "s"; fixed in dc44ffb
  ['es', 'mi hija respira con dificultad en la clase de natación, está pálida y mareada', 's'], // regression: base "s"; fixed in dc44ffb
  ['es', 'mi madre respira muy poco y está pálida, estaba en yoga', 's'], // regression: base "s"; fixed in dc44ffb
  ['es', 'en la clase de respiración mi abuela se desmayó y no reacciona', 's'], // regression: base "s"; fixed in dc44ffb
  ['nl', 'na de ademhalingscursus is mijn vrouw helemaal grauw en hapt ze naar lucht', 's'], // regression: base "s"; fixed in dc44ffb
  ['en', 'when freediving I only take 4 breaths a minute, is your course ok for me?', ''], // fixed in dc44ffb
  ['de', 'Beim Freitauchen schaffe ich nur 4 Atemzüge pro Minute, ist das gut?', ''], // regression: base ""; fixed in dc44ffb
  ['de', 'Bei der Meditation ist das Ziel: die Atmung wird langsam und ruhig', ''], // regression: base ""; fixed in dc44ffb
  ['fr', "je fais seulement 6 respirations par minute en cohérence cardiaque, c'est bien ?", ''], // regression: base ""; fixed in dc44ffb
  ['fr', 'dans la méditation, la respiration devient lente et profonde, super séance', ''], // fixed in dc44ffb
  ['es', 'mi reloj marca 12 respiraciones por minuto en carrera lenta, ¿es normal?', ''], // regression: base ""; fixed in dc44ffb
  ['it', "in apnea faccio solo 3 respiri al minuto prima dell'immersione", ''], // regression: base ""; fixed in dc44ffb
  ['it', 'il respiro è lento e profondo durante la meditazione guidata, consigliate il corso?', ''], // regression: base ""; fixed in dc44ffb
  ['pt', 'no ioga, a respiração é lenta e profunda, adoro as aulas', ''], // regression: base ""; fixed in dc44ffb
  ['nl', 'mijn horloge zegt 14 ademhalingen per minuut, maar is dat goed tijdens het hardlopen?', ''], // regression: base ""; fixed in dc44ffb
  ['fr', "même si l'alarme s'est arrêtée, ça sent toujours le gaz dans la cuisine", 'su'], // regression: base "su"; fixed in dc44ffb
  ['fr', "je ne sais pas si l'odeur vient de la chaudière mais ça sent fort le gaz", 'su'], // regression: base "su"; fixed in dc44ffb
  ['en', 'fire in the shed is getting bigger help', 'su'], // fixed in 2a569f1
  ['en', 'the flames r moving towards the house pls send someone', 'su'], // fixed in 2a569f1
  ['en', 'FIRE IS GROWING IN THE KITCHEN CANT PUT IT OUT', 'su'], // fixed in 2a569f1
  ['en', 'teh fire is geting bigger in the hallway', 'su'], // fixed in 2a569f1
];

const KNOWN_MISSES: readonly Miss[] = [
  ['es', 'el fuego está creciendo en la chimenea, ¿echo más leña?', '', 's'], // changed: base "s" (was 'su' at 02814ba; dc44ffb)
  ['it', 'il rilevatore di CO segna 10 anni di garanzia sulla scatola', '', 'u'],
  ['nl', 'de co-melder geeft 85 decibel als hij piept, is dat hard genoeg?', '', 's'], // changed: base "s" (was 'su' at 02814ba; dc44ffb)
  ['en', 'we want the water softener and the boiler controller going into the meter cupboard, can you quote?', '', 'u'], // changed: base "u" (was 'su' at 02814ba; dc44ffb)
  ['de', 'Was kostet ein neuer Sicherungskasten? Das Wasser läuft jetzt nicht mehr in den Sicherungskasten, danke', '', 'su'],
  ['it', "quanto costa spostare il quadro elettrico? l'acqua non entra più nel quadro", '', 'u'],
  ['en', 'baby breathing really fast 70 breaths a minute and sucking in under the ribs', 's', 'su'],
  ['en', 'after sprints my breathing is fast, about 40 breaths a minute, normal?', '', 's'],
  ['en', 'Workout log: breathing shallow and fast on the last sprint, recovered in 2 min', '', 's'],
  ['en', 'in choir I keep running out of breath on the long notes, any breathing tips?', '', 's'],
];

describe('round 19 review fixes: review probes', () => {
  it.each(PROBES)('[%s] %j -> %j', (_lang, text, expected) => {
    expect(labels(detector, text)).toBe(expected);
  });
});

describe('round 19 review fixes: known misses (current output asserted)', () => {
  it.each(KNOWN_MISSES)('[%s] %j should be %j, is %j', (_lang, text, _expected, current) => {
    expect(labels(detector, text)).toBe(current);
  });
});
