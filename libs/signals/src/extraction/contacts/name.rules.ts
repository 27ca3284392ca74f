/**
 * Words that are not names although they follow "I'm", "this is", "it's" or stand alone in a
 * sign-off position ("I'm fine", "I'm looking for", "this is urgent", "Thanks, all the best").
 * Lower case. Words ending in -ing are rejected by rule and need not be listed; -ly adverbs are
 * listed (names end in -ly too: Kelly, Emily, Holly).
 */
const WORDS = `
a an the and or but so if then than that this these those there here it its it's is was be been am are were will would can could
shall should may might must do does did done not no yes yeah yep nope ok okay okey fine good great grand well alright all right sure
just only also still even very really quite too so rather pretty bit little lot lots more most less much many some any every each
i me my mine myself you your yours we us our they them their he him his she her who what when where why how which whom
on in at to for from of off by with without into onto about above below after before over under up down out again once
back away around near next last new old same other another own such both either neither
hi hello hey hiya morning afternoon evening night thanks thank cheers regards best kind warm many sincerely yours love x xx xxx
please sorry excuse pardon welcome bye goodbye ta
interested afraid available free busy away home ready done sure happy unhappy sad glad pleased delighted disappointed annoyed
angry furious fuming livid upset gutted worried concerned confused stuck lost locked unable keen eager desperate late early
sick ill unwell poorly better worse tired fed aware new back due based retired married single pregnant disabled elderly
calling writing messaging emailing texting contacting enquiring inquiring asking looking trying wanting hoping needing going
moving having getting doing waiting wondering thinking planning struggling phoning ringing booking chasing following after
customer client tenant landlord landlady owner patient member resident guest student homeowner buyer seller vendor seeker
renter leaseholder freeholder parent mum dad mother father wife husband partner son daughter friend neighbour neighbor
manager director boss agent builder plumber electrician mechanic driver carer nurse doctor teacher staff
one two three four five six seven eight nine ten first second third
monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight yesterday weekend week month year
january february march april may june july august september october november december feb apr jun jul aug sep sept oct nov dec
boiler car van house flat home room shop store table booking order appointment quote price cost bill invoice ref reference
email mail phone number mobile landline address postcode name surname details contact info message text call
urgent emergency problem issue question query complaint help help me bad terrible awful brilliant lovely perfect amazing
fab fantastic excellent wonderful nice cool shocking appalling rubbish useless ridiculous unacceptable
not sure unsure positive certain convinced curious new here there over completely totally absolutely definitely
off on currently still now already actually basically literally honestly seriously
mr mrs ms miss dr sir madam mx prof rev
btw lol tho though anyway anyways again instead otherwise meanwhile too also then now still there
really only currently literally actually nearly probably finally usually totally simply basically honestly hopefully
unfortunately obviously certainly surely likely early lately daily weekly monthly friendly lonely silly ugly holy family
roughly approximately approx exactly quickly urgently ideally preferably possibly definitely personally originally recently
especially generally normally apparently luckily thankfully fortunately seriously presumably
i'm im i've i'd i'll we're you're they're it'll that's what's there's here's let's
tel tél tele fon mob cel cell ph tlf tfno telf fixe festnetz mobil móvil movil cellulare telemóvel gsm whatsapp zap natel
um uh erm yeah gentile direzione egregio egregi egregia spettabile caro cara cari estimado estimada estimados prezado prezada
geachte geehrte geehrter sehr cher chère chers messieurs mesdames dames heren signori
yet familie family famille famiglia família familia gezin
disculpa disculpad disculpe perdonad perdonen infinite infinito tippfehler autocorrect autocorrector
student studentin schüler schülerin rentner rentnerin lehrer lehrerin mitglied anwohner anwohnerin vermieter vermieterin
eigentümer eigentümerin inhaber inhaberin fotograf fotografin hundefotografin
ordernummer bestelnummer bestellnummer auftragsnummer kundennummer rechnungsnummer referentie dossier
lads guys all team folks mate everyone everybody anyone someone somebody nobody people broken booked sorted fixed leaking
ring caregiver leader organiser organizer coordinator secretary assistant
`;

