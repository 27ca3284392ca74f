import type { Tone } from '@parley/contracts';
import type { OfflineLanguage } from './message-language.util';
import { OFFLINE_PHRASES, type Acknowledgement, type ContactAsk, type OfflinePhrases } from './offline-phrases';

// The responder's own lines in German, French, Spanish, Italian, Portuguese and Dutch, in one
// polite register each (Sie, vous, usted, Lei, você, u): the tenant's tone shapes English only.
// 112 is the emergency number across the EU and in the UK.

const named = (base: string, name: string | null, end: string) => (name ? `${base}, ${name}${end}` : `${base}${end}`);

interface AckWords {
  thanks: string;
  booking: string;
  callback: string;
  details: string;
  message: string;
  and: string;
  noted: (what: string, team: string) => string;
  passedOn: (what: string, team: string) => string;
  confirm: string;
  getBack: string;
}

function acknowledge(w: AckWords): (ack: Acknowledgement) => string {
  return (ack) => {
    const items = [ack.booking ? w.booking : ack.callback ? w.callback : null, ack.details ? w.details : null].filter(
      (i): i is string => i !== null,
    );
    const what = items.length > 0 ? items.join(` ${w.and} `) : w.message;
    const done = ack.passedOn ? w.passedOn(what, ack.team) : w.noted(what, ack.team);
    const tail = ack.booking ? w.confirm : ack.callback ? w.getBack : '';
    return `${named(w.thanks, ack.name, '')} — ${done}${tail}.`;
  };
}

function askContact(
  both: (reach: string) => string,
  only: (reach: string) => string,
  phone: string,
  phoneOrEmail: string,
): (ask: ContactAsk) => string {
  return (ask) => {
    const reach = ask.reach === 'phone' ? phone : phoneOrEmail;
    return ask.name ? both(reach) : only(reach);
  };
}

const DE: OfflinePhrases = {
  greeting: (name) => `Hallo, ich bin der Assistent von ${name}.`,
  welcomeBack: (name, displayName, firstTurn) =>
    firstTurn ? `Hallo ${name}, willkommen zurück! Ich bin der Assistent von ${displayName}.` : `Schön, Sie wiederzusehen, ${name}!`,
  urgentCallback: 'Ich sehe, dass es dringend ist — ich melde es für einen dringenden Rückruf.',
  frustration: 'Es tut mir leid, dass das so ärgerlich war.',
  offerHuman: 'Wenn Sie lieber mit einem Menschen sprechen möchten, kann ich jemanden aus dem Team bitten, sich bei Ihnen zu melden.',
  defaultHandoff: (name) =>
    `${named('Danke', name, '')} — ich habe Ihre Nachricht weitergegeben, und jemand aus dem Team antwortet Ihnen gleich hier.`,
  genericEmergency: 'Wenn jemand in Gefahr ist, rufen Sie sofort den Notruf 112 an.',
  notKnown: (name) => `Das weiß ich leider nicht. Ich habe Ihre Frage für das Team von ${name} notiert, damit es sich darum kümmern kann.`,
  helloBack: (name) => (name ? `Hallo ${name}!` : 'Hallo!'),
  howCanIHelp: 'Wie kann ich Ihnen helfen?',
  welcome: (name) => named('Gern geschehen', name, '!'),
  anythingElse: 'Kann ich Ihnen sonst noch helfen?',
  bye: (name) => `${named('Danke für das Gespräch', name, '')} — auf Wiedersehen!`,
  niceToMeet: (name) => `Freut mich, ${name}!`,
  acknowledge: acknowledge({
    thanks: 'Danke',
    booking: 'Ihre Terminanfrage',
    callback: 'Ihren Rückrufwunsch',
    details: 'Ihre Kontaktdaten',
    message: 'Ihre Nachricht',
    and: 'und',
    noted: (what, team) => `ich habe ${what} für das Team von ${team} notiert`,
    passedOn: (what, team) => `ich habe ${what} an das Team von ${team} weitergegeben`,
    confirm: ', damit es den Termin mit Ihnen bestätigen kann',
    getBack: ', damit es sich bei Ihnen melden kann',
  }),
  askContact: askContact(
    (r) => `Darf ich Ihren Namen und Ihre ${r} notieren?`,
    (r) => `Unter welcher ${r} sind Sie am besten erreichbar?`,
    'Telefonnummer',
    'Telefonnummer oder E-Mail-Adresse',
  ),
  noted: (name) => `Danke für die Information — ich habe das für das Team von ${name} notiert.`,
};

