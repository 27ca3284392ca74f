import { extractConversation } from '../evaluation/evaluate-extraction.util';

// Review of the round 19 review fixes (ca8b8e3, e59e94d; docs/extraction.md, "Round 19 review fixes"): 170
// fresh conversations in seven languages, written for this review and run against base 1fe3ccf and HEAD; 98
// expect no name. HN-/HN2- hard negatives (initials in order numbers and part codes, "P.S.", "N.B.", "A. and B.
// options", "Mr. T", a street, companies with initials, feeling and state words after "I am", common words
// after "naam is" / "name ist" / "nom est" / "el nombre es" / "il nome è" / "o nome é", titles with no
// surname, French "M." before a lower-case word, a booking for a titled relative); P-/P2- positives; M- a lone
// "M." in and outside French; SO- initials in a sign-off; FH- feeling words that are also names; LC- the
// lower-case name cue; BK- a booking for a titled person; IR- initials after "I am" / "this is".
// Base 1fe3ccf gets 110 of the 170 right, HEAD 138: 46 fixed, 18 broken (base right, HEAD wrong), 12 wrong on
// both with the same value, 2 wrong on both with another value. Rows marked "base 1fe3ccf: ..." differed there.
// Fixes of this review (rows moved to the probes are marked "fixed in <hash>"): dd96a21 gets the 18 regressions
// right (156 of 170); 32c03ab a lone "M." outside French and "Herrn"/"M." after the booking cue (161 of 170);
// 48cf2be "Mr. T's" (162 of 170); 8ebca72 "Bonjour, ici M. Favre" (163 of 170); 9a89547
// "Soy Socio", "Sou Nova aqui" (165 of 170); 728e811 "J. R. R. Tolkien-Baggins" (166 of 170).