// The same for German, French, Spanish, Italian, Portuguese and Dutch: function words, greetings,
// thanks, contact nouns ("mein E-Mail ist", "mon numéro"), roles and feelings that follow "ich
// bin", "je suis", "soy", "sono", "sou", "ik ben". German capitalises nouns, so nouns a visitor
// calls themselves ("Ich bin Kunde") are listed. Words that are also common first names (Mia, Ben,
// Ola, Nova, Dia) are left out.
const FOREIGN_WORDS = `
ich mein meine meinen meiner mich mir wir unser unsere sie ihr ihre du dein er es ist  sind war hier da der die das den dem ein eine einen
und oder aber nicht kein keine ja nein auch noch schon sehr gerne gern leider bitte danke vielen dank herzlichen hallo guten tag morgen abend
grüße gruß grüßen grusse gruss liebe lieben viele freundlichen freundliche mfg lg vg tschüss servus moin
kunde kundin mieter mieterin besitzer besitzerin patient patientin mutter vater frau mann sohn tochter nachbar nachbarin
enttäuscht verärgert sauer froh zufrieden unzufrieden neu erreichbar unter telefon telefonnummer nummer handy handynummer
mail e-mail email adresse name vorname nachname termin bestellung rechnung heizung
je j'ai moi mon ma mes notre nos vous votre vos il elle nous est suis sommes c'est ce cet cette le la les un une des du de et ou mais pas
oui non aussi très bien merci beaucoup bonjour bonsoir salut coucou cordialement bisous bises amicalement sincères salutations
client cliente locataire propriétaire patient patiente mère père femme mari fils fille voisin voisine
déçu déçue désolé désolée content contente ravi ravie fâché fâchée nouveau nouvelle joignable
numéro numero téléphone telephone portable courriel adresse nom prénom commande rendez-vous
yo mi mis me soy es somos  sus tu tus el la los las un una unos unas y o pero no sí si muy bien gracias muchas hola buenas buenos días dias
saludos saludo atentamente abrazo besos cliente clienta inquilino inquilina dueño dueña paciente madre padre esposa esposo hijo hija vecino vecina
decepcionado decepcionada enfadado enfadada contento contenta nuevo nueva
número telefono teléfono móvil movil celular correo dirección direccion nombre apellido pedido cita
io il lo gli le mio  miei  tuo tua suo  è sono siamo siete sei sempre tutti davvero un uno una e o ma non sì molto bene grazie mille ciao buongiorno buonasera
salve saluti cordiali distinti cliente inquilino inquilina proprietario proprietaria paziente madre padre moglie marito figlio figlia vicino vicina
deluso delusa arrabbiato arrabbiata contento contenta nuovo nuova
numero telefono cellulare cell fisso indirizzo nome cognome ordine appuntamento
service client clients servicio clientes servizio clienti kundenservice kundendienst klantenservice atendimento équipe equipe
eu o a os as meu minha meus minhas seu  é sou somos um uma e ou mas não sim muito bem obrigado obrigada olá  oi bom boa  tarde
atenciosamente cumprimentos abraços abraço beijos cliente inquilino inquilina dono  paciente mãe pai esposa marido filho filha vizinho vizinha
decepcionado decepcionada chateado chateada contente novo 
número telemóvel telemovel celular contacto contato morada endereço nome apelido sobrenome encomenda pedido consulta
ik mijn mij wij we ons onze u uw jij je hij zij het is  zijn was de een en of maar niet geen ja nee ook heel erg graag dank bedankt
hoi hallo goedemorgen goedemiddag goedenavond groet groeten groetjes vriendelijke mvg klant huurder eigenaar patiënt moeder vader vrouw man zoon dochter buurman buurvrouw
teleurgesteld boos blij tevreden nieuw nieuwe
nummer telefoonnummer telefoon mobiel adres naam achternaam bestelling afspraak
thx ty tks thnx thanx pls plz
hein quoi voilà bah ben-voyons
eigentlich doch also nochmal korrektur entschuldigung pardon excusez plutôt plutot enfin bon bueno perdón perdon perdona mejor
anzi scusa scusi scusate cioè cioe allora desculpe desculpa aliás alias pois nee sorry eh oké oke
por para todo toda todos pela pelo per tutto tutti pour tout tous für fur alles voor allemaal ajuda ayuda aiuto aide hilfe hulp
richtig falsch zahlendreher fehler erreur error errore erro fout ponto punto point sem sin sans senza zonder ohne
bonne journée soirée buona giornata serata buen día buena tarde boa fijne dag avond schönen schöner tag abend wochenende
euch vielmals cualquier cosa klasse raum display estoy estamos estou sto estava
encargado encargada gerente responsable jefe jefa propietario propietaria titolare responsabile gestore gérant gérante
responsável leiter leiterin geschäftsführer geschäftsführerin beheerder verantwoordelijke
quella quello questa questo che chi meglio

januar jänner februar feber märz april juni juli august september oktober november dezember
montag dienstag mittwoch donnerstag freitag samstag sonntag
janvier février fevrier mars avril juin juillet août aout septembre octobre novembre décembre
lundi mardi mercredi jeudi vendredi samedi dimanche
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
lunes martes miércoles miercoles jueves viernes sábado sabado domingo
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
lunedì martedì mercoledì giovedì venerdì lunedi martedi mercoledi giovedi venerdi
janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
segunda terça terca quarta quinta sexta feira
januari februari maart juli augustus oktober
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
cuanto cuánto cuanta cuánta quanto quanta combien wieviel wie viel hoeveel quando cuando wann wanneer
como cómo come comment wie hoe qué quoi cosa wat warum waarom porque perché pourquoi perchè
con mit avec com met sin sans senza zonder ohne su sobre sur sulla sul bei bij chez entre
aqui aquí ici qui acá ahí aí lá alla là
demais mesma mesmo avance antemano adelantado anticipo voraus alvast tanto
avevate avevo prima dopo poi ancora adesso ora agora ahora maintenant jetzt nu
al au ao op em am aan
mamma papà mamá papá maman mãe mamãe papai nonna nonno abuela abuelo avó avô oma opa zia zio tía tío tia tio tante onkel nichte neffe
vale genial perfecto perfeito perfetto parfait super top beleza ótimo otimo bene okey oki dale listo
bereikbaar erreichbar joignable raggiungibile localizable disponible disponibile beschikbaar
equipa equipe loja coro team studio praxis kanzlei firma société empresa azienda bedrijf winkel
dept department departement département departamento dipartimento abteilung afdeling ufficio helpdesk hotline helpline
support assistenza atención atencion apoio klantendienst buchhaltung boekhouding contabilidad comptabilité contabilità contabilidade
doktor doktorin docteur dottore dottoressa doctora doutor doutora dokter telefone
rua bakery bäckerei boulangerie panadería panaderia padaria panetteria bakkerij pizzeria ferretería ferreteria
seine seinen seiner rückruf ruf bel bellen appelez rappelez llame llámeme chiamate ligue liguem
nipote neta neto nieta nieto petite-fille petit-fils enkelin kleindochter kleinzoon
mantelzorger mantelzorgster verzorger verzorgster thuiszorg betreuerin betreuer pflegerin pfleger sekretärin sekretär assistentin
auxiliaire aide-soignante soignante secrétaire assistante cuidadora cuidador secretaria secretario asistente
badante segretaria segretario secretária secretário
hoy mañana oggi domani hoje amanhã heute übermorgen demain aujourd'hui vandaag overmorgen
unsicher sicher neugierig gespannt interessiert besorgt angemeldet eingeschrieben
curieux curieuse intéressé intéressée inquiet inquiète sûr sûre inscrit inscrite
interesado interesada curioso curiosa preocupado preocupada inscrito inscrita
interessato interessata sicuro sicura curiosa preoccupato preoccupata iscritto iscritta
interessado interessada
benieuwd nieuwsgierig geïnteresseerd geinteresseerd zeker onzeker bezorgd ingeschreven
`;

