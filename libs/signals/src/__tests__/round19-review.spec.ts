import { createSignalDetector } from '../detector/signal-detector';
import { probeLabels as labels } from './probe-labels.util';

// Round 19 review: 176 probes written for the review (not taken from any corpus), in the seven
// languages, with the labels the rules + classifier detector must give (u = urgency, s = safety,
// e = escalation, '' none). Aimed at round 19's clinical and machine-translated danger rules: breathing
// told clinically, pinpoint pupils, heavy bleeding, a CO alarm read in ppm, water into the electrics, a gun
// pointed at people, a child locked in a car, a fire told by its spreading; 99 hard negatives
// (breathing exercises, a breath rate with no one in danger, a nosebleed, blood donation, "bleeding money",
// a water-hardness or aquarium ppm reading, gun shops and paintball, a fire spreading in a game or a story,
// a toddler in a playpen, past and hypothetical events). Known misses assert the current output; a
// comment marks where base 1c4076a (before round 19) differed.
type Probe = readonly [lang: string, text: string, expected: string];
type Miss = readonly [lang: string, text: string, expected: string, current: string];

const detector = createSignalDetector();

const PROBES: readonly Probe[] = [
  ['en', 'my dad is struggling to get air in, his breathing is really laboured and noisy', 's'],
  ['en', 'my wife has severe shortness of breath, she can only say two words at a time', 's'], // gain: base ""
  ['de', 'Mein Mann hat plötzlich starke Atemnot und kann kaum noch sprechen', 's'],
  ['de', 'Seine Atmung ist ganz flach und langsam, er reagiert kaum', 's'],
  ['fr', 'mon fils a une respiration très lente et superficielle, il ne se réveille pas', 's'],
  ['es', 'mi padre tiene mucha dificultad para respirar y los labios morados', 's'],
  ['it', 'mia madre ha una grave difficoltà respiratoria e non riesce a parlare', 's'],
  ['it', 'il respiro è lento e superficiale, non risponde bene', 's'],
  ['pt', 'o meu marido está com muita dificuldade em respirar, está a ficar azul', 's'],
  ['nl', 'mijn vader is erg kortademig en kan bijna niet praten, zijn lippen zijn blauw', 's'],
  ['nl', 'hij ademt heel oppervlakkig en traag en is suf', 's'],
  ['en', 'do you offer breathing exercises in the yoga class on Tuesday?', ''],
  ['en', 'the breathing technique your physio taught me helped a lot, thanks', ''],
  ['en', 'my son had difficulty breathing when he had croup last year, is the pool ok for asthma kids?', ''],
  ['de', 'Bieten Sie Atemübungen für Schwangere an?', ''],
  ['fr', 'vos cours de respiration lente le matin sont-ils complets ?', ''],
  ['it', 'fate esercizi di respirazione nel corso di pilates?', ''],
  ['pt', 'a aula de meditação com exercícios de respiração ainda tem vagas?', ''],
  ['nl', 'geven jullie ademhalingsoefeningen bij de zwangerschapsyoga?', ''],
  ['en', 'my friend took something at the party, her pupils are tiny like pinpoints and she is barely breathing', 's'],
  ['de', 'Seine Pupillen sind stecknadelkopfgroß und er ist kaum ansprechbar', 's'],
  ['en', 'the eye test said my pupils are small, can I drive after the appointment?', ''],
  ['en', 'there is blood pouring from the cut on his leg and it soaks through every towel', 's'],
  ['en', 'she is losing a lot of blood from her arm after the fall in your shop', 's'],
  ['de', 'Er blutet stark aus der Wunde am Kopf, das hört nicht auf', 's'],
  ['fr', "il y a une hémorragie importante à la jambe, le sang ne s'arrête pas", 's'], // gain: base ""
  ['es', 'tiene una hemorragia fuerte en el brazo, no deja de salir sangre', 's'], // gain: base ""
  ['it', 'sta sanguinando molto dalla gamba e non si ferma', 's'],
  ['nl', 'hij verliest heel veel bloed uit zijn arm, het houdt niet op', 's'],
  ['en', 'I have a nosebleed after the flight, can I still come to my massage?', ''],
  ['en', 'my gums bleed a bit when I brush, can I book a hygienist?', ''],
  ['en', 'this subscription is bleeding money, cancel it please', ''],
  ['en', 'I gave blood this morning, is it ok to do the spin class tonight?', ''],
  ['en', 'where is the next blood donation day at your centre?', ''],
  ['de', 'Ich war heute Blut spenden, darf ich danach in die Sauna?', ''],
  ['de', 'Mein Zahnfleisch blutet ein bisschen, kann ich einen Termin zur Zahnreinigung haben?', ''],
  ['fr', 'je saigne du nez depuis ce matin, puis-je quand même venir à mon rendez-vous ?', ''],
  ['fr', 'le don du sang a lieu dans votre salle samedi ?', ''],
  ['es', '¿organizáis una campaña de donación de sangre este mes?', ''],
  ['es', 'esta tienda nos está desangrando con los precios', ''],
  ['it', 'ho donato il sangue stamattina, posso fare palestra stasera?', ''],
  ['it', "mi sanguina un po' il naso, posso comunque venire?", ''],
  ['pt', 'doei sangue hoje, posso ir ao treino amanhã?', ''],
  ['pt', 'tenho uma hemorragia nasal ligeira, posso vir à consulta?', ''],
  ['nl', 'ik heb vanochtend bloed gegeven, mag ik vanavond sporten?', ''],
  ['nl', 'mijn tandvlees bloedt een beetje, kan ik een afspraak maken?', ''],
  ['en', 'last month I bled heavily after the extraction but it has healed now, thanks', ''],
  ['en', 'my period bleeding is heavy this month, can I move my waxing appointment?', ''],
  ['en', 'the horror film had so much heavy bleeding, my kid had nightmares, do you have a family film?', ''],
  ['en', 'the carbon monoxide detector is showing 250 ppm and my kids feel dizzy', 'su'],
  ['de', 'Der Kohlenmonoxidmelder zeigt 120 ppm an und mir ist schwindelig', 'su'],
  ['fr', 'le détecteur de CO affiche 200 ppm et on a tous mal à la tête', 'su'], // gain: base "u"
  ['es', 'el detector de monóxido marca 150 ppm y estamos mareados', 'su'], // gain: base "u"
  ['it', 'il rilevatore di monossido segna 180 ppm e abbiamo mal di testa', 'su'],
  ['pt', 'o detetor de monóxido de carbono marca 300 ppm e estamos com náuseas', 'su'], // gain: base ""
  ['nl', 'de koolmonoxidemelder geeft 160 ppm aan en we zijn duizelig', 'su'],
  ['en', 'my aquarium nitrate test reads 40 ppm, do you sell water conditioner?', ''],
  ['en', 'the pool chlorine test says 3 ppm, can you come and service the pump next week?', ''],
  ['de', 'Unser Wasser hat laut Test 180 ppm Kalk, verkaufen Sie Enthärter?', ''],
  ['fr', 'mon eau du robinet est à 250 ppm de calcaire, vous installez des adoucisseurs ?', ''],
  ['it', "il test dell'acqua dice 200 ppm, fate impianti di addolcimento?", ''],
  ['pt', 'o medidor de CO2 da sala marca 900 ppm, podem rever a ventilação no próximo mês?', ''],
  ['nl', 'de waterhardheid is 170 ppm volgens de test, verkopen jullie ontkalkers?', ''],
  ['en', 'the CO alarm went off last week because of a low battery, your engineer changed it, all fine', ''],
  ['fr', "l'alarme CO s'est déclenchée hier à cause de la pile, c'est réglé maintenant", ''],
  ['en', 'do your CO detectors show the ppm reading on the screen?', ''],
  ['en', 'the leak upstairs drips straight onto the plug socket by the bed', 'su'],
  ['de', 'Wasser tropft gerade in den Sicherungskasten', 'su'],
  ['fr', "l'eau coule dans le boîtier électrique en ce moment", 'su'],
  ['es', 'está entrando agua en el cuadro eléctrico ahora mismo', 'su'],
  ['it', "l'acqua sta entrando nella scatola elettrica adesso", 'su'],
  ['pt', 'está a entrar água no quadro elétrico agora', 'su'],
  ['nl', 'er loopt water in de meterkast, nu op dit moment', 'su'],
  ['en', 'can your electrician move the electric box before we retile the bathroom next month?', ''],
  ['en', 'the water which enters in the garden tank is brown, can you test it next week?', ''],
  ['de', 'Können Sie den Sicherungskasten nächste Woche austauschen?', ''],
  ['en', 'a man just walked in and is aiming a pistol at the staff behind the counter', 's'],
  ['en', 'someone outside is waving a rifle at the people in the queue', 's'],
  ['de', 'Ein Mann bedroht uns gerade mit einer Pistole im Laden', 's'],
  ['fr', 'un homme braque une arme sur les clients à la caisse', 's'],
  ['es', 'un hombre está apuntando con una pistola a los clientes', 's'],
  ['it', 'un uomo punta una pistola contro i clienti alla cassa', 's'], // gain: base ""
  ['pt', 'um homem está a apontar uma arma aos clientes', 's'],
  ['nl', 'een man richt een pistool op de klanten bij de kassa', 's'],
  ['en', 'is the gun shop next to your salon open on Sunday?', ''],
  ['en', 'we want to book paintball for a stag party, do you provide the guns?', ''],
  ['en', 'the kids pointed their water guns at each other all afternoon, great party, thanks', ''],
  ['en', 'in the film a man points a gun at the hostages, what time is the last showing?', ''],
  ['de', 'Habt ihr beim Paintball auch Masken für Kinder?', ''],
  ['fr', 'le stand de tir à la carabine est-il ouvert samedi ?', ''],
  ['es', '¿el laser tag incluye pistolas para niños de ocho años?', ''],
  ['it', 'vendete pistole ad acqua per la festa in piscina?', ''],
  ['pt', 'o paintball inclui as armas e as máscaras?', ''],
  ['nl', 'is de schietvereniging naast jullie zaak ook open op zondag?', ''],
  ['en', 'the nail gun your builder left is pointed at nothing, can he collect it tomorrow?', ''],
  ['en', 'my little boy is stuck in the car, I locked the keys inside and it is getting hot', 'su'],
  ['en', 'the baby is shut in the car in your car park and the keys are inside with her', 'su'],
  ['de', 'Mein Kleinkind ist im Auto eingeschlossen, der Schlüssel liegt drinnen', 'su'],
  ['fr', 'mon bébé est enfermé dans la voiture avec les clés, il fait chaud', 'su'],
  ['es', 'mi bebé se ha quedado encerrado en el coche con las llaves dentro', 'su'],
  ['it', 'il mio bambino è chiuso in macchina con le chiavi dentro', 'su'],
  ['pt', 'o meu bebé ficou fechado no carro com as chaves lá dentro', 'su'],
  ['nl', 'mijn peuter zit opgesloten in de auto en de sleutels liggen erin', 'su'],
  ['en', 'the toddler is safely locked in the playpen while I wait for your call', ''],
  ['en', 'can the child lock on the car door be fixed at your garage next week?', ''],
  ['de', 'Das Kind ist im Laufstall, können Sie morgen kommen?', ''],
  ['fr', 'le verrou enfant de la voiture est cassé, vous pouvez le réparer lundi ?', ''],
  ['es', 'el seguro para niños del coche no funciona, ¿tenéis cita el martes?', ''],
  ['it', 'la sicura per bambini della portiera è rotta, potete ripararla?', ''],
  ['pt', 'o trinco de segurança para crianças do carro avariou, têm vaga?', ''],
  ['nl', 'het kinderslot van de achterdeur is kapot, kan dat volgende week?', ''],
  ['en', 'last summer my son got locked in the car for a minute, scary, anyway do you sell sun shades?', ''],
  ['fr', 'le feu se propage dans le garage', 'su'], // gain: base ""
  ['it', 'il fuoco si sta propagando al garage', 'su'], // gain: base ""
  ['pt', 'o fogo está a alastrar para a casa ao lado', 'su'],
  ['en', 'news says the wildfire is spreading in the hills, will you still deliver on Friday?', ''],
  ['en', 'the fire was spreading fast last night but the fire brigade put it out, can you clean the smoke damage?', ''],
  ['en', 'rumours are spreading like wildfire about your sale, is it true?', ''],
  ['de', 'Im Spiel breitet sich das Feuer aus, habt ihr noch Plätze im Escape Room?', ''],
  ['de', 'Gestern breitete sich das Feuer aus, aber die Feuerwehr hat es gelöscht, können Sie die Rußschäden reinigen?', ''],
  ['fr', "l'incendie de forêt se propage selon les infos, la livraison est maintenue ?", ''],
  ['es', 'ayer el fuego se extendió pero los bomberos lo apagaron, ¿podéis limpiar el hollín?', ''],
  ['pt', 'no jogo o fogo espalha-se pelo mapa, têm a versão para PC?', ''],
  ['nl', 'in het spel verspreidt het vuur zich, hebben jullie nog een controller?', ''],
  ['en', 'the fire pit flames get bigger when I add logs, do you sell spark guards?', ''],
  ['en', 'the chef sets the dessert alight at the table, can we book that for Saturday?', ''],
  ['en', 'my uncle had difficulty breathing last year after surgery, does your gym have oxygen?', ''],
  ['fr', "mon voisin a eu une hémorragie l'an dernier, vous vendez des garrots ?", ''],
  ['it', 'se qualcuno punta una pistola in negozio, cosa prevede la vostra assicurazione?', ''],
  ['nl', 'vorige week had mijn moeder ademnood, nu gaat het goed, kan ik de afspraak verzetten?', ''],
  ['de', 'Was tun, wenn jemand stark blutet? Bieten Sie Erste-Hilfe-Kurse an?', ''],
  ['en', 'the pupils in year one are tiny, is your climbing wall safe for five-year-olds?', ''],
  ['en', 'in the novel the flames are getting bigger as the hero escapes, is the sequel in stock?', ''],
  ['en', 'the fire is spreading to the stairs and we are trapped upstairs', 'su'], // gain: base ""
  ['en', 'someone is pointing a knife and a gun at my sister in the car park outside your shop', 's'],
  ['en', 'he is breathing very slowly and his lips are grey after the pills', 's'],
  ['nl', 'de kinderen spelen paintball en richten op elkaar, leuk feest, bedankt', ''],
  ['pt', 'no filme o fogo está a espalhar-se pela cidade, ainda há bilhetes?', ''], // gain: base "s"
  ['es', 'el incendio forestal se está extendiendo en Grecia, ¿se cancela la excursión?', ''],
  // Round 19 review fix: fiction, games and the news as the setting (context cue); regressions of e6e7678 and 5eeedc9, right again.
  ['en', 'in the game the fire is spreading across the map, is the arcade open late?', ''],
  ['en', 'in my story the fire is spreading through the village, can you print 20 copies?', ''],
  ['fr', 'dans le jeu vidéo le feu se propage partout, vous avez des manettes ?', ''],
  ['es', 'en la novela el fuego se extiende por el pueblo, ¿tenéis el segundo tomo?', ''],
  ['it', 'nel videogioco il fuoco si propaga ovunque, avete il controller?', ''],
  ['en', 'there was so much blood in that horror film, do you have something lighter for Saturday?', ''],
  ['en', 'the forest fire is spreading in Canada according to the news, are flights affected?', ''],
  // Round 19 review fixes: known misses now right (breathing told clinically or as a practice, a fire told by other
  // spreading verbs, a CO reading without ppm, water into a consumer unit); see round19-fixes.spec.ts.
  ['en', 'the patient in your clinic is taking only about six breaths a minute and will not wake properly', 's'],
  ['fr', 'ma grand-mère a de grandes difficultés respiratoires depuis dix minutes', 's'],
  ['es', 'respira muy despacio, unas cinco respiraciones por minuto', 's'],
  ['pt', 'a respiração dele está muito lenta, umas seis por minuto', 's'],
  ['es', '¿el curso de buceo enseña a respirar despacio bajo el agua?', ''],
  ['en', 'the mask says "breathe slowly, 10 breaths a minute" on the box, is it the right size for a kid?', ''],
  ['en', 'my running coach wants 30 breaths a minute during intervals, does your watch track that?', ''],
  ['en', 'our CO alarm just went off and reads 95, we have headaches', 'su'],
  ['en', 'rain water is coming in and running into the consumer unit right now', 'su'],
  ['en', 'the flames from the bin have reached the fence and are moving towards the house', 'su'],
  ['en', 'the fire in the kitchen is getting bigger and we cannot put it out', 'su'],
  ['de', 'Das Feuer greift auf das Dach über', 'su'],
  ['de', 'Die Flammen werden immer größer in der Küche', 'su'],
  ['fr', 'les flammes gagnent la maison voisine', 'su'],
  ['es', 'el incendio se está propagando al edificio', 'su'],
  ['es', 'las llamas están creciendo en la cocina', 'su'],
  ['it', 'le fiamme si stanno allargando verso il tetto', 'su'],
  ['pt', 'as chamas estão a crescer na cozinha', 'su'],
  ['nl', 'het vuur slaat over naar het dak', 'su'],
  ['nl', 'de vlammen worden steeds groter in de keuken', 'su'],
  ['es', '¿qué hago si alguien tiene dificultad para respirar en clase?', ''],
  ['en', 'I have trouble with breathing exercises in your yoga class, can I swap to pilates?', ''],
  ['de', 'Die Flammen haben schon die Garage erreicht, das Feuer wird immer größer', 'su'],
  ['fr', 'il respire à peine, environ cinq respirations par minute', 's'],
];

const KNOWN_MISSES: readonly Miss[] = [
  ['pt', 'está a perder muito sangue da perna, não para', 's', ''],
  ['en', 'the fridge thermometer reads 4 degrees and the water test shows 150 ppm hardness, is that normal?', '', 'u'],
  ['es', 'el medidor de TDS marca 120 ppm, ¿es buena el agua del filtro?', '', 'u'],
  ['pt', 'ontem o meu filho ficou fechado no carro um minuto, mas está tudo bem', '', 's'],
  ['en', 'my grandson was bleeding heavily after his tooth came out yesterday, it has stopped, can we check it?', '', 'su'],
  ['it', 'le pupille sono piccolissime e non risponde dopo aver preso qualcosa', 's', ''],
];

describe('round 19 review probes', () => {
  it.each(PROBES)('[%s] %j -> %j', (_lang, text, expected) => {
    expect(labels(detector, text)).toBe(expected);
  });
});

describe('round 19 review known misses (current output asserted)', () => {
  it.each(KNOWN_MISSES)('[%s] %j should be %j, is %j', (_lang, text, _expected, current) => {
    expect(labels(detector, text)).toBe(current);
  });
});
