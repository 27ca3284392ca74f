import { extractConversation } from '../evaluation/evaluate-extraction.util';

// Round 16 review fixes (spoken phones, quoted threads, dictated names). Three tables:
// - FRESH: probes written for this test after the reviewer's report (new texts, seven languages; ids:
//   a- reference numbers after a call verb and real phones, g- corrections and counts after a run,
//   b-/c- the customer's own lines in and below a thread and a resent own mail, d- mobile signatures,
//   e- dictated predicates and dictated names, f- particle continuations of lower-case names);
// - REVIEW: the reviewer's regression probes (/tmp/rev16/regressions-by-probe.md), right since the fixes;
// - KNOWN_MISSES: still wrong; they assert today's output so a change shows (the right value is listed too).
type Fields = Partial<Record<'name' | 'email' | 'phone', string | null | string[]>>;
type Row = [id: string, country: string, messages: string[], expected: Fields];

const read = (messages: string[], country: string, fields: Fields) => {
  const c = extractConversation(messages, country);
  return Object.fromEntries(Object.keys(fields).map((f) => [f, c[f as 'name' | 'email' | 'phone']?.value ?? null]));
};
const matches = (expected: Fields, got: Record<string, string | null>) =>
  Object.fromEntries(Object.entries(expected).map(([f, e]) => [f, Array.isArray(e) && e.includes(got[f] as string) ? e : got[f]]));