describe('round 19 review fixes, review: initials, titles, "M.", feeling words, lower-case name cue', () => {
  it.each([
    ['HN-en1', 'GB', ['Hi, my order J.R.-4471 still has not arrived.', 'Can you check? It was due Monday.'], null],
    ['HN-en2', 'GB', ['Do you stock part A. B. 1140?', 'It is for a Worcester boiler.'], null],
    ['HN-en3', 'GB', ['Can I book a table for Friday at 8?', "P.S. It is my wife's birthday, could there be a candle?"], null],
    ['HN-en4', 'GB', ['Quick question about the A. and B. options on your price list.', 'Which one includes the filter change?'], null],
    ['HN-en6', 'US', ['Please deliver to 14 J. F. Kennedy Avenue, apt 2.', 'Ring the bell twice.'], null],
    ['HN-en9', 'GB', ['N.B. the gate code is 4411.', 'Please come after 5pm.'], null],
    ['HN-en10', 'GB', ['Can I get an appointment with Dr. please?', 'Any doctor is fine, Tuesday works.'], null],
    ['HN-en11', 'GB', ['The leak is back under the sink.', 'Thanks, J. K.'], null],
    ['HN-en13', 'GB', ['Hi, the invoice says ref M. 2231.', 'Is that the right amount?'], null],
    ['HN-en14', 'US', ['Hi, this is J. B. Hunt Transport dispatch.', 'We need a forklift serviced.'], null],
    ['HN-en15', 'GB', ['Is the shop on St. J. Street open Sunday?', 'Thanks'], null],
    ['HN-en16', 'GB', ['My neighbour Mr. O. Brien recommended you.', 'Can you fit a new radiator?'], null],
    ['HN-de1', 'DE', ['Der Name ist nicht wichtig, bitte rufen Sie zurück.', 'Es geht um die Heizung.'], null],
    ['HN-de2', 'DE', ['Lieferung bitte an die Firma H. C. Starck, Werk 2.', 'Danke'], null],
    ['HN-de3', 'DE', ['Ich bin müde von den ständigen Ausfällen.', 'Wann kommt endlich jemand?'], null],
    ['HN-de4', 'DE', ['Ich bin Sauer, weil niemand gekommen ist.', 'Das ist schon das zweite Mal.'], null],
    ['HN-de5', 'DE', ['Termin für Herr Dr. bitte morgen früh', 'Egal welcher Arzt.'], null],
    ['HN-de6', 'DE', ['Die Rechnung Nr. A. B. 7731 stimmt nicht.', 'Bitte prüfen.'], null],
    ['HN-de7', 'DE', ['name ist falsch geschrieben auf der Rechnung', 'Bitte korrigieren'], null],
    ['HN-de8', 'DE', ['Ich bin neu hier und brauche einen Elektriker.'], null],
    ['HN-de9', 'AT', ['Grüße, K. H.'], null],
    ['HN-fr1', 'FR', ['Le nom est sur la facture, je crois.', 'Pouvez-vous vérifier ?'], null],
    ['HN-fr2', 'FR', ['Bonjour M. le directeur, je souhaite me plaindre du retard.'], null],
    ['HN-fr3', 'FR', ["Je suis fatigué d'attendre le technicien.", 'Toujours personne.'], null],
    ['HN-fr4', 'FR', ['Je suis nouveau client, je voudrais un devis.'], null],
    ['HN-fr5', 'FR', ['Rendez-vous pour Mme, merci', 'Le plus tôt possible.'], null],
    ['HN-fr6', 'FR', ['Bonjour, M. ou Mme, je vous écris pour la chaudière.'], null],
    ['HN-fr7', 'BE', ['N.B. : la porte est au fond de la cour.', 'Merci'], null],
    ['HN-fr8', 'FR', ['Je suis Ravie du résultat, merci beaucoup.'], null],
    ['HN-fr9', 'FR', ['nom est incorrect sur le devis, merci de corriger'], null],
    ['HN-fr10', 'FR', ['Je suis sûr que le compteur est cassé.'], null],
    ['HN-es1', 'ES', ['Soy alérgico al gluten, ¿tenéis menú sin gluten?', 'Seríamos cuatro.'], null],
    ['HN-es2', 'ES', ['Soy nuevo en la zona y busco fontanero.'], null],
    ['HN-es3', 'ES', ['Soy Nuevo cliente, quiero una cita.'], null],
    ['HN-es5', 'ES', ['Cita para la Dra., la que esté libre.', 'Por la mañana.'], null],
    ['HN-es6', 'ES', ['Soy cliente desde 2019 y nunca me había pasado.'], null],
    ['HN-es9', 'ES', ['Estoy harto, soy Harto de esperar.'], null], // base 1fe3ccf: "Harto"
    ['HN-es10', 'ES', ['Reserva para el Sr. que llamó ayer, por favor.'], null],
    ['HN-it1', 'IT', ['Sono stanco di aspettare, nessuno è venuto.'], null],
    ['HN-it2', 'IT', ['Sono Stanca di chiamare ogni giorno.'], null], // base 1fe3ccf: "Stanca"
    ['HN-it3', 'IT', ['Sono cliente da anni e non mi era mai successo.'], null],
    ['HN-it4', 'IT', ['Il nome è sbagliato sulla fattura.', 'Potete correggere?'], null],
    ['HN-it5', 'IT', ['Salve, il tecnico M. Ricci è passato ieri.', 'La caldaia perde ancora.'], null],
    ['HN-it6', 'IT', ['Il codice ricambio è M. 4410-B, lo avete?'], null],
    ['HN-it7', 'IT', ['Sono felice di avervi trovato, vorrei un preventivo.'], null],
    ['HN-it8', 'IT', ['Sono Nuova cliente, come funziona?'], null],
    ['HN-it9', 'IT', ['Appuntamento per la Dott.ssa, chiunque sia disponibile.'], null],
    ['HN-pt1', 'BR', ['Sou cliente há 5 anos e estou chateado.'], null],
    ['HN-pt3', 'PT', ['Sou alérgica a látex, o técnico usa luvas?'], null],
    ['HN-pt5', 'BR', ['Sou Preocupado com o vazamento na cozinha.'], null],
    ['HN-pt6', 'PT', ['Consulta para a Dra., qualquer uma serve.'], null],
    ['HN-pt7', 'PT', ['N.B. o portão está avariado.', 'Obrigado'], null],
    ['HN-nl1', 'NL', ['naam is niet belangrijk, kom gewoon langs', 'Het gaat om de cv-ketel.'], null],
    ['HN-nl2', 'NL', ['Ik ben moe van het wachten.'], null],
    ['HN-nl3', 'NL', ['Ik ben Boos omdat niemand kwam.'], null],
    ['HN-nl4', 'NL', ['Ik ben nieuw hier, hoe werkt het?'], null],
    ['HN-nl5', 'NL', ['Afspraak voor mevrouw, maakt niet uit wie.'], null],
    ['HN-nl6', 'NL', ['De naam is van mijn moeder, ik bel namens haar.'], null],
    ['HN-nl7', 'NL', ['Bestelnummer A.B. 2231 is niet geleverd.'], null],
    ['HN-nl8', 'BE', ['Ik ben Ongerust over de lekkage.'], null], // base 1fe3ccf: "Ongerust"
    ['HN-nl9', 'NL', ['naam is onbekend bij jullie denk ik'], null],
    ['P-en1', 'GB', ['Hi, the name on the booking is E. Thornbury.', 'Can we move it to 8?'], 'E. Thornbury'],
    ['P-en2', 'GB', ['Morning.', 'Sign me up under R. J. Banerjee for the Saturday class.'], 'R. J. Banerjee'], // base 1fe3ccf: null
    ['P-en3', 'US', ['Good afternoon, Dr. Okonkwo here.', 'I need the AC looked at.'], 'Okonkwo'],
    ['P-en4', 'GB', ["Hello, it's Ms. A. Harlow from flat 3.", 'The lift is broken again.'], 'Harlow'], // base 1fe3ccf: null
    ['P-en5', 'IE', ['Aisling here, about the kitchen quote.'], 'Aisling'], // base 1fe3ccf: null
    ['P-en6', 'GB', ['My name is D. Achterberg and I need an electrician.'], 'D. Achterberg'], // base 1fe3ccf: null
    ['P-en7', 'GB', ['Booking for Prof. L. Mensah please, two people.'], 'Mensah'], // base 1fe3ccf: null
    ['P-de1', 'DE', ['Guten Tag,', 'Name ist lena hoffmann, Kundennummer 4471'], 'Lena Hoffmann'], // base 1fe3ccf: null
    ['P-de2', 'DE', ['Termin für Frau Dr. Yilmaz am Montag?'], 'Yilmaz'], // base 1fe3ccf: null
    ['P-de3', 'DE', ['Ich bin Anna, ich bin Glücklich mit dem Service.'], 'Anna'], // base 1fe3ccf: "Glücklich"
    ['P-de4', 'DE', ['Ich heiße A. Öztürk und brauche einen Termin.'], 'A. Öztürk'], // base 1fe3ccf: null
    ['P-de6', 'CH', ['Grüezi, mein Name ist M. Keller.', 'Ich hätte gern eine Offerte.'], 'M. Keller'], // base 1fe3ccf: "Keller"
    ['P-fr1', 'FR', ["M. Martin à l'appareil.", "C'est pour la fuite."], 'Martin'], // base 1fe3ccf: null
    ['P-fr3', 'FR', ['Réservation au nom de J. Moreau-Lefèvre.'], 'J. Moreau-Lefèvre'],
    ['P-fr4', 'FR', ['Bonjour, je suis J. Lambert, client depuis 2015.'], 'J. Lambert'], // base 1fe3ccf: null
    ['P-fr5', 'FR', ['Bonjour', 'nom est claire fontaine'], 'Claire Fontaine'], // base 1fe3ccf: null
    ['P-fr6', 'BE', ['Je suis Constance Dubreuil et je suis Heureuse du travail.'], 'Constance Dubreuil'], // base 1fe3ccf: "Heureuse"
    ['P-es1', 'ES', ['Cita para el Sr. García el jueves, por favor.'], 'García'], // base 1fe3ccf: null
    ['P-es2', 'ES', ['Soy Amparo, soy alérgica a los frutos secos.'], 'Amparo'],
    ['P-es3', 'MX', ['Hola, me llamo M. Fernández y quiero una cita.'], 'M. Fernández'], // base 1fe3ccf: null
    ['P-es4', 'ES', ['Reserva para la Sra. Ortega, cuatro personas.'], 'Ortega'], // base 1fe3ccf: null
    ['P-es5', 'ES', ['Quiero cancelar mi suscripción.', 'nombre es pablo ruiz'], 'Pablo Ruiz'], // base 1fe3ccf: null
    ['P-it1', 'IT', ['A nome di M. Rossi, tavolo per due.'], 'M. Rossi'], // base 1fe3ccf: null
    ['P-it2', 'IT', ['Prenotazione per il Dott. Ferri, giovedì.'], 'Ferri'], // base 1fe3ccf: null
    ['P-it3', 'IT', ['Sono Felice Esposito, vorrei prenotare.'], 'Felice Esposito'],
    ['P-it4', 'IT', ['Mi chiamo A. M. Ferraro, vorrei un preventivo.'], 'A. M. Ferraro'], // base 1fe3ccf: null
    ['P-it5', 'IT', ['Sono Allegra e vorrei ordinare una torta.'], 'Allegra'],
    ['P-it6', 'IT', ['Buongiorno, sono M. Colombo.', "Vorrei disdire l'abbonamento."], 'M. Colombo'], // base 1fe3ccf: "Colombo"
    ['P-it7', 'IT', ['Disdetta abbonamento.', 'il nome è giulia conti'], 'Giulia Conti'], // base 1fe3ccf: null
    ['P-pt1', 'PT', ['Consulta para o Dr. Mendes amanhã, por favor.'], 'Mendes'], // base 1fe3ccf: null
    ['P-pt2', 'BR', ['Olá, o meu nome é rita carvalho'], 'Rita Carvalho'],
    ['P-pt3', 'BR', ['Meu nome é J. P. Albuquerque, preciso de um orçamento.'], 'J. P. Albuquerque'], // base 1fe3ccf: null
    ['P-pt4', 'PT', ['Sou a Graça, sou cliente há anos.'], 'Graça'],
    ['P-nl1', 'NL', ['Ik wil opzeggen.', 'naam is jan de boer'], 'Jan de Boer'], // base 1fe3ccf: null
    ['P-nl2', 'BE', ['Afspraak voor dhr. Peeters, dinsdag.'], 'Peeters'], // base 1fe3ccf: null
    ['P-nl3', 'NL', ['Met J. de Boer, ik bel over de lekkage.'], 'J. de Boer'], // base 1fe3ccf: null
    ['P-nl4', 'NL', ['Mijn naam is T. van den Berg.', 'Kunt u vrijdag?'], 'T. van den Berg'], // base 1fe3ccf: null
    ['P-nl5', 'NL', ['Ik ben Anouk en ik ben Blij met de monteur.'], 'Anouk'],
    ['P-nl6', 'NL', ['Goedemorgen,', 'Naam is Pieter Bakker, klantnummer 5512'], 'Pieter Bakker'], // base 1fe3ccf: null
    ['HN2-nl2', 'NL', ['De naam is fout op de factuur.'], null],
    ['HN2-fr2', 'FR', ["Le nom est bon, mais l'adresse est fausse."], null],
    ['P2-de1', 'DE', ['Ich bin Froh, Ihr Kunde seit Jahren, wegen der Rechnung.'], null],
    ['P2-es1', 'ES', ['Reserva para la Sra. Ortega. Soy Lucía, su hija.'], 'Lucía'],
    ['P2-nl1', 'NL', ['Naam is Kim de Wit en ik wil een afspraak.'], 'Kim de Wit'], // base 1fe3ccf: null
    ['M-nl1', 'NL', ['Graag op naam van M. Jansen.'], 'M. Jansen'], // base 1fe3ccf: "Jansen"
    ['M-de1', 'DE', ['Bitte auf den Namen M. Braun reservieren.'], 'M. Braun'], // base 1fe3ccf: null
    ['M-pt1', 'PT', ['Em nome de M. Costa, mesa para dois.'], 'M. Costa'], // base 1fe3ccf: null
    ['SO-en1', 'GB', ['Boiler is fixed, thanks a lot.', 'Cheers, A.J.'], null],
    ['SO-en2', 'GB', ['All sorted.', 'Regards, J.R.R.'], null],
    ['SO-it1', 'IT', ['Il lavoro è finito bene.', 'Grazie, M. Greco'], 'Greco'],
    ['FH-it1', 'IT', ['Sono Serena, vorrei prenotare per sabato.'], 'Serena'],
    ['FH-it2', 'IT', ['Sono Serena per la notizia, grazie.'], null], // base 1fe3ccf: "Serena"
    ['FH-fr1', 'FR', ['Je suis Ravi de vous lire.'], null],
    ['FH-nl1', 'NL', ['Ik ben Moe van het wachten.'], null], // base 1fe3ccf: "Moe"
    ['FH-nl2', 'NL', ['ik ben blij met de monteur'], null],
    ['FH-de1', 'DE', ['ich bin zufrieden mit der Arbeit'], null],
    ['FH-fr2', 'FR', ['je suis désolée pour le retard de paiement'], null],
    ['LC-nl1', 'NL', ['naam is sanne, ik wil graag een afspraak'], 'Sanne'], // base 1fe3ccf: null
    ['LC-nl2', 'NL', ['Hallo, mijn naam is fleur jansen'], 'Fleur Jansen'],
    ['LC-de1', 'CH', ['Grüezi. Name ist lukas meier.', 'Brauche einen Termin.'], 'Lukas Meier'], // base 1fe3ccf: null
    ['BK-de1', 'DE', ['Termin für Frau Weber bitte. Ich bin ihre Tochter, Lisa Weber.'], 'Lisa Weber'],
    ['BK-nl1', 'NL', ['afspraak voor mevrouw Jansen graag'], 'Jansen'], // base 1fe3ccf: null
    ['IR-fr1', 'FR', ["J'ai acheté le robinet chez Mr. Bricolage.", 'Il fuit déjà.'], null],
    ['IR-en3', 'GB', ["We are at 3 St. John's Road.", 'Can you come Monday?'], null],
    ['IR-nl1', 'NL', ['naam is H. Visser', 'Graag een offerte.'], 'H. Visser'],
    ['IR-es1', 'ES', ['Hola, soy la Dra. Ramos, necesito cambiar la cita.'], 'Ramos'],
    ['IR-it1', 'IT', ['Buongiorno, sono il Dott. Bellini.', 'Vorrei spostare la visita.'], 'Bellini'],
    ['IR-nl2', 'NL', ['Goedemiddag, ik ben dhr. K. Smit.', 'Mijn verwarming doet het niet.'], 'Smit'],
    ['IR-de1', 'DE', ['Hallo, ich bin Dr. B. Hartmann,', 'ich brauche einen Termin.'], 'Hartmann'],
    ['IR-pt1', 'BR', ['Oi, sou o J. Moura, preciso remarcar.'], 'J. Moura'], // base 1fe3ccf: null
    ['IR-fr2', 'FR', ['Bonjour, je suis J.-M. Lefort.', 'Je voudrais annuler.'], 'J.-M. Lefort'], // base 1fe3ccf: "Lefort"
    ['IR-en6', 'GB', ['This is K. & R. Lettings, the tenant reported a leak.'], null],
    ['IR-en7', 'GB', ["I'm from A. J. Roofing, we subcontract for you."], null],
    ['IR-en8', 'US', ['This is A. B. Smith Inc. calling about the invoice.'], null],
    ['IR-de2', 'DE', ['Mein Name ist Dr. A. B. Müller.', 'Ich brauche einen Termin.'], 'Müller'],
    ['IR-fr3', 'FR', ["Je m'appelle M. Dubois, je voudrais un devis."], 'Dubois'], // base 1fe3ccf: null
    ['IR-it2', 'IT', ['Mi chiamo M. Ferri, vorrei un preventivo.'], 'M. Ferri'], // base 1fe3ccf: null
    // Regressions: the new booking cue (cita/Termin/afspraak/rendez-vous/prenotazione/consulta … para/für/voor/pour/per
    // the title) takes a titled relative named in apposition as the customer.
    ['HN-de10', 'DE', ['Termin für Frau Weber, meine Mutter, bitte am Montag.', 'Sie ist 82.'], null], // base 1fe3ccf: null; e492b14: "Weber"; fixed in dd96a21
    ['HN-es7', 'ES', ['Quería una cita para la Sra. Pérez, mi madre, que tiene 80 años.'], null], // base 1fe3ccf: null; e492b14: "Pérez"; fixed in dd96a21
    ['HN2-it1', 'IT', ['Prenotazione per la Signora Bruno, mia nonna, venerdì sera.'], null], // base 1fe3ccf: null; e492b14: "Bruno"; fixed in dd96a21
    ['HN2-nl1', 'NL', ['Afspraak voor mevrouw De Vries, mijn moeder, graag dinsdag.'], null], // base 1fe3ccf: null; e492b14: "De Vries"; fixed in dd96a21
    ['HN2-fr1', 'FR', ['Rendez-vous pour Mme Leroy, ma mère, jeudi.'], null], // base 1fe3ccf: null; e492b14: "Leroy"; fixed in dd96a21
    ['HN2-pt1', 'BR', ['Consulta para a Sra. Almeida, minha avó, na segunda.'], null], // base 1fe3ccf: null; e492b14: "Almeida"; fixed in dd96a21
    // Regressions: the new lower-case "el nombre es / name ist / il nome è / o nome é" cue reads a predicate adjective
    // ("correcto en", "egal,", "importante y", "diferente na fatura e": a conjunction or comma ends it).
    ['HN-es4', 'MX', ['el nombre es correcto en la factura pero el monto no'], null], // base 1fe3ccf: null; e492b14: "Correcto"; fixed in dd96a21
    ['HN-pt4', 'BR', ['O nome é irrelevante, só preciso do orçamento.'], null], // base 1fe3ccf: null; e492b14: "Irrelevante"; fixed in dd96a21
    ['HN2-de1', 'DE', ['name ist egal, Hauptsache jemand kommt'], null], // base 1fe3ccf: null; e492b14: "Egal"; fixed in dd96a21
    ['HN2-it2', 'IT', ['il nome è corretto, ma il codice no'], null], // base 1fe3ccf: null; e492b14: "Corretto"; fixed in dd96a21
    ['HN2-es1', 'ES', ['El nombre es importante y el logo también.'], null], // base 1fe3ccf: null; e492b14: "Importante"; fixed in dd96a21
    ['HN2-pt2', 'PT', ['o nome é diferente na fatura e no contrato'], null], // base 1fe3ccf: null; e492b14: "Diferente Na Fatura"; fixed in dd96a21
    // Regressions: a feeling word that is also a surname or given name (Segura, Certo, Feliz) is refused as the first
    // word of any read, and the refusal drops a full name restated after it.
    ['P-es6', 'ES', ['Soy Segura, de la reserva de las nueve.'], 'Segura'], // base 1fe3ccf: "Segura"; e492b14: null; fixed in dd96a21
    ['P2-it1', 'IT', ['Sono Certo, Marco Certo, ho chiamato ieri.'], 'Marco Certo'], // base 1fe3ccf: "Marco Certo"; e492b14: null; fixed in dd96a21
    ['FH-es1', 'ES', ['soy Feliz Ramírez, quería una cita'], 'Feliz Ramírez'], // base 1fe3ccf: "Feliz Ramírez"; e492b14: null; fixed in dd96a21
    // Regressions: initials read after "I'm" / "this is" before a company or a common noun (initialledNameAt).
    ['IR-en1', 'US', ["I'm U. S. Army veteran, do you give a discount?"], null], // base 1fe3ccf: null; e492b14: "U. S. Army"; fixed in dd96a21
    ['IR-en2', 'GB', ['Hi, this is A. B. Smith & Sons, we need a van serviced.'], null], // base 1fe3ccf: null; e492b14: "A. B. Smith"; fixed in dd96a21
    ['IR-en5', 'GB', ['Hi, this is A. A. Insurance, about the claim.'], null], // base 1fe3ccf: null; e492b14: "A. A. Insurance"; fixed in dd96a21
    // Changed or kept wrong: a lone "M." in English or unrecognised text is read as Monsieur (label: initials as written).
    ['M-en1', 'GB', ['Hi, M. Patel here.', 'The boiler pressure keeps dropping.'], 'M. Patel'], // base 1fe3ccf and e492b14: "Patel"; fixed in 32c03ab
    ['M-en2', 'US', ['Booking under M. Chen please, 7pm for four.'], 'M. Chen'], // base 1fe3ccf: null; e492b14: "Chen"; fixed in 32c03ab
    ['M-es1', 'ES', ['A nombre de M. Ruiz, por favor.'], 'M. Ruiz'], // base 1fe3ccf: null; e492b14: "Ruiz"; fixed in 32c03ab
    // Misses on base and HEAD alike: "Herrn" and "M." after the booking cue.
    ['P-de5', 'DE', ['Reservierung für Herrn Krause, 4 Personen.'], 'Krause'], // base 1fe3ccf and e492b14: null; fixed in 32c03ab
    ['P-fr2', 'FR', ['Rendez-vous pour M. Diallo demain 10h.'], 'Diallo'], // base 1fe3ccf and e492b14: null; fixed in 32c03ab
    ['HN-en5', 'US', ["Hey, my kid says your van looks like Mr. T's.", 'Anyway, the garage door is stuck, can someone come?'], null], // base 1fe3ccf and e492b14: "T's"; fixed in 48cf2be
    ['M-fr1', 'CH', ['Bonjour, ici M. Favre, pour un devis de peinture.'], 'Favre'], // base 1fe3ccf and e492b14: null; fixed in 8ebca72
    ['HN-es8', 'AR', ['Soy Socio del club, ¿hay descuento?'], null], // base 1fe3ccf and e492b14: "Socio"; fixed in 9a89547
    ['HN-pt2', 'BR', ['Sou Nova aqui, como funciona o agendamento?'], null], // base 1fe3ccf and e492b14: "Nova"; fixed in 9a89547
    ['IR-en4', 'GB', ['My name is J. R. R. Tolkien-Baggins and I need a plumber.'], 'J. R. R. Tolkien-Baggins'], // base 1fe3ccf and e492b14: null; fixed in 728e811
  ])('%s %s %j: name %j', (_id, country, messages, name) => {
    expect(extractConversation(messages, country).name?.value ?? null).toBe(name);
  });

  // Known misses, asserted with the current output (the label is the column before it).
  it.each([
    // Misses on base and HEAD alike.
    ['HN-en7', 'US', ['We usually ship with J. B. Hunt Transport.', 'Can you quote for two pallets to Denver?'], null, 'Hunt Transport'],
    ['HN-en8', 'GB', ['Our account is with A. P. Møller Maersk.', 'We need a quote for a 40ft container.'], null, 'Møller Maersk'],
    ['HN-en12', 'GB', ['I work at A. P. Møller.', 'Need a quote for office cleaning.'], null, 'A. P. Møller'],
    ['P2-fr1', 'FR', ['Je suis Content, Paul Content, client depuis 2010.'], 'Paul Content', null],
  ])('known miss %s %s %j: label %j, current %j', (_id, country, messages, _label, current) => {
    expect(extractConversation(messages, country).name?.value ?? null).toBe(current);
  });
});
