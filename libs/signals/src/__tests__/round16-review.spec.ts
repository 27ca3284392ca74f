import { createSignalDetector } from '../detector/signal-detector';
import { probeLabels as labels } from './probe-labels.util';

// Round 16 review fixes: probes not taken from any corpus, in the seven languages, positives and hard
// negatives, with the labels the rules + classifier detector must give (u = urgency, s = safety,
// e = escalation, '' none). Three sources: own probes for each fix (the dental word list and the
// dangers beyond the tooth; the fixture veto's happenings: a socket torn out, wires showing, a child at
// it, Portuguese 'tomada' only with an article; the two vetoes only below classifier confidence 0.85;
// the gas gap not crossing a clause or an idiom; the electrical gap not holding a relative word, 'but',
// a possessive or another subject; English trading phrases after a hot socket or plug; the Spanish and
// French enquiry cues), own probes for the burning-smell rules of 10a7c90 (idioms, cooking, candles,
// incense, a neighbour's barbecue, 'burnt out'), and the round 16 reviewer's probes (rev16s).
type Probe = readonly [lang: string, text: string, expected: string];
type Miss = readonly [lang: string, text: string, expected: string, current: string];

const detector = createSignalDetector();

const PROBES: readonly Probe[] = [
  ['en', 'the crown of the old oak fell on our shed, can someone come and look this week?', ''], // own
  ['nl', 'mijn zoon kiest tussen twee cadeaus, kunnen jullie het inpakken?', ''], // own
  ['fr', "ma fille s'est cassé une dent en tombant et s'est cogné la tête, elle vomit depuis une heure", 'su'], // own
  ['pt', 'o meu filho partiu um dente ao cair e bateu com a cabeça, agora está a vomitar', 'su'], // own
  ['en', 'my filling fell out while eating, no pain, can I book something next week?', ''], // own
  ['de', 'Mir ist eine Füllung rausgefallen, keine Schmerzen, gibt es nächste Woche einen Termin?', ''], // own
  ['en', 'the socket has been ripped out of the wall and the wires are hanging out, my toddler keeps going for it', 'su'], // own
  ['de', 'Die Steckdose ist halb aus der Wand gerissen und mein Kleiner fasst immer wieder hin', 'su'], // own
  ['fr', 'la prise est arrachée du mur, on voit les fils, et mon bébé rampe juste à côté', 'su'], // own
  ['es', 'el enchufe se ha salido de la pared y mi bebé lo está tocando, ¿qué hago?', 'su'], // own
  ['pt', 'a tomada saiu da parede e a minha criança de dois anos não a larga', 'su'], // own
  ['nl', 'het stopcontact hangt uit de muur, de draden steken eruit en mijn peuter speelt ermee', 'su'], // own
  ['pt', 'preciso de saber se a loja tomada pelo novo dono ainda faz entregas ao sábado', ''], // own
  ['de', 'Für das Kinderzimmer hätten wir gern zwei Steckdosen mehr neben dem Schreibtisch, wann passt es?', ''], // own
  ['nl', 'voor de kinderkamer willen we een extra stopcontact naast het bureau, wanneer kan dat?', ''], // own
  ['fr', "je me sens lésé par la facture du gaz de ce trimestre, qui peut m'expliquer ?", ''], // own
  ['es', 'huele que alguien quiere cambiar a gas natural en el edificio, ¿ofrecéis la instalación?', ''], // own
  ['it', 'sento il gas in bolletta troppo caro, potete rivedere il contratto?', ''], // own
  ['nl', 'het ruikt naar onraad en jullie rekenen te veel voor het gas, wie belt me terug?', ''], // own
  ['pt', 'cheira bem o fogão a gás novo, obrigado pela montagem', ''], // own
  ['de', 'Es riecht im Flur seit einer Stunde stark nach Gas', 'su'], // own
  ['fr', 'ça sent très fort le gaz dans la cage d’escalier', 'su'], // own
  ['nl', 'het stinkt in de hele keuken naar gas', 'su'], // own
  ['fr', 'le câble de la box est coupé mais mon chauffe-eau chauffe bien, vous passez quand ?', ''], // own
  ['pt', 'o cabo da antena partiu-se mas a minha chaleira está quente, venham amanhã', ''], // own
  ['nl', 'de kabel van de tv is los maar het water is heet genoeg, komen jullie morgen?', ''], // own
  ['it', 'la ciabatta appena sfornata è calda, ne tenete una per me?', ''], // own
  ['es', 'el enchufe de la cocina echa chispas cada vez que enchufo el hervidor', 'su'], // own
  ['it', 'la ciabatta sotto la scrivania fa scintille e puzza', 'su'], // own
  ['pt', 'a tomada do quarto está muito quente e faz faíscas', 'su'], // own
  ['en', 'is the socket set still a hot deal this weekend or has it sold out?', ''], // own
  ['en', 'the plug is hot-swappable according to the manual, do you stock the 4-port one?', ''], // own
  ['en', 'the plug on the kettle gets really hot and smells of burning', 'su'], // own
  ['fr', "si quelqu'un sent le gaz dans l'immeuble, quel numéro faut-il appeler ?", ''], // own
  ['es', 'huele a gas en la escalera ahora mismo, ¿a quién llamo?', 'su'], // own
  ['fr', "Ça sent le roussi pour notre réservation, vous n'avez toujours pas confirmé.", ''], // burn
  ['fr', "Je sens le brûlé de la fondue du voisin, rien de grave, c'est juste pour dire.", ''], // burn
  ['fr', "La bougie parfumée que j'ai achetée sent le brûlé, je voudrais un remboursement.", ''], // burn
  ['fr', "L'encens que vous vendez sent le brûlé, pas la lavande, c'est décevant.", ''], // burn
  ['fr', 'Ça sent le brûlé derrière la prise du salon et elle est chaude, que faire ?', 'su'], // burn
  ['es', 'Esto me huele a chamusquina, ¿seguro que el precio incluye el IVA?', ''], // burn
  ['es', 'Huele a plástico quemado que sale del cuadro de la luz, ¿qué hago?', 'su'], // burn
  ['it', "L'incenso che ho comprato sa di bruciato, posso cambiarlo?", ''], // burn
  ['it', 'Sento puzza di plastica bruciata dalla lavatrice accesa, cosa devo fare?', 'su'], // burn
  ['pt', 'A vela que comprei cheira a queimado em vez de baunilha, quero trocar.', ''], // burn
  ['pt', 'Cheira a plástico queimado no quarto e não sei de onde vem, ajudem!', 'su'], // burn
  ['nl', 'De wierook ruikt naar verbrand hout, is dat normaal voor dit merk?', ''], // burn
  ['nl', 'Het ruikt naar verbrand plastic uit de meterkast, wat moet ik doen?', 'su'], // burn
  ['de', 'Unser Team ist völlig ausgebrannt, wir brauchen ein Angebot für eine Auszeit.', ''], // burn
  ['de', 'Es riecht verschmort aus dem Sicherungskasten, was soll ich tun?', 'su'], // burn
  ['en', 'Half my staff are burnt out, can we book the team retreat for next month?', ''], // burn
  ['en', "I'm burnt out from chasing this refund, just tell me where it is.", ''], // burn
  ['en', "There's a burning smell coming from the socket behind the TV, what do I do?", 'su'], // burn
  ['en', 'hi so my lad went over the handlebars, front tooth is completely out, we have it in milk, can u see him asap??', 'u'], // review D
  [
    'en',
    'Dear Sir or Madam, I am writing to request an emergency appointment today: a molar fractured this morning and the pain is severe.',
    'u',
  ], // review D
  ['de', 'hallo, meiner tochter ist beim turnen ein milchzahn rausgeflogen und es blutet leicht, koennen wir heute noch kommen', 'u'], // review D
  ['fr', 'bonjour ma couronne est tombee ce matin et j ai tres mal, possible de passer aujourd hui ?', 'u'], // review D
  ['es', 'urgente: se me ha partido la muela y tengo un dolor horrible, ¿hay hueco hoy?', 'u'], // review D
  ['it', 'salve, mi si è rotto un dente davanti mangiando, mi sanguina un po la gengiva, avete posto oggi?', 'u'], // review D
  ['nl', 'hoi mijn zoontje is gevallen en zijn voortand ligt eruit, het bloedt wat, kunnen we nu langskomen', 'u'], // review D
  ['en', 'my tooth snapped on a popcorn kernel, hurts like hell, any slots today? its kinda urgent tbh', 'u'], // review D
  ['en', 'my son knocked out his tooth and he is choking on the blood, what do I do', 'su'], // review D
  ['en', 'abscess on my back tooth, my whole face has blown up and my eye is shutting', 'su'], // review D
  ['en', 'since the extraction this morning it is bleeding heavily, gauze soaked through every 5 minutes', 'su'], // review D
  ['fr', 'mon fils s est cassé deux dents en tombant, il s est cogné la tête et il vomit, il est tout somnolent', 'su'], // review D
  ['fr', 'depuis qu on m a arraché la dent de sagesse ça saigne abondamment, il y a du sang partout', 'su'], // review D
  ['nl', 'na het trekken van mijn kies bloedt het heel erg, overal bloed', 'su'], // review D
  ['en', 'my husband knocked my tooth out last night and said next time it will be worse, I am scared to go home', 'su'], // review D
  ['en', 'the toothache is so bad I just want to end it all, I have pills here', 's'], // review D
  ['en', 'do you do teeth whitening? and how much is a filling roughly', ''], // review D
  ['en', 'last year my son knocked out a tooth and you were brilliant, just want to book his check-up', ''], // review D
  ['de', 'Was sollte man tun, wenn ein Zahn ausgeschlagen wird? Frage für den Erste-Hilfe-Kurs', ''], // review D
  ['fr', 'bonjour, je voudrais un rendez-vous pour un détartrage le mois prochain', ''], // review D
  ['es', 'me muero de ganas de ponerme los brackets, ¿cuánto cuestan?', ''], // review D
  ['it', 'vorrei prenotare una pulizia dei denti per la prossima settimana', ''], // review D
  ['pt', 'queria marcar uma consulta para pôr aparelho na minha filha', ''], // review D
  ['nl', 'kan ik een afspraak maken voor controle bij de tandarts volgende maand', ''], // review D
  ['en', 'a van hit us on the ring road, big dent in the door, my wife is trapped and not responding', 'su'], // review DX
  ['en', 'my toddler is choking on chewing gum and going blue', 's'], // review DX
  ['it', "l'apparecchio del gas in cucina fa un odore strano e mia madre ha mal di testa e nausea", 'su'], // review DX
  ['pt', 'o aparelho do ar condicionado começou a deitar fumo e cheira a plástico queimado', 'su'], // review DX
  ['de', 'die Plombe am Gaszähler ist kaputt und es zischt, meine Kinder sind im Haus', 'su'], // review DX
  ['it', 'la pasta era al dente ma mio marito ha avuto un malore, è a terra e non risponde', 's'], // review DX
  ['en', 'guy at the Crown pub next door pulled a knife on my barman, he is still outside', 's'], // review DX
  ['en', 'smells kinda like gas in the basement rn, is that bad', 'su'], // review G
  ['de', 'es riecht seit heute frueh im ganzen flur immer noch ziemlich stark nach gas', 'su'], // review G
  ['de', 'Ich rieche seit einer Stunde Gas in der Küche, der Herd ist aus', 'su'], // review G
  ['fr', 'ca sent vraiment tres fort le gaz dans l entree, on fait quoi', 'su'], // review G
  ['es', 'huele un montón a gas en la escalera y nadie contesta', 'su'], // review G
  ['es', 'huelo muchísimo gas en el baño ahora mismo', 'su'], // review G
  ['it', 'puzza davvero tanto di gas nel garage adesso', 'su'], // review G
  ['pt', 'a cozinha cheira imenso a gas agora, sem acentos porque estou no telemovel', 'su'], // review G
  ['nl', 'het ruikt in de hele gang opeens best wel erg naar gas', 'su'], // review G
  ['nl', 'wij ruiken nu heel duidelijk gas bij de cv-ketel', 'su'], // review G
  [
    'en',
    "Hello, I'm writing about invoice 4471, which I believe was double-charged in October; I also wanted to mention that there is a strong smell of gas in the utility room right now and the alarm is beeping; please also confirm my new billing address.",
    'su',
  ], // review G
  [
    'de',
    'Hallo, wegen der Rechnung vom März hätte ich noch eine Frage, aber viel wichtiger: in der Waschküche riecht es gerade richtig heftig nach Gas, kann sofort jemand kommen? Danke und die Rechnung bitte an die neue Adresse.',
    'su',
  ], // review G
  ['en', 'it smelled a bit like gas yesterday but the engineer sorted it and all is fine now', ''], // review G
  ['en', 'the kitchen smells like paint not like gas, just confirming the decorator is booked', ''], // review G
  ['en', 'my car reeks of petrol since the service, not gas, can I bring it in next week', ''], // review G
  ['de', 'es stinkt mir gewaltig dass ihr immer noch nach gas abrechnet statt nach verbrauch', ''], // review G
  ['de', 'ich riech den braten ihr wollt mir nur gas verkaufen', ''], // review G
  ['de', 'es riecht im keller muffig deshalb frage ich nach gas heizungen', ''], // review G
  ['de', 'Gestern roch es kurz nach Gas, der Techniker hat alles geprüft, heute ist alles gut.', ''], // review G
  ['fr', 'je sens que le gaz va encore augmenter sur ma facture cet hiver', ''], // review G
  ['fr', 'le client se sent lésé par la facture du gaz, il veut un geste commercial', ''], // review G
  ['fr', 'hier ça sentait le gaz mais le technicien est passé et tout est réglé', ''], // review G
  ['es', 'el piso huele a humedad queremos pasar a gas natural cuanto cuesta', ''], // review G
  ['es', 'ayer olía un poco a gas pero ya vino el técnico y está todo bien', ''], // review G
  ['it', "quest'inverno sento davvero il gas in bolletta, avete offerte?", ''], // review G
  ['it', 'ieri puzzava di gas ma il tecnico ha sistemato tutto, ora niente', ''], // review G
  ['pt', 'adoro o cheiro da comida do fogão a gás, querem encomendar um fogão igual?', ''], // review G
  ['nl', 'wij ruiken onraad jullie willen ons weer gas verkopen', ''], // review G
  ['nl', 'het stinkt dat jullie nog steeds naar gas rekenen en niet naar warmtepomp', ''], // review G
  ['en', 'the plug for the heater is really hot and there is a smell', 'su'], // review E
  ['en', 'water is coming through the ceiling right onto the light fitting and the lights are flickering', 'su'], // review E
  ['de', 'die steckdose hinter dem kühlschrank wird richtig heiß', 'su'], // review E
  ['fr', 'la prise de la chambre de ma fille devient brulante, il y a une odeur bizarre', 'su'], // review E
  ['es', 'el enchufe del cuarto de los niños está ardiendo al tocarlo', 'su'], // review E
  ['it', 'la ciabatta sotto la scrivania scotta e fa un ronzio', 'su'], // review E
  ['pt', 'a tomada do quarto do bebé está muito quente e faz barulho', 'su'], // review E
  ['nl', 'de stekker van de droger wordt gloeiend heet', 'su'], // review E
  ['en', 'the cable for the fridge is frayed and the copper is showing, kids keep touching it', 'su'], // review E
  ['en', 'rat chewed through the wiring behind the cooker and the wall is warm and buzzing', 'su'], // review E
  ['en', 'The Switch is so hot right now, do you have it in stock for Christmas?', ''], // review E
  ['en', 'the plug is hot-swappable on this model right? asking before I order', ''], // review E
  ['de', 'Kabel liegt im Wohnzimmer wo mein Mann raucht, können Sie es bitte verlegen', ''], // review E
  ['de', 'neuer schalter für die sauna der ofen wird heiß wie er soll', ''], // review E
  ['fr', "l'interrupteur du chauffe-eau ne marche plus, vous pouvez passer la semaine prochaine ?", ''], // review E
  ['it', 'la ciabatta appena sfornata è bollente, ne volete due per domani?', ''], // review E
  ['it', 'che cavolo mi sono scottato con il caffè, comunque volevo prenotare', ''], // review E
  ['pt', 'vamos a Cabo Verde e lá fica muito quente, querem reservar o hotel?', ''], // review E
  ['pt', 'ao cabo de dez minutos a água fica quente, está perfeito, obrigado', ''], // review E
  ['nl', 'de schakelaar is nieuw en het water wordt heet, top', ''], // review E
  ['nl', 'kunnen jullie het stopcontact op het balkon waar mijn man rookt verplaatsen', ''], // review E
  ['nl', 'gisteren vonkte het stopcontact maar de elektricien heeft het vervangen, alles is goed', ''], // review E
  ['en', 'the outlet came out of the wall and the wires are just sticking out, my toddler keeps grabbing them', 'su'], // review F
  ['de', 'die Steckdose ist aus der Wand gerissen, die Drähte gucken raus und mein Kleiner spielt daran', 'su'], // review F
  ['es', 'el enchufe se ha salido de la pared, se ven los cables y mi niño los toca', 'su'], // review F
  ['it', 'la presa si è staccata dal muro, si vedono i fili e il bambino li tocca', 'su'], // review F
  ['pt', 'a tomada saiu da parede, os fios estão à mostra e o meu filho mexe neles', 'su'], // review F
  ['nl', 'het stopcontact is uit de muur getrokken, de draden steken eruit en mijn peuter zit eraan', 'su'], // review F
  ['pt', 'a decisão está tomada, não aguento mais, vou acabar com a minha vida esta noite', 's'], // review F
  ['en', 'Could you quote for rewiring a 3-bed semi and moving the consumer unit to the garage?', ''], // review F
  ['de', 'brauche 4 neue steckdosen im buero und einen lichtschalter im flur, wann habt ihr zeit', ''], // review F
  ['fr', 'devis pour changer le tableau electrique et ajouter 5 prises svp', ''], // review F
  ['es', 'necesito cambiar el cuadro de la luz de mi local, ¿me pasáis presupuesto?', ''], // review F
  ['it', 'quanto costa sostituire il quadro elettrico e mettere un salvavita nuovo?', ''], // review F
  ['pt', 'quanto custa trocar o quadro eletrico e pôr mais tomadas na cozinha?', ''], // review F
  ['nl', 'offerte voor een nieuwe meterkast en extra stopcontacten in de zolder graag', ''], // review F
  ['es', 'si uno nota olor a gas en casa, ¿a quién hay que llamar? es para un trabajo del cole', ''], // review H
  ['es', 'si sentís olor a gas en el portal, ¿qué tenemos que hacer los vecinos?', ''], // review H
  ['es', 'si las chispas salen del enchufe, ¿es peligroso? pregunta general', ''], // review H
  ['es', 'si huelen a gas los pasillos ¿hay que llamar a urgencias? pregunto por curiosidad', ''], // review H
  ['fr', 'si tout à coup ça sent le gaz dans l immeuble, qui faut-il appeler ? simple question', ''], // review H
  ['fr', "si elles sentent le gaz en rentrant, mes filles doivent faire quoi ? c'est juste pour savoir", ''], // review H
  ['it', "si sente puzza di gas nell'androne, siamo tutti in strada", 'su'], // review H
  ['es', 'se huele a gas en toda la casa, ya hemos salido', 'su'], // review H
  ['nl', 'klopt het dat het naar rotte eieren ruikt als er gas lekt? is voor een spreekbeurt', ''], // review H
  ['nl', 'het ruikt als je de keuken binnenloopt echt naar gas, nu op dit moment', 'su'], // review H
  ['de', 'Riecht es bei Ihnen im Flur auch so nach Gas, Herr Müller? Bei uns ist es gerade ganz schlimm', 'su'], // review H
  ['de', 'Stinkt es nach Gas, sofort Fenster auf und raus, so steht es im Merkblatt, oder?', ''], // review H
  ['en', 'the engineer came this morning but it is still smelling strongly of gas in the kitchen', 'su'], // review P
  ['en', 'it was only a matter of time before our old boiler died, can we get a quote for a new one?', ''], // review P
  ['de', 'der Techniker war da, alles dicht, nur die Rechnung fehlt noch', ''], // review P
  ['fr', 'le technicien est passé hier mais ce matin ça sent de nouveau le gaz dans la cuisine', 'su'], // review P
  ['fr', "c'était juste une question de temps avant que la chaudière lâche, un devis svp", ''], // review P
  ['es', 'era solo cuestión de tiempo que la caldera se rompiera, ¿me hacéis presupuesto?', ''], // review P
  ['it', 'è venuto il tecnico stamattina e ha controllato tutto, nessun problema', ''], // review P
  ['it', 'è venuto il tecnico ieri ma ora la presa del bagno fa scintille', 'su'], // review P
  ['pt', 'o técnico esteve cá ontem e está tudo em ordem, mandem a fatura', ''], // review P
  ['nl', 'de monteur is langs geweest maar nu vonkt de meterkast weer', 'su'], // review P
  ['nl', 'het was maar een kwestie van tijd voordat de ketel het begaf, kunnen jullie een offerte sturen', ''], // review P
  ['en', "it's only a matter of time before someone gets electrocuted, the socket in the bathroom is hanging off and wet right now", 'su'], // review P
  ['en', 'hola, sorry my english, huele a gas en la cocina since 1 hour, please send someone', 'su'], // review G
  ['de', 'Sorry for mixing languages – die Steckdose im Bad raucht, the kids are in the tub, bitte schnell', 'su'], // review E
  ['fr', "hello, je suis en vacances ici, my tooth broke, j'ai très mal, possible today?", 'u'], // review D
  ['nl', 'mijn kies is ontstoken, mijn hele gezicht is opgezwollen tot aan mijn oog en ik kan bijna niet slikken', 'su'], // review D
  ['pt', 'o meu dente do siso infetou, a cara está toda inchada até ao olho e custa-me engolir', 'su'], // review D
  ['it', 'ho un ascesso al dente, la guancia è gonfia fino all occhio e faccio fatica a deglutire', 'su'], // review D
  [
    'en',
    "Right, so long story: we moved house last month, the kids changed school, my mum's been staying with us, and on top of all that this morning my youngest tripped on the patio and her front tooth has come clean out. She's calm, no other injuries, we've got the tooth in milk. Can you see her in the next hour? Also can you update our address on file.",
    'u',
  ], // review D
  ['es', 'buenas, tengo la muela del juicio fatal desde anoche, dolor insoportable, ¿me podéis atender hoy mismo?', 'u'], // review D
  ['it', 'urgente, mi è caduta la corona e il dente fa malissimo, potete vedermi stamattina?', 'u'], // review D
  ['en', 'how do refunds work if I cancel a week before?', ''], // review R
  ['en', 'my manager asked me to book a table for 8 on friday, is that possible', ''], // review R
  ['de', 'Mein Chef möchte wissen, ob Sie auch am Samstag geöffnet haben', ''], // review R
  ['es', 'mi jefe quiere saber si hacéis descuento para grupos', ''], // review R
  ['it', 'il mio capo vorrebbe sapere se fate sconti aziendali', ''], // review R
  ['pt', 'o meu gerente quer saber se fazem desconto para empresas', ''], // review R
  ['nl', 'mijn leidinggevende vraagt of jullie ook op zondag open zijn', ''], // review R
  ['en', 'we left you a 5 star review on google last month, thanks again!', ''], // review R
  ['de', 'danke, hat sich erledigt, brauche keinen Mitarbeiter mehr', ''], // review R
  ['en', 'pls just get a real person to ring me back on this number, the bot is useless', 'e'], // review R
  ['de', 'ich will mit einem menschen sprechen nicht mit einer maschine', 'e'], // review R
  ['fr', 'passez-moi un humain svp, votre robot ne comprend rien', 'e'], // review R
  ['es', 'quiero hablar con una persona de verdad, no con un bot', 'e'], // review R
  ['it', 'voglio parlare con un operatore umano, non con un robot', 'e'], // review R
  ['pt', 'quero falar com uma pessoa a sério, não com um robô', 'e'], // review R
  ['nl', 'ik wil een echt mens spreken, geen chatbot', 'e'], // review R
  ['en', 'boiler packed in and my 3 month old is freezing, need someone today', 'u'], // review R
  ['de', 'Die Heizung ist ausgefallen und meine 90-jährige Mutter friert, bitte heute noch jemanden schicken', 'u'], // review R
  ['fr', "on est enfermés dehors, la clé est restée à l'intérieur, vous pouvez venir maintenant ?", 'u'], // review R
  ['es', 'se ha reventado una tubería y el agua está inundando la cocina', 'u'], // review R
  ['it', "è scoppiato un tubo e l'acqua sta allagando il bagno", 'u'], // review R
  ['pt', 'rebentou um cano e a água está a inundar a cozinha', 'u'], // review R
  ['nl', 'er is een leiding gesprongen en de keuken loopt onder water', 'u'], // review R
  ['en', 'do you cover burst pipes under the home plan? just comparing quotes', ''], // review R
  ['en', 'cracked my molar on a nut, pain is shooting into my head, any emergency slot today?', 'u'], // review D2
  ['fr', "ma dent s'est cassée en deux ce midi, j'ai mal à la tête tellement ça lance, un créneau aujourd'hui ?", 'u'], // review D2
  ['en', 'my tooth got knocked out in a fight outside the pub, the guy is still hanging around and threatening me', 'su'], // review D2
  ['de', 'mein Mann droht, mich mit dem Kabel von der Mehrfachsteckdose zu würgen', 's'], // review F2
  ['en', 'can you fit a child-safe socket in the nursery before the baby arrives next month?', ''], // review F2
  ['de', 'Für das Kinderzimmer bräuchten wir Kindersicherungen für alle Steckdosen, was kostet das?', ''], // review F2
  ['fr', 'pour la chambre du bébé on voudrait des cache-prises et une prise en plus, devis ?', ''], // review F2
  ['nl', 'kunnen jullie kinderbeveiliging op alle stopcontacten zetten, we krijgen een baby', ''], // review F2
  ['es', 'mi hijo se rompió un diente al caer y se golpeó la cabeza, ahora está vomitando', 'su'], // own (a known miss until round 17)
  ['es', 'Huele a quemado porque el vecino está haciendo una barbacoa, nada más.', ''], // burn (a known miss until round 17)
  ['it', "Il vicino fa la grigliata e sento odore di bruciato, volevo solo chiedere l'orario.", ''], // burn (a known miss until round 17)
  ['pt', 'Cheira a queimado porque o vizinho está a fazer um churrasco, não é nada.', ''], // burn (a known miss until round 17)
  ['de', 'Guten Tag, mir ist die Krone abgebrochen und der Zahn schmerzt stark, ich bräuchte heute dringend einen Termin.', 'u'], // review D (a known miss until round 17)
  ['pt', 'urgente, caiu-me a coroa e o dente dói imenso, têm vaga hoje?', 'u'], // review D (a known miss until round 17)
  ['nl', 'dringend: mijn kroon is eraf en mijn kies doet vreselijk pijn, kan ik vandaag nog terecht?', 'u'], // review D (a known miss until round 17)
  ['de', 'Zahn abgebrochen beim Essen, tut höllisch weh, ich habe Angst vor dem Zahnarzt, aber heute muss es sein', 'u'], // review D2 (a known miss until round 17)
  ['it', 'mi si è spezzato un dente, ho paura che sia grave, posso venire oggi?', 'u'], // review D2 (a known miss until round 17)
  ['nl', 'mijn vulling is eruit en mijn kies doet zo zeer dat ik hoofdpijn heb, kan ik vandaag komen', 'u'], // review D2 (a known miss until round 17)
  ['de', 'Ich finde, das riecht nach Betrug, dass ihr das Gas doppelt abrechnet', ''], // own; wrong after the round 17 retrain, right again with its vetoes and dental rule
  ['es', 'La vela aromática huele a quemado en vez de a vainilla, quiero devolverla.', ''], // burn; wrong after the round 17 retrain, right again with its vetoes and dental rule
  ['nl', 'De buren barbecuen en het ruikt naar verbrand vlees, vraagje over de openingstijden.', ''], // burn; wrong after the round 17 retrain, right again with its vetoes and dental rule
  ['pt', 'boa tarde, o meu filho caiu e partiu um dente da frente, tem sangue na boca, conseguem vê-lo hoje?', 'u'], // review D; wrong after the round 17 retrain, right again with its vetoes and dental rule
  ['de', 'Die Duftkerze riecht verschmort statt nach Vanille, ich will sie zurückgeben.', ''], // a known miss until round 18; right after its retrain
  ['fr', 'pouvez-vous déplacer la prise de la chambre où mon mari fume ?', ''], // a known miss until round 18; right after its retrain
  ['de', 'ich zieh jetzt den Stecker, ich will nicht mehr leben', 's'], // a known miss until round 18; right after its retrain
  ['it', 'il cavo della tv è rotto ma il forno scotta come sempre, potete passare?', ''], // a known miss until round 18; right after its retrain
  ['de', 'der stecker passt jetzt und das wasser wird heiß danke', ''], // a known miss until round 18; right after its retrain
  ['pt', 'cheira a novo o fogão a gás que comprei, obrigado pela entrega', ''], // a known miss until round 19; right after its retrain (unseen-12 retired, thresholds 0.53 / 0.43 / 0.76)
  ['nl', 'gisteren rook het naar gas maar de monteur heeft alles nagekeken en het is goed', ''], // a known miss until round 19; right after its retrain (unseen-12 retired, thresholds 0.53 / 0.43 / 0.76)
  ['es', 'se me cayó el empaste y me duele la cara de lo mal que estoy, ¿tenéis cita hoy?', 'u'], // a known miss until round 19; right after its retrain (unseen-12 retired, thresholds 0.53 / 0.43 / 0.76)
  ['fr', 'la prise est arrachée du mur, les fils sortent et mon bébé les touche', 'su'], // a known miss until round 19; right after its retrain (unseen-12 retired, thresholds 0.53 / 0.43 / 0.76)
];