const FR: OfflinePhrases = {
  greeting: (name) => `Bonjour, je suis l'assistant de ${name}.`,
  welcomeBack: (name, displayName, firstTurn) =>
    firstTurn ? `Bonjour ${name}, ravi de vous revoir ! Je suis l'assistant de ${displayName}.` : `Ravi de vous revoir, ${name} !`,
  urgentCallback: "Je vois que c'est urgent — je le signale pour un rappel urgent.",
  frustration: 'Je suis désolé pour ce désagrément.',
  offerHuman: "Si vous préférez parler à une personne, je peux demander à quelqu'un de l'équipe de vous contacter.",
  defaultHandoff: (name) =>
    `${named('Merci', name, '')} — j'ai transmis votre message, et une personne de l'équipe vous répondra ici très bientôt.`,
  genericEmergency: "Si quelqu'un est en danger, appelez immédiatement le 112.",
  notKnown: (name) =>
    `Je suis désolé, je ne connais pas la réponse. J'ai noté votre question pour l'équipe de ${name} afin qu'elle puisse y donner suite.`,
  helloBack: (name) => (name ? `Bonjour ${name} !` : 'Bonjour !'),
  howCanIHelp: 'Comment puis-je vous aider ?',
  welcome: (name) => named('Je vous en prie', name, ' !'),
  anythingElse: 'Puis-je vous aider pour autre chose ?',
  bye: (name) => `${named('Merci pour cet échange', name, '')} — au revoir !`,
  niceToMeet: (name) => `Enchanté, ${name} !`,
  acknowledge: acknowledge({
    thanks: 'Merci',
    booking: 'votre demande de rendez-vous',
    callback: 'votre demande de rappel',
    details: 'vos coordonnées',
    message: 'votre message',
    and: 'et',
    noted: (what, team) => `j'ai noté ${what} pour l'équipe de ${team}`,
    passedOn: (what, team) => `j'ai transmis ${what} à l'équipe de ${team}`,
    confirm: " afin qu'elle puisse vous le confirmer",
    getBack: " afin qu'elle puisse vous recontacter",
  }),
  askContact: askContact(
    (r) => `Puis-je avoir votre nom et ${r} ?`,
    (r) => `Quel est ${r} ?`,
    'le meilleur numéro pour vous joindre',
    'le meilleur numéro ou e-mail pour vous joindre',
  ),
  noted: (name) => `Merci de me l'avoir signalé — je l'ai noté pour l'équipe de ${name}.`,
};

const ES: OfflinePhrases = {
  greeting: (name) => `Hola, soy el asistente de ${name}.`,
  welcomeBack: (name, displayName, firstTurn) =>
    firstTurn ? `Hola ${name}, ¡bienvenido de nuevo! Soy el asistente de ${displayName}.` : `¡Me alegra verle de nuevo, ${name}!`,
  urgentCallback: 'Veo que es urgente — lo marco para una llamada urgente.',
  frustration: 'Siento mucho las molestias.',
  offerHuman: 'Si prefiere hablar con una persona, puedo pedir a alguien del equipo que se ponga en contacto con usted.',
  defaultHandoff: (name) => `${named('Gracias', name, '')} — he pasado su mensaje y una persona del equipo le responderá aquí en breve.`,
  genericEmergency: 'Si alguien está en peligro, llame ahora al 112.',
  notKnown: (name) => `Lo siento, no sé la respuesta. He anotado su pregunta para el equipo de ${name} para que puedan darle seguimiento.`,
  helloBack: (name) => (name ? `¡Hola, ${name}!` : '¡Hola!'),
  howCanIHelp: '¿En qué puedo ayudarle?',
  welcome: (name) => (name ? `¡De nada, ${name}!` : '¡De nada!'),
  anythingElse: '¿Puedo ayudarle en algo más?',
  bye: (name) => `${named('Gracias por escribirnos', name, '')} — ¡adiós!`,
  niceToMeet: (name) => `¡Encantado, ${name}!`,
  acknowledge: acknowledge({
    thanks: 'Gracias',
    booking: 'su solicitud de cita',
    callback: 'su solicitud de llamada',
    details: 'sus datos de contacto',
    message: 'su mensaje',
    and: 'y',
    noted: (what, team) => `he anotado ${what} para el equipo de ${team}`,
    passedOn: (what, team) => `he pasado ${what} al equipo de ${team}`,
    confirm: ' para que puedan confirmársela',
    getBack: ' para que puedan contactarle',
  }),
  askContact: askContact(
    (r) => `¿Me puede dar su nombre y ${r}?`,
    (r) => `¿Cuál es ${r}?`,
    'el mejor número para contactarle',
    'el mejor número o correo electrónico para contactarle',
  ),
  noted: (name) => `Gracias por avisarnos — lo he anotado para el equipo de ${name}.`,
};