export const NOT_A_NAME: ReadonlySet<string> = new Set(`${WORDS} ${FOREIGN_WORDS}`.split(/\s+/).filter((w) => w.length > 0));

/** Titles before a name ("Mrs Siobhan McAllister"); dropped from the value. */
export const TITLES: ReadonlySet<string> = new Set([
  ...['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev'],
  // The other languages' titles ("Frau Moser", "il signor Marchetti", "mevrouw Visser", "Mme Girard").
  ...['herr', 'frau', 'mme', 'mlle', 'madame', 'monsieur', 'signor', 'signora', 'sig', 'sra', 'sr', 'señor', 'señora', 'senhor', 'senhora'],
  ...['dona', 'doña', 'don', 'seu', 'mevrouw', 'meneer', 'mevr', 'dhr'],
  // Round 19 review fixes: 'Reservierung für Herrn Krause' (the dative and accusative of Herr).
  'herrn',
  // Latin American professional titles ("Soy el Ing. Ramiro Castañeda", "la Lic. Paola Díaz").
  ...['ing', 'lic', 'arq', 'dra', 'srta', 'profa', 'licenciado', 'licenciada', 'ingeniero', 'ingeniera'],
  // Round 13: 'Captain Bill Rourke', 'Eng.º Nuno Cardoso', 'Dña. Carmen …', 'Dott. Neri', 'Avv. Conti', 'Maître Roy'.
  ...['captain', 'capt', 'eng', 'engº', 'dña', 'dott', 'dottssa', 'avv', 'maître', 'mag', 'drs', 'ir', 'mw', 'dhr', 'hofrat', 'dipl'],
  // Round 18: Austrian honorific titles in formal letter closes ("Hochachtungsvoll, Hofrätin Dr. Elfriede Stöckl-Haberl").
  ...['hofrätin', 'hofraetin', 'kommerzialrat', 'kommerzialrätin', 'magª', 'mmag', 'dipl.-ing'],
]);