// Known misses: the label the guide wants (expected) and what the detector gives now (current),
// asserted so that a change in either direction shows up here.
const KNOWN_MISSES: readonly Miss[] = [
  ['en', "my nephew swallowed a piece of chewing gum and now he's choking and turning blue", 'su', 's'], // own
  ['de', 'Die Krone ist vom Baum gebrochen und hat das Auto gestreift, wann kommt der Gutachter?', '', 'su'], // own
  ['fr', "mon fils a avalé une pièce de monnaie et il s'étouffe, il devient tout rouge", 'su', 's'], // own
  ['it', 'il bambino si è messo in bocca un dente di leone e ora non respira bene', 'su', 's'], // own
  ['en', 'my son lost two teeth falling off the climbing frame and hit his head, he keeps throwing up', 'su', 's'], // own
  ['de', 'Beim Sturz hat er einen Zahn verloren und sich am Kopf verletzt, jetzt erbricht er sich ständig', 'su', ''], // own
  ['it', 'mia figlia ha perso un dente cadendo e ha sbattuto la testa, adesso vomita', 'su', 's'], // own
  ['nl', 'mijn zoon is zijn voortand kwijt na een val en heeft zijn hoofd gestoten, hij moet steeds overgeven', 'su', 's'], // own
  ['it', 'la presa è staccata dal muro e mio figlio piccolo ci mette le dita', 'su', ''], // own (gives 's' before round 18)
  ['de', 'Das Kabel vom Staubsauger ist kaputt, aber der Ofen ist heiß und läuft normal', '', 'u'], // own (gives 'u' before round 18, 'su' in round 18, 'u' after the round 19 retrain)
  ['es', 'el cable de la antena está suelto pero el agua está caliente, ¿venís mañana?', '', 'su'], // own
  ['es', 'si huelen a gas en la escalera, ¿a quién hay que llamar?', '', 's'], // own (gives 'su' before round 18)
  ['en', "There's a burning smell from the neighbour's barbecue, nothing to do with you, just asking about opening hours.", '', 's'], // burn
  ['en', 'The scented candle I ordered has a burning smell instead of vanilla, can I return it?', '', 'su'], // burn
  ['en', 'my daughter fell down the stairs, smashed her teeth and hit her head, she keeps vomiting and is really drowsy', 'su', 's'], // review D
  ['en', 'after the filling my face is drooping on one side and my speech is slurred', 'su', 's'], // review D
  ['de', 'Mein Sohn hat sich beim Sturz zwei Zähne ausgeschlagen und den Kopf angeschlagen, er erbricht und ist ganz benommen', 'su', 's'], // review D
  ['de', 'nach der Betäubung beim Zahnarzt hängt mein Gesicht auf einer Seite und ich kann kaum sprechen', 'su', 's'], // review D
  ['es', 'a mi hijo le han saltado dos dientes y se ha golpeado la cabeza, está vomitando y muy adormilado', 'su', 's'], // review D
  ['es', 'después de la extracción sangra muchísimo, hay sangre por todas partes', 'su', 's'], // review D
  ['it', 'mio figlio si è rotto due denti cadendo, ha battuto la testa, vomita ed è molto sonnolento', 'su', 's'], // review D
  ['it', "dopo l'estrazione del dente sanguina tantissimo, c'è sangue dappertutto", 'su', 's'], // review D
  ['pt', 'o meu filho partiu dois dentes, bateu com a cabeça e está a vomitar e muito sonolento', 'su', 's'], // review D
  ['pt', 'depois de arrancar o dente sangra muito, está tudo cheio de sangue', 'su', 's'], // review D (gives 's' before round 18, '' in round 18, 's' after the round 19 retrain)
  ['nl', 'mijn dochter heeft twee tanden eruit gevallen, haar hoofd gestoten en ze moet overgeven en is heel suf', 'su', 's'], // review D
  ['de', 'mein Freund hat mir gestern einen Zahn ausgeschlagen, ich habe Angst vor ihm und brauche einen Termin', 'su', ''], // review D
  ['es', 'mi pareja me ha roto un diente de un puñetazo, tengo miedo de volver a casa', 'su', 's'], // review D
  ['en', 'kid swallowed part of his brace wire and is gagging and coughing', 'su', 's'], // review D
  ['en', 'after my crown was fitted my lips started swelling and my throat feels tight', 'su', 's'], // review D
  ['en', 'the hallway reeks like gas again and my nan is on her own in there', 'su', 'u'], // review G
  ['fr', "la prise est réparée et l'eau chauffe enfin, merci beaucoup", '', 'u'], // review E
  ['es', 'el interruptor del quemador de la caldera no funciona, ¿cuándo podéis venir?', '', 'u'], // review E
  ['es', 'cambiasteis el enchufe mal y mi padre está que echa humo', '', 's'], // review E
  ['es', 'ya cambiaron el enchufe y el agua está caliente otra vez gracias', '', 'u'], // review E
  ['it', "l'interruttore del boiler funziona e l'acqua è bollente, grazie mille", '', 'u'], // review E
  ['it', 'spostate la presa vicino alla finestra dove mio marito fuma', '', 's'], // review E
  ['en', 'my baby is chewing on the extension lead and I cant get it off her', 'su', 'u'], // review F
  ['it', 'basta con questa presa in giro, se non mi richiamate vengo lì e vi spacco la faccia', 's', ''], // review F (gives 'e' before round 18)
  ['fr', "mon responsable voudrait une facture au nom de l'entreprise, c'est possible ?", '', 'e'], // review R
  ['en', 'my kid bit through his lip when he lost the tooth, a little blood, otherwise fine, can we come now', 'u', ''], // review D2
  ['de', 'nach dem Zahnziehen ist meine Oma zusammengesackt und atmet ganz komisch', 'su', 's'], // review D2
  ['fr', 'mon fils a perdu une dent en tombant de la mezzanine, il ne se réveille pas bien, il est très mou', 'su', 's'], // review D2
  ['es', 'a mi hija se le cayó un diente al caerse del columpio y ahora no responde bien, está muy pálida', 'su', 's'], // review D2 (gives '' before round 18)
  ['it', "mio padre dopo l'estrazione del dente ha dolore al petto che va al braccio", 'su', 's'], // review D2
  ['pt', 'depois de tirar o dente o meu pai começou com dor no peito e no braço esquerdo', 'su', 's'], // review D2
  ['nl', 'na het trekken van de kies heeft mijn moeder pijn op de borst die naar haar arm trekt', 'su', 's'], // review D2
  ['en', 'the socket cover is smashed and my son stuck his finger right in, he screamed', 'su', ''], // review F2 (gives 's' before round 18)
  ['en', 'my 3 year old just licked the socket and is crying, his tongue has a mark', 'su', 's'], // review E; right before the round 17 retrain (unseen-10 retired), wrong after it
  ['nl', 'kies 1 of 2 maakt niet uit, mijn vader ligt bewusteloos op de grond en reageert niet', 's', 'su'], // right before round 18; gives 'su' after its retrain (thresholds picked out of fold)
  ['de', 'nach dem Ziehen des Weisheitszahns blutet es stark, alles voller Blut', 'su', 'u'], // round 19 retrain (thresholds 0.53 / 0.43 / 0.76): loses safety (classifier)
];

describe('round 16 review probes (rules + classifier)', () => {
  it.each(PROBES)('[%s] %j -> %j', (_lang, text, expected) => {
    expect(labels(detector, text)).toBe(expected);
  });
  it.each(KNOWN_MISSES)('[%s] %j is a known miss (expected %j, gives %j)', (_lang, text, expected, current) => {
    const got = labels(detector, text);
    expect(got).not.toBe(expected);
    expect(got).toBe(current);
  });
});