const IT: OfflinePhrases = {
  greeting: (name) => `Salve, sono l'assistente di ${name}.`,
  welcomeBack: (name, displayName, firstTurn) =>
    firstTurn ? `Salve ${name}, bentornato! Sono l'assistente di ${displayName}.` : `Che piacere rivederla, ${name}!`,
  urgentCallback: 'Vedo che è urgente — lo segnalo per una richiamata urgente.',
  frustration: 'Mi dispiace per il disagio.',
  offerHuman: 'Se preferisce parlare con una persona, posso chiedere a qualcuno del team di contattarla.',
  defaultHandoff: (name) =>
    `${named('Grazie', name, '')} — ho inoltrato il suo messaggio e una persona del team le risponderà qui a breve.`,
  genericEmergency: 'Se qualcuno è in pericolo, chiami subito il 112.',
  notKnown: (name) => `Mi dispiace, non conosco la risposta. Ho annotato la sua domanda per il team di ${name}, che potrà darle seguito.`,
  helloBack: (name) => (name ? `Salve ${name}!` : 'Salve!'),
  howCanIHelp: 'Come posso aiutarla?',
  welcome: (name) => named('Prego', name, '!'),
  anythingElse: "Posso aiutarla in qualcos'altro?",
  bye: (name) => `${named('Grazie per averci scritto', name, '')} — arrivederci!`,
  niceToMeet: (name) => `Piacere, ${name}!`,
  acknowledge: acknowledge({
    thanks: 'Grazie',
    booking: 'la sua richiesta di appuntamento',
    callback: 'la sua richiesta di essere richiamato',
    details: 'i suoi recapiti',
    message: 'il suo messaggio',
    and: 'e',
    noted: (what, team) => `ho annotato ${what} per il team di ${team}`,
    passedOn: (what, team) => `ho inoltrato ${what} al team di ${team}`,
    confirm: ', che potrà confermarglielo',
    getBack: ', che potrà ricontattarla',
  }),
  askContact: askContact(
    (r) => `Posso avere il suo nome e ${r}?`,
    (r) => `Qual è ${r}?`,
    'il numero migliore per contattarla',
    "il numero o l'e-mail migliore per contattarla",
  ),
  noted: (name) => `Grazie per avermelo detto — l'ho annotato per il team di ${name}.`,
};