/** Sign-off words that put a name after them at the end of a message ("Thanks, Dave"). */
export const SIGN_OFF = String.raw`(?:eure|euer|mit\s+freundlichen\s+gr(?:ü|ue|u)(?:ß|ss)en|ng(?:ā|a)\s+mihi|lg|vg|grtz|gruess|gr(?:ü|u)(?:ß|ss)|(?:viele|liebe|beste|herzliche)\s+gr(?:ü|ue|u)(?:ß|ss)e|gr(?:ü|ue|u)(?:ß|ss)e|danke(?:\s+sch(?:ö|oe)n)?|cordialement|bien\s+(?:à|a)\s+vous|bien\s+cordialement|merci\s+d'avance|merci(?:\s+beaucoup)?(?!\s+d')|bises|amicalement|un\s+saludo|saludos(?:\s+cordiales)?|un\s+saluto\s+da|saluti\s+da|un\s+abbraccio(?:\s+da)?|atentamente|muchas\s+gracias|gracias|cordiali\s+saluti|distinti\s+saluti|saluti|grazie(?:\s+mille)?|atenciosamente|cumprimentos|obrigad[oa](?:\s+desde\s+j[aá])?|att|atte|abs|bonne\s+journ[ée]e|bonne\s+soir[ée]e|buona\s+giornata|buona\s+serata|fijne\s+dag|sch(?:ö|oe)nen\s+tag|gr(?:ü|u)ess(?:li|e)|abra(?:ç|c)os|met\s+vriendelijke\s+groet(?:en)?|vriendelijke\s+groet(?:en)?|groet(?:en|jes)?|hartelijke\s+groet(?:en)?|liefs|dank\s+(?:je|u|jullie)\s+wel|xx{1,2}|alvast\s+bedankt|mvg|bedankt|un\s+abrazo|besos|un\s+saluto|saluti\s+cordiali|beijos|bjs|bisous|merci\s+d'avance|many\s+thanks|thanks\s+(?:again|so\s+much|a\s+lot|heaps|very\s+much|in\s+advance)|thank\s+you|thanks|thx|ta|cheers|regards|kind\s+regards|best\s+regards|warm\s+regards|best\s+wishes|best|all\s+the\s+best|yours\s+sincerely|yours\s+faithfully|yours|sincerely|love|speak\s+soon)`;