const FRESH: Row[] = [
  ['a-en-1', 'GB', ['ring me once it ships, the tracking ref is seven one four four two nine eight three three one'], { phone: null }],
  ['a-en-2', 'GB', ['please call me back, my account pin is oh seven seven one two three four five six seven eight'], { phone: null }],
  ['a-en-3', 'GB', ['call me please, my number is oh seven seven zero zero nine double zero four five six'], { phone: '+447700900456' }],
  ['a-en-4', 'US', ['can you call me, the voucher code is three one two five five five zero one nine eight'], { phone: null }],
  [
    'a-de-1',
    'DE',
    ['bitte rufen Sie mich an, meine Vertragsnummer lautet null eins sechs zwei drei vier fünf sechs sieben acht'],
    { phone: null },
  ],
  [
    'a-de-2',
    'DE',
    ['Rufen Sie mich an, meine Handynummer ist null eins fünf eins zwei drei vier fünf sechs sieben acht'],
    { phone: '+491512345678' },
  ],
  [
    'a-de-3',
    'DE',
    ['können Sie mich anrufen, die Rechnungs-ID ist null eins sieben eins zwei drei vier fünf sechs sieben acht'],
    { phone: null },
  ],
  [
    'a-fr-1',
    'FR',
    ["rappelez-moi s'il vous plaît, mon numéro client est zéro six vingt-deux trente-trois quarante-quatre cinquante-cinq"],
    { phone: null },
  ],
  [
    'a-fr-2',
    'FR',
    ["vous pouvez m'appeler, mon portable c'est zéro six vingt-deux trente-trois quarante-quatre cinquante-cinq"],
    { phone: '+33622334455' },
  ],
  ['a-fr-3', 'FR', ['appelez-moi pour la facture numéro zéro six vingt-deux trente-trois quarante-quatre cinquante-cinq'], { phone: null }],
  ['a-es-1', 'ES', ['llamadme porfa, el código de la reserva es seis cero cero uno dos tres cuatro cinco seis'], { phone: null }],
  ['a-es-2', 'ES', ['llámame cuando puedas, mi móvil es seis cero cero uno dos tres cuatro cinco seis'], { phone: '+34600123456' }],
  ['a-es-3', 'ES', ['¿me podéis llamar? la póliza es seis cero cero uno dos tres cuatro cinco seis'], { phone: null }],
  ['a-it-1', 'IT', ['chiamatemi, il codice cliente è tre quattro sette uno due tre quattro cinque sei sette'], { phone: null }],
  [
    'a-it-2',
    'IT',
    ['chiamatemi pure, il mio cellulare è tre quattro sette uno due tre quattro cinque sei sette'],
    { phone: '+393471234567' },
  ],
  ['a-pt-1', 'PT', ['liguem-me, o número do contrato é nove um seis um dois três quatro cinco seis'], { phone: null }],
  ['a-pt-2', 'PT', ['liguem-me por favor, o meu telemóvel é nove um seis um dois três quatro cinco seis'], { phone: '+351916123456' }],
  ['a-nl-1', 'NL', ['bel me even, het ordernummer is nul zes twee drie vier vijf zes zeven acht negen'], { phone: null }],
  ['a-nl-2', 'NL', ['bel me even terug, mijn mobiel is nul zes twee drie vier vijf zes zeven acht negen'], { phone: '+31623456789' }],
  ['a-nl-3', 'NL', ['kunt u mij bellen, mijn postcode en huisnummer: nul zes twee drie vier vijf zes zeven acht negen'], { phone: null }],
  [
    'g-en-1',
    'GB',
    ['my mobile is oh seven seven zero zero nine double zero one one one, wait no, oh seven seven zero zero nine double zero two two two'],
    { phone: '+447700900222' },
  ],
  ['g-en-2', 'GB', ['my phone is oh seven nine one one one two three four five six, three of us tonight'], { phone: '+447911123456' }],
  [
    'g-de-1',
    'DE',
    [
      'meine Handynummer ist null eins sieben eins eins eins eins eins eins eins eins, nein Moment, null eins sieben eins zwei zwei zwei zwei zwei zwei zwei',
    ],
    { phone: '+491712222222' },
  ],
  [
    'g-fr-1',
    'FR',
    ['mon portable zéro six onze onze onze onze onze non pardon zéro six vingt-deux vingt-deux vingt-deux vingt-deux'],
    { phone: '+33622222222' },
  ],
  ['g-es-1', 'ES', ['mi móvil es seis cero cero uno dos tres cuatro cinco seis cuatro personas a las nueve'], { phone: '+34600123456' }],
  [
    'g-it-1',
    'IT',
    ['il mio numero è tre quattro sette uno due tre quattro cinque sei sette due persone stasera'],
    { phone: '+393471234567' },
  ],
  ['g-pt-1', 'PT', ['o meu telemóvel é nove um seis um dois três quatro cinco seis, duas pessoas'], { phone: '+351916123456' }],
  ['g-nl-1', 'NL', ['mijn nummer is nul zes twee drie vier vijf zes zeven acht negen, twee keer geprobeerd'], { phone: '+31623456789' }],
  ['g-en-3', 'GB', ['my number is one two three four five six seven'], { phone: null }],
  [
    'b-en-1',
    'GB',
    ['Your colleague wrote that I should send my mobile:\n07911 123456\nRegards, Hannah Cole'],
    { name: 'Hannah Cole', phone: '+447911123456' },
  ],
  [
    'b-en-2',
    'GB',
    ['On the booking form I wrote the wrong email, it should be:\nmark.doyle@gmail.com\nMark'],
    { email: 'mark.doyle@gmail.com' },
  ],
  [
    'b-de-1',
    'DE',
    ['Am Montag schrieb ich Ihnen schon, hier nochmal meine Nummer:\n0160 9876543\nViele Grüße, Petra Lang'],
    { name: 'Petra Lang', phone: '+491609876543' },
  ],
  [
    'b-fr-1',
    'FR',
    ["Le plombier a écrit sur la facture qu'il fallait vous joindre :\n07 11 22 33 44\nSophie Marin"],
    { name: 'Sophie Marin', phone: '+33711223344' },
  ],
  [
    'b-es-1',
    'ES',
    ['El repartidor escribió en la nota que os llamara, mi número:\n622 111 333\nMarta Gil'],
    { name: 'Marta Gil', phone: '+34622111333' },
  ],
  [
    'b-it-1',
    'IT',
    ['La segreteria ha scritto di lasciare un recapito:\n347 765 4321\nGiulia Conti'],
    { name: 'Giulia Conti', phone: '+393477654321' },
  ],
  [
    'b-pt-1',
    'PT',
    ['O senhor da loja escreveu no talão que eu devia mandar o contacto:\n913 222 444\nInês Lopes'],
    { name: 'Inês Lopes', phone: '+351913222444' },
  ],
  [
    'b-nl-1',
    'NL',
    ['Mijn buurman schreef dat ik u moest mailen:\nlotte.jansen@gmail.com\nGroet, Lotte Jansen'],
    { name: 'Lotte Jansen', email: 'lotte.jansen@gmail.com' },
  ],
  [
    'b-en-3',
    'GB',
    [
      'Thanks, see you Friday.\nAlan Reid\n\nOn Wed, 4 Mar 2026 at 09:15, Pine Dental <desk@pinedental.co.uk> wrote:\nReminder: call 0113 496 0000 to cancel.',
    ],
    { name: 'Alan Reid', phone: null, email: null },
  ],
  [
    'b-de-2',
    'DE',
    ['Passt, danke.\n\nAm 04.03.2026 um 09:15 schrieb Zahnarzt Dr. Brandt <praxis@dr-brandt.de>:\n> Termin am Freitag. Tel. 089 1234567'],
    { phone: null, email: null },
  ],
  [
    'c-en-1',
    'GB',
    [
      'On Wed, 4 Mar 2026 at 09:15, Pine Dental <desk@pinedental.co.uk> wrote:\n> Which number should we call?\n\nThis one please: 07911 654321\nLucy Ward',
    ],
    { name: 'Lucy Ward', phone: '+447911654321' },
  ],
  [
    'c-fr-1',
    'FR',
    [
      'Le 4 mars 2026 à 09:15, Garage Pont <contact@garagepont.fr> a écrit :\n> À quel numéro vous joindre ?\n\nAu 06 44 55 66 77, merci.\nHugo Lemaire',
    ],
    { name: 'Hugo Lemaire', phone: '+33644556677' },
  ],
  [
    'c-nl-1',
    'NL',
    [
      'Op 4 mrt. 2026 om 09:15 schreef Tandarts Oost <info@tandartsoost.nl>:\n> Op welk nummer kunnen we u bereiken?\n\n06 11223344\nDaan Smit',
    ],
    { name: 'Daan Smit', phone: '+31611223344' },
  ],
  [
    'c-en-2',
    'GB',
    [
      'Resending this as I have had no reply.\n\nOn 2 Mar 2026, at 18:40, Megan Price <megan.price@outlook.com> wrote:\n> Hello, my boiler is leaking. Please ring me on 07911 222333. Megan Price',
    ],
    { name: 'Megan Price', email: 'megan.price@outlook.com', phone: '+447911222333' },
  ],
  [
    'c-es-1',
    'ES',
    [
      'Os reenvío mi mensaje porque nadie contesta.\n\nEl 2 mar 2026, a las 18:40, Pablo Ruiz <pablo.ruiz@gmail.com> escribió:\n> Hola, tengo una gotera, mi móvil es 633 444 555',
    ],
    { email: 'pablo.ruiz@gmail.com', phone: '+34633444555' },
  ],
  [
    'c-it-1',
    'IT',
    [
      'Vi inoltro di nuovo le foto.\n\nIl giorno 2 mar 2026, alle ore 18:40, Idraulica Rossi <info@idraulicarossi.it> ha scritto:\n> Ci mandi le foto al 02 1234 5678',
    ],
    { phone: null, email: null },
  ],
  ['d-en-1', 'GB', ['Fine by me\nRob Hale\n\nSent from my Galaxy'], { name: 'Rob Hale' }],
  ['d-en-2', 'GB', ['Sounds good, thanks\n\nGet Outlook for Android'], { name: null }],
  ['d-de-1', 'DE', ['Alles klar, danke\n\nVon meinem Samsung Galaxy gesendet'], { name: null }],
  ['d-de-2', 'DE', ['Passt so.\nKlaus Fischer\n\nVon meinem iPad gesendet'], { name: 'Klaus Fischer' }],
  ['d-fr-1', 'FR', ["D'accord merci\nNadia Benali\n\nEnvoyé de mon iPad"], { name: 'Nadia Benali' }],
  ['d-es-1', 'ES', ['Vale, gracias\n\nEnviado desde mi iPhone'], { name: null }],
  ['d-es-2', 'ES', ['Perfecto\nCarmen Vidal\n\nEnviado desde mi Xiaomi'], { name: 'Carmen Vidal' }],
  ['d-it-1', 'IT', ['Va bene\nPaolo Greco\n\nInviato da Outlook'], { name: 'Paolo Greco' }],
  ['d-pt-1', 'PT', ['Obrigado\n\nEnviado do meu Android'], { name: null }],
  ['d-nl-1', 'NL', ['Prima\nMilan Bakker\n\nVerstuurd vanaf mijn iPhone'], { name: 'Milan Bakker' }],
  ['e-de-1', 'DE', ['hier ist alles überflutet ich brauche hilfe'], { name: null }],
  ['e-de-2', 'DE', ['hier ist schon wieder kein wasser seit heute'], { name: null }],
  ['e-de-3', 'DE', ['hallo hier ist markus weber ich brauche einen termin'], { name: 'Markus Weber' }],
  ['e-fr-1', 'FR', ["c'est vraiment pas normal j'attends depuis une heure"], { name: null }],
  ['e-fr-2', 'FR', ["c'est encore moi pour la fuite"], { name: null }],
  ['e-fr-3', 'FR', ["bonjour c'est madame girard hélène je voudrais un rendez-vous"], { name: ['Girard Hélène', 'Hélène Girard'] }],
  ['e-es-1', 'ES', ['soy celíaco y quería saber si tenéis pan sin gluten'], { name: null }],
  ['e-es-2', 'ES', ['hola soy nueva en el barrio y necesito un fontanero'], { name: null }],
  ['e-es-3', 'ES', ['hola soy marta vidal necesito cita el lunes'], { name: 'Marta Vidal' }],
  ['e-it-1', 'IT', ['sono bloccata in ascensore aiuto'], { name: null }],
  ['e-it-2', 'IT', ['sono ancora senza acqua calda'], { name: null }],
  ['e-it-3', 'IT', ['buongiorno sono giorgio bassi vorrei un preventivo'], { name: 'Giorgio Bassi' }],
  ['e-pt-2', 'PT', ['aqui é o rui costa preciso de um orçamento'], { name: 'Rui Costa' }],
  ['e-nl-1', 'NL', ['goedemorgen met drie kinderen en een hond mogen we binnen'], { name: null }],
  ['e-nl-2', 'NL', ['goedemorgen met kees de boer ik wil een afspraak maken'], { name: 'Kees de Boer' }],
  ['e-en-1', 'GB', ["it's really urgent the pipe burst"], { name: null }],
  ['e-en-2', 'GB', ['this is two adults and a dog can we book'], { name: null }],
  ['e-en-3', 'GB', ['hello this is sarah quinn i need a plumber'], { name: 'Sarah Quinn' }],
  ['f-es-1', 'ES', ['me llamo lucía de valencia quiero reservar'], { name: 'Lucía' }],
  ['f-fr-1', 'FR', ["je m'appelle marc du garage je voudrais une pièce"], { name: 'Marc' }],
  ['f-it-1', 'IT', ['mi chiamo sara di milano vorrei informazioni'], { name: 'Sara' }],
  ['f-pt-1', 'PT', ['chamo-me joão da oficina preciso de uma peça'], { name: 'João' }],
  ['f-de-1', 'DE', ['mein name ist tim von gegenüber ich brauche einen schlüssel'], { name: 'Tim' }],
  ['f-nl-1', 'NL', ['mijn naam is bram van hiernaast ik wil iets vragen'], { name: 'Bram' }],
  ['f-nl-2', 'NL', ['mijn naam is bram van dijk'], { name: 'Bram van Dijk' }],
  ['f-es-2', 'ES', ['me llamo lucía de la fuente, mi móvil es 612 345 678'], { name: 'Lucía de la Fuente' }],
];