const PT: OfflinePhrases = {
  greeting: (name) => `Olá, sou o assistente de ${name}.`,
  welcomeBack: (name, displayName, firstTurn) =>
    firstTurn ? `Olá ${name}, bem-vindo de volta! Sou o assistente de ${displayName}.` : `É bom vê-lo novamente, ${name}!`,
  urgentCallback: 'Vejo que é urgente — estou a sinalizar para um contacto telefónico urgente.',
  frustration: 'Lamento o incómodo.',
  offerHuman: 'Se preferir falar com uma pessoa, posso pedir a alguém da equipa que entre em contacto consigo.',
  defaultHandoff: (name) =>
    `${named('Obrigado', name, '')} — passei a sua mensagem e uma pessoa da equipa vai responder-lhe aqui em breve.`,
  genericEmergency: 'Se alguém estiver em perigo, ligue já para o 112.',
  notKnown: (name) => `Lamento, não sei a resposta. Anotei a sua pergunta para a equipa de ${name}, para que possam dar seguimento.`,
  helloBack: (name) => (name ? `Olá ${name}!` : 'Olá!'),
  howCanIHelp: 'Como posso ajudar?',
  welcome: (name) => named('De nada', name, '!'),
  anythingElse: 'Posso ajudar em mais alguma coisa?',
  bye: (name) => `${named('Obrigado pela conversa', name, '')} — adeus!`,
  niceToMeet: (name) => `Muito prazer, ${name}!`,
  acknowledge: acknowledge({
    thanks: 'Obrigado',
    booking: 'o seu pedido de marcação',
    callback: 'o seu pedido de contacto',
    details: 'os seus contactos',
    message: 'a sua mensagem',
    and: 'e',
    noted: (what, team) => `anotei ${what} para a equipa de ${team}`,
    passedOn: (what, team) => `passei ${what} à equipa de ${team}`,
    confirm: ', para que a possam confirmar consigo',
    getBack: ', para que possam entrar em contacto consigo',
  }),
  askContact: askContact(
    (r) => `Pode indicar-me o seu nome e ${r}?`,
    (r) => `Qual é ${r}?`,
    'o melhor número para o contactar',
    'o melhor número ou e-mail para o contactar',
  ),
  noted: (name) => `Obrigado por me dizer — anotei isso para a equipa de ${name}.`,
};

const NL: OfflinePhrases = {
  greeting: (name) => `Hallo, ik ben de assistent van ${name}.`,
  welcomeBack: (name, displayName, firstTurn) =>
    firstTurn ? `Hallo ${name}, welkom terug! Ik ben de assistent van ${displayName}.` : `Fijn u weer te zien, ${name}!`,
  urgentCallback: 'Ik zie dat het dringend is — ik markeer het voor een dringende terugbelafspraak.',
  frustration: 'Het spijt me dat dit zo vervelend is.',
  offerHuman: 'Als u liever met een persoon spreekt, kan ik iemand van het team vragen contact met u op te nemen.',
  defaultHandoff: (name) => `${named('Bedankt', name, '')} — ik heb uw bericht doorgegeven, en iemand van het team antwoordt u hier zo.`,
  genericEmergency: 'Als iemand in gevaar is, bel dan nu 112.',
  notKnown: (name) => `Sorry, dat weet ik niet. Ik heb uw vraag genoteerd voor het team van ${name}, zodat zij erop kunnen terugkomen.`,
  helloBack: (name) => (name ? `Hallo ${name}!` : 'Hallo!'),
  howCanIHelp: 'Waarmee kan ik u helpen?',
  welcome: (name) => named('Graag gedaan', name, '!'),
  anythingElse: 'Kan ik u nog ergens anders mee helpen?',
  bye: (name) => `${named('Bedankt voor het gesprek', name, '')} — tot ziens!`,
  niceToMeet: (name) => `Aangenaam, ${name}!`,
  acknowledge: acknowledge({
    thanks: 'Bedankt',
    booking: 'uw afspraakverzoek',
    callback: 'uw terugbelverzoek',
    details: 'uw contactgegevens',
    message: 'uw bericht',
    and: 'en',
    noted: (what, team) => `ik heb ${what} genoteerd voor het team van ${team}`,
    passedOn: (what, team) => `ik heb ${what} doorgegeven aan het team van ${team}`,
    confirm: ', zodat zij het met u kunnen bevestigen',
    getBack: ', zodat zij contact met u kunnen opnemen',
  }),
  askContact: askContact(
    (r) => `Mag ik uw naam en ${r} hebben?`,
    (r) => `Wat is ${r}?`,
    'het beste nummer om u te bereiken',
    'het beste nummer of e-mailadres om u te bereiken',
  ),
  noted: (name) => `Bedankt voor het laten weten — ik heb het genoteerd voor het team van ${name}.`,
};

const LOCALISED: Record<Exclude<OfflineLanguage, 'en'>, OfflinePhrases> = { de: DE, fr: FR, es: ES, it: IT, pt: PT, nl: NL };

/** The responder's lines: English in the tenant's tone, the other languages in one polite register. */
export function phrasesFor(tone: Tone, language: OfflineLanguage): OfflinePhrases {
  return language === 'en' ? OFFLINE_PHRASES[tone] : LOCALISED[language];
}