/** Capitalised words that never continue a name ("I'm Dave Thanks", "It's Sam From accounts"). */
export const NOT_A_SURNAME: ReadonlySet<string> = new Set(
  `a an the and or but so if i me my you your we our it is was be am are will would can could do not no yes ok okay
  on in at to for from of by with here there this that thanks thank cheers please sorry hi hello hey btw x xx
  i'm im i've i'd i'll we're we've you're it's its tel phone mobile email e-mail mail
  monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight
  january february march april june july august september october november december
  dept department departement département departamento dipartimento abteilung afdeling team support service services
  helpdesk hotline client clients clienti clientes street road avenue straße strasse ltd gmbh llc inc plc sarl ltda
  dental plumbing electrical`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/**
 * Common words that open a message as "X hier / ici / aqui / qui" without being a name ("Frage hier:",
 * "Urgence ici", "Duda aqui", "Domanda qui", "Vraag hier"): a request, a problem, a role, an
 * indefinite pronoun. Lower case. Checked on every word of a name read before "here" in the six
 * languages (English words are in NOT_A_NAME already).
 */
export const NOT_A_NAME_BEFORE_HERE: ReadonlySet<string> = new Set(
  `frage fragen anfrage rückfrage nachfrage kurze kurz problem probleme notfall hilfe info infos information achtung hinweis
  termin rechnung bestellung kunde kundin nachbar nachbarin beschwerde reklamation dringend eilig wichtig update nachtrag
  ergänzung schaden wasserschaden störung panne alles niemand jemand jeder keiner bitte
  urgence urgent question questions problème probleme demande aide souci panne fuite réclamation rendez-vous remarque
  précision client cliente voisin voisine personne quelqu'un tout rien besoin petite petit rapide renseignement
  duda dudas pregunta preguntas problema consulta urgencia urgente ayuda información informacion reclamación queja
  vecino vecina nadie alguien todo nada aviso solicitud pedido reserva avería averia
  domanda domande urgenza aiuto informazione informazioni richiesta reclamo guasto vicino vicina nessuno qualcuno
  tutto niente avviso prenotazione ordine
  dúvida duvida dúvidas duvidas pergunta urgência ajuda informação informacao reclamação reclamacao vizinho vizinha
  ninguém ninguem alguém alguem tudo encomenda avaria
  vraag vraagje vragen probleem spoed hulp klacht storing lekkage afspraak klant buurman buurvrouw niemand iemand
  alles niets melding bestelling reservering`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** Round 15: a name label opening the message, the name in lower case ending it ("Naam: fatima bouzid", "Nom : hélène vasseur"). */
export const NAME_LABEL_LOWER = /^\s*(?:name|naam|nom|nombre|nome)\s*:\s*(?=\p{Ll}+(?:[ '-]\p{Ll}+){0,2}[\s.!]*$)/gu;

/**
 * Round 15: who to ask for at the customer's own number ("vous pouvez m'appeler au 04 …, demandez
 * Hélène Vasseur", "call … and ask for Priya Shah", "bel … en vraag naar Sanne de Wit").
 */
export const ASK_FOR_AT_NUMBER =
  /(?<![\p{L}'])(?:call|ring|phone|m'appeler|appelez(?:-moi)?|appeler|bel(?:len)?|anrufen|ruf(?:en)?|llam(?:e|en|ad|ar(?:me)?)|chiam(?:ate|are|ami)|lig(?:ue|uem|ar))\b[^.!?\n]{0,60}?[,;]?\s*(?:and\s+|et\s+|en\s+|und\s+|y\s+|e\s+)?(?:ask\s+for|demandez|demander|vraag\s+naar|vragen\s+naar|fragen\s+sie\s+nach|fragt\s+nach|pregunte\s+por|preguntad?\s+por|chiedete\s+di|chiedere\s+di|pergunte\s+(?:pela?|por)|perguntem\s+(?:pela?|por))\s+/gu;

/**
 * Round 16: dictated text has no capitals and often no punctuation ("hallo hier ist jürgen bäumler
 * ich bräuchte …", "soy maría josé gutiérrez necesito …", "met jan bakker ik wil …"). In a message
 * with no capital letter at all, these introductions, which otherwise need a capitalised name, take
 * a lower-case one of two words (or a hyphenated one) that ends at a clause boundary (LOWER_NAME_END).
 */
export const VOICE_INTRO =
  /(?<![\p{L}'])(?:hier\s+ist|c'est(?:\s+(?:madame|monsieur))?|soy|sono|aqui\s+(?:é|e)(?:\s+(?:o|a))?|(?:^|hallo\s+|hoi\s+|goedemorgen\s+|goedemiddag\s+|goedenavond\s+|dag\s+)met|this\s+is|it'?s)\s+(?=\p{Ll})/gu;

/**
 * Round 16 review: what a dictated introduction (VOICE_INTRO) takes after a copula is far more often a
 * predicate than a name ("sono stanco morto", "soy alérgico al marisco", "c'est trop tard", "hier ist
 * totales chaos", "met twee personen"). A word of such a name must not be a number word, an article, an
 * article+preposition contraction, an adverb or a predicate adjective or participle of this short list
 * per language, nor end like an adverb (-ment, -mente, -weise, -lijk).
 */
const VOICE_NOT_NAME_WORDS = `
one two three four five six seven eight nine ten both all
eins zwei drei vier fünf sechs sieben acht neun zehn beide
un une deux trois quatre cinq six sept huit neuf dix
uno una dos tres cuatro cinco seis siete ocho nueve diez
due tre quattro cinque sei sette otto nove dieci entrambi
um uma dois duas três quatro cinco seis sete oito nove dez
een twee drie vier vijf zes zeven acht negen tien tweeën drieën vieren z'n m'n d'r
the a an le la les el los las il lo gli os as um het der die das ein eine einen
al ai au aux du des del dal dei dai nel nella sul sulla col zum zur im am vom beim ins ao aos à às na nas nos pelo pela num numa
trop toujours très encore déjà vraiment pas plus tellement bien mal là ici ça tout toute tous pareil tard tôt malade fatigué fatiguée
désolé désolée perdu perdue enceinte seul seule sûr sûre prêt prête dehors enfermé enfermée
wieder schon noch so sehr total totales totale totaler totalen ganz echt gerade immer nur auch nicht kein keine alles chaos
stromausfall notfall draußen krank müde allein fertig sauer pleite schwanger ausgesperrt
muy tan ya todavía aún siempre bastante demasiado aquí allí cansado cansada harto harta enfermo enferma
alérgico alérgica alergico alergica vegano vegana vegetariano vegetariana estricto estricta celíaco celíaca celiaco celiaca
embarazada nuevo nueva solo sola fuera encerrado encerrada preocupado preocupada desesperado desesperada
fuori ancora sempre già molto troppo tanto proprio davvero qui lì là stanco stanca stufo stufa morto morta marcio marcia
allergico allergica vegetariano vegetariana celiaco celiaca incinta nuovo nuova solo sola chiuso chiusa rimasto rimasta
malato malata preoccupato preoccupata disperato disperata arrabbiato arrabbiata bloccato bloccata
muito tão já ainda aqui ali cansado cansada farto farta doente grávida novo nova sozinho sozinha preso presa
heel erg zo nog weer wel niet geen te laat vroeg ziek moe alleen buiten zwanger opgesloten boos
really so very just still always again not too quite here there also such late sick tired alone locked stuck
`;
export const VOICE_NOT_NAME: ReadonlySet<string> = new Set(VOICE_NOT_NAME_WORDS.split(/\s+/).filter((w) => w.length > 0));
const ADVERB_ENDING = /(?:ment|mente|weise|lijk)$/u;

/** Whether a lower-case name read after VOICE_INTRO has two words (or a hyphen), each of which may be a name word. */
export function voiceNameOk(value: string, read: string): boolean {
  return (
    /[\s-]/.test(value) &&
    read
      .toLowerCase()
      .split(/[\s-]+/)
      .every((w) => !VOICE_NOT_NAME.has(w) && !ADVERB_ENDING.test(w))
  );
}

// Round 18 review: after a signed name, a contact word counts only when a number or an address follows it
// ("…, Florencia Iturralde. Mi celular es 011 …"), not a request to the person thanked ("Thanks, Ann. Phone me
// tomorrow", "Danke, Jens. Telefon bitte morgen").
export const CONTACT_LINE_AFTER = new RegExp(
  String.raw`^\s*[,.;:-]\s*(?:(?:my|mein|meine|mon|ma|mi|il\s+mio|o\s+meu|meu|mijn)\s+)?(?:handynummer|telefonnummer|telefoonnummer|natel|tel|tél|telefon|telefono|teléfono|telefone|telefoon|phone|ph|mob|mobile|mobil|mobiel|móvil|movil|cell|cel|cellulare|celular|telemóvel|handy|festnetz|portable|gsm|e-?mail|mail|courriel|correo)\b(?!\s+(?:me|us|mich|uns|moi|nous|mij|ons)\b)(?=[^\n\d@]{0,20}?(?:[+(]?\d|[^\s@]+@))`,
  'iu',
);