const REVIEW: Row[] = [
  ['ph-en-08', 'US', ['call me when the part arrives, the serial is four one five two two three eight nine one zero'], { phone: null }],
  ['ph-en-09', 'US', ['call me re my warranty, the product code is eight one eight five five five one two three four'], { phone: null }],
  ['ph-de-11', 'DE', ['Rufen Sie mich an, Kundenkonto zwei drei vier fünf sechs sieben acht neun null'], { phone: null }],
  [
    'ph-fr-03',
    'FR',
    ['Pouvez-vous me rappeler au sujet du colis numéro zéro six douze trente-quatre cinquante-six soixante-dix-huit'],
    { phone: null },
  ],
  [
    'ph-fr-09',
    'FR',
    ['rappelez-moi svp, mon numéro de contrat est zéro six douze trente-quatre cinquante-six soixante-dix-huit'],
    { phone: null },
  ],
  ['ph-es-03', 'ES', ['mi número de socio es seis uno dos tres cuatro cinco seis siete ocho'], { phone: null }],
  ['ph-es-04', 'ES', ['¿Me podéis llamar? El número de expediente es nueve uno dos tres cuatro cinco seis siete ocho'], { phone: null }],
  ['ph-it-03', 'IT', ['mi chiami pure, il numero di tessera è tre tre otto uno due tre quattro cinque sei sette'], { phone: null }],
  ['ph-pt-04', 'PT', ['Liguem-me por favor, o NIF é dois um três quatro cinco seis sete oito nove'], { phone: null }],
  [
    'ph-nl-07',
    'NL',
    ['u kunt mij bellen over mijn pakket, de trackcode is nul twee nul een twee drie vier vijf zes zeven'],
    { phone: null },
  ],
  [
    'q-en-04',
    'GB',
    ['Ok thanks\n\nSent from my iPhone\n\nOn 3 Mar 2026, at 14:02, Harbour Cars <sales@harbourcars.co.uk> wrote:\n\nCall 0117 496 0555'],
    { name: null, email: null, phone: null },
  ],
  [
    'q-en-05',
    'GB',
    [
      "On Tue, 3 Mar 2026 at 14:02, Harbour Cars <sales@harbourcars.co.uk> wrote:\n> Could you send us a number to reach you?\n\nSure, it's 07700 900123.\nPaul Grant",
    ],
    { name: 'Paul Grant', phone: '+447700900123' },
  ],
  ['q-en-06', 'GB', ['No one wrote back so here is my number:\n07700 900123\nKate'], { phone: '+447700900123' }],
  ['q-en-07', 'GB', ['On the form I wrote my old number, the right one is:\n07700 900456\nthanks'], { phone: '+447700900456' }],
  [
    'q-en-08',
    'GB',
    [
      "Resending as nobody replied.\n\nOn 1 Mar 2026, at 09:10, Priya Shah <priya.shah@gmail.com> wrote:\n> Hi, I'm Priya Shah, please call me on 07700 900789 about the leak.",
    ],
    { name: 'Priya Shah', email: 'priya.shah@gmail.com', phone: '+447700900789' },
  ],
  [
    'q-de-02',
    'DE',
    ['Am Freitag schrieb mir Ihr Kollege, ich solle meine Nummer schicken:\n0171 2345678\nGruß, Jens Albers'],
    { name: 'Jens Albers', phone: '+491712345678' },
  ],
  [
    'q-fr-02',
    'FR',
    ["Le technicien a écrit sur le bon qu'il fallait vous envoyer mon numéro :\n06 12 34 56 78\nCamille Roux"],
    { name: 'Camille Roux', phone: '+33612345678' },
  ],
  [
    'q-es-02',
    'ES',
    ['El técnico escribió en el parte que les mandara mi teléfono:\n612 345 678\nLucía Ortega'],
    { name: 'Lucía Ortega', phone: '+34612345678' },
  ],
  [
    'q-it-02',
    'IT',
    ['Il tecnico ha scritto sulla ricevuta di mandarvi il mio numero:\n338 123 4567\nMarco Bellini'],
    { name: 'Marco Bellini', phone: '+393381234567' },
  ],
  [
    'q-pt-02',
    'PT',
    ['Em resposta ao que o técnico escreveu, aqui vai o meu contacto:\n912 345 678\nJoana Pires'],
    { name: 'Joana Pires', phone: '+351912345678' },
  ],
  [
    'q-nl-02',
    'NL',
    ['Op de site schreef u dat ik mijn nummer moest sturen:\n06 12345678\nGroet, Bram Visser'],
    { name: 'Bram Visser', phone: '+31612345678' },
  ],
  ['n-fr-04', 'FR', ["c'est trop tard je voudrais annuler"], { name: null }],
  ['n-fr-08', 'FR', ["je m'appelle julie de lyon je voudrais un devis"], { name: 'Julie' }],
  ['n-es-01', 'ES', ['hola soy alérgico al marisco y quería saber si el menú lleva gambas'], { name: null }],
  ['n-es-07', 'ES', ['me llamo ana de sevilla necesito reservar mesa'], { name: 'Ana' }],
  ['n-it-01', 'IT', ['sono stanco morto e nessuno mi risponde'], { name: null }],
  ['n-it-08', 'IT', ['sono stufa marcia io voglio un rimborso'], { name: null }],
  ['n-it-09', 'IT', ['sono allergico ai crostacei e vorrei sapere il menù'], { name: null }],
  ['n-pt-05', 'PT', ['sou a ana do porto preciso de um orçamento'], { name: 'Ana' }],
  ['n-nl-01', 'NL', ['goedemiddag met twee personen en een hond kunnen we komen'], { name: null }],
  ['n-it-11', 'IT', ['mi chiamo luca di roma vorrei un preventivo'], { name: 'Luca' }],
  ['n-de-11', 'DE', ['ich heiße lena von nebenan ich brauche hilfe'], { name: 'Lena' }],
  ['n-es-12', 'ES', ['me llamo pedro de la tienda de abajo necesito una copia de llave'], { name: 'Pedro' }],
  ['n-pt-09', 'PT', ['chamo-me rui da padaria preciso de um orçamento'], { name: 'Rui' }],
  ['n-nl-11', 'NL', ['mijn naam is eva van de overkant ik wil een klacht indienen'], { name: 'Eva' }],
  [
    'q-en-12',
    'GB',
    ['Thanks!\n\nSent from my iPhone\n\nOn 3 Mar 2026, at 14:02, Harbour Cars <sales@harbourcars.co.uk> wrote:\n\n> see you then'],
    { name: null, email: null, phone: null },
  ],
  [
    'q-fr-04',
    'FR',
    [
      'Merci\n\nEnvoyé de mon iPhone\n\nLe 3 mars 2026 à 14:02, Garage Dubreuil <contact@garage-dubreuil.fr> a écrit :\n\nTél. 04 78 12 34 56',
    ],
    { name: null, email: null, phone: null },
  ],
  [
    'q-it-04',
    'IT',
    [
      'Ok grazie\n\nInviato da iPhone\n\nIl giorno 3 mar 2026, alle ore 14:02, Studio Galli <info@studiogalli.it> ha scritto:\n\nTel. 02 8765 4321',
    ],
    { name: null, email: null, phone: null },
  ],
  ['ph-nl-09', 'NL', ['bel me terug, het klantnummer is nul zes een twee drie vier vijf zes zeven acht'], { phone: null }],
  ['n-de-12', 'DE', ['hier ist totales chaos ich brauche sofort jemanden'], { name: null }],
  ['n-de-13', 'DE', ['hier ist wieder stromausfall und niemand geht ran'], { name: null }],
  ['n-fr-16', 'FR', ["c'est toujours pareil et personne ne rappelle"], { name: null }],
  ['n-es-15', 'ES', ['soy vegano estricto y necesito opciones'], { name: null }],
  ['n-it-13', 'IT', ['sono fuori casa e ho perso le chiavi'], { name: null }],
  ['n-it-14', 'IT', ['sono rimasta chiusa fuori e mi serve un fabbro'], { name: null }],
  ['n-nl-13', 'NL', ["hallo met z'n tweeën en een kinderwagen mag dat"], { name: null }],
  [
    'q-pt-04',
    'PT',
    ['Em 2024 a vossa colega escreveu-me a dizer para enviar o número:\n912 345 678\nJoana Pires'],
    { name: 'Joana Pires', phone: '+351912345678' },
  ],
  ['q-es-06', 'ES', ['El chico de la tienda escribió en el ticket mi número:\n612 345 678'], { phone: '+34612345678' }],
  ['q-it-05', 'IT', ['Il vostro operatore ha scritto:\nrichiamare il cliente\nIl mio numero è 338 123 4567'], { phone: '+393381234567' }],
  [
    'q-fr-05',
    'FR',
    ['Le livreur a écrit sur le bon :\n"absent"\nalors que j\'étais là ! Mon portable : 06 12 34 56 78'],
    { phone: '+33612345678' },
  ],
  ['q-nl-04', 'NL', ['Op het formulier schreef ik:\n06 12345678\nmaar dat klopt niet, het is 06 87654321'], { phone: '+31687654321' }],
  [
    'q-de-06',
    'DE',
    ['Am Telefon schrieb ich mir Ihre Durchwahl auf:\n030 1234567\nMeine eigene Nummer: 0171 2345678'],
    { phone: '+491712345678' },
  ],
  [
    'ph-de-14',
    'DE',
    ['Rufen Sie mich an, die Bestellnummer lautet null eins sieben eins zwei drei vier fünf sechs sieben acht'],
    { phone: null },
  ],
  ['ph-es-12', 'ES', ['llámame, te paso el IBAN: es nueve uno dos tres cuatro cinco seis siete ocho'], { phone: null }],
  ['ph-nl-10', 'NL', ['kunt u mij terugbellen, mijn bsn is nul zes een twee drie vier vijf zes zeven acht'], { phone: null }],
  ['ph-pt-10', 'PT', ['liguem-me, a referência multibanco é nove um dois três quatro cinco seis sete oito'], { phone: null }],
];

const KNOWN_MISSES: Array<[...Row, current: Record<string, string | null>]> = [
  ['e-pt-1', 'PT', ['aqui é a nova inquilina do segundo andar e preciso de ajuda'], { name: null }, { name: 'Nova' }],
  [
    'ph-en-05',
    'GB',
    [
      'my number is oh seven seven double oh nine double oh one two eight',
      "sorry that's wrong, it's oh seven seven double oh nine double oh one two three",
    ],
    { phone: '+447700900123' },
    { phone: '+447700900128' },
  ],
  ['ph-pt-03', 'BR', ['pode me ligar no onze nove nove meia meia meia, um dois três quatro'], { phone: '+5511996661234' }, { phone: null }],
  ['n-de-10', 'DE', ['ich bin anna aus köln ich brauche einen termin'], { name: 'Anna' }, { name: null }],
  ['n-pt-06', 'PT', ['aqui é o técnico da edp e queria confirmar'], { name: null }, { name: 'Técnico da Edp' }],
  ['n-fr-12', 'FR', ["je suis paul de marseille j'ai besoin d'un plombier"], { name: 'Paul' }, { name: null }],
];

describe('round 16 review fixes', () => {
  it.each(FRESH)('fresh probe %s', (_id, country, messages, expected) => {
    expect(matches(expected, read(messages, country, expected))).toEqual(expected);
  });
  it.each(REVIEW)("reviewer's regression probe %s", (_id, country, messages, expected) => {
    expect(matches(expected, read(messages, country, expected))).toEqual(expected);
  });
  it.each(KNOWN_MISSES)('known miss %s (still wrong; asserts the current output)', (_id, country, messages, expected, current) => {
    const got = read(messages, country, expected);
    expect(got).toEqual(current);
    expect(matches(expected, got)).not.toEqual(expected);
  });
});
