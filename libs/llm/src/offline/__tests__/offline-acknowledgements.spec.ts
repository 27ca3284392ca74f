import { generationRequest, PLUMBER_KNOWLEDGE } from '../../__tests__/generation-request.fixture';
import type { ConversationMessage, GenerationRequest } from '../../generation/generation.types';
import { detectLanguage } from '../message-language.util';
import { readMessage } from '../message-reading.util';
import { buildOfflineAnswer } from '../offline-answer.builder';
import { sentences } from '../text-terms.util';
import { introducedName } from '../visitor-name.util';

const KNOWN = new Set(PLUMBER_KNOWLEDGE.flatMap((p) => sentences(p.text)));
const DONT_KNOW = /don't know|don't have that information|weiß ich leider nicht|ne connais pas|no sé|non conosco|não sei|weet ik niet/;
const answer = (userMessage: string, overrides: Partial<GenerationRequest> = {}) =>
  buildOfflineAnswer(generationRequest({ userMessage, ...overrides }));
const URGENT = { directives: [{ kind: 'urgent_callback' as const, reason: 'leak' }] };

describe('offline responder: what is an unanswered question', () => {
  it.each([
    // contact details, however given
    'My name is Sarah and my email is sarah@example.com',
    'You can reach me on sarah@example.com or 07700 900123',
    '07700 900123',
    'sarah@example.com',
    'my number is 0113 496 0000 call me after 5pm',
    "Hi, I'm Dave, call me on 07700 900123 please",
    "Hi, I'm Dave, my boiler's leaking, call me on 07700 900123 — not before 10am please",
    'Can you call me on 07700 900123?',
    'Could you send the quote to dave@example.com?',
    'Please call me back',
    'Meine Nummer ist 0171 1234567, danke!',
    'Mon numéro est le 06 12 34 56 78',
    // booking requests
    "I'd like to book a boiler service for next Tuesday",
    'Can I book a boiler service for Tuesday?',
    'I want to book a table for 4 on Friday at 7pm',
    'Are you available tomorrow morning?',
    'Could someone come out on Thursday?',
    'Ich möchte einen Termin für eine Heizungswartung buchen.',
    'Bonjour, je voudrais prendre rendez-vous pour mardi',
    'Pouvez-vous passer demain matin ?',
    'Hola, me llamo Ana. Quisiera reservar una cita para el viernes',
    'Buongiorno, mi chiamo Marco, vorrei prenotare un appuntamento',
    'Olá, chamo-me João, gostaria de marcar uma visita',
    'Hoi, ik heet Jan. Ik wil graag een afspraak maken voor donderdag',
    // thanks, greetings, goodbyes, introductions
    'Thanks, that is all I needed',
    'Thanks, that is great, see you on Tuesday',
    'Great service, thank you!',
    'THANKS SO MUCH',
    'Thanks Dave',
    "I'm Dave",
    'Vielen Dank!',
    'Merci beaucoup',
    'Muchas gracias',
    'Grazie mille!',
    'Obrigado!',
    'Bedankt!',
    'Hallo',
    // statements that ask nothing
    'My boiler is making a funny noise',
    'I moved house last week',
    'my pipe burst and the kitchen is flooding',
    'Can you help?',
  ])('%p is not an unanswered question', (message) => {
    const result = answer(message);
    expect(result.unanswered).toBe(false);
    expect(result.text).not.toMatch(DONT_KNOW);
  });

  it.each([
    'Do you fit solar panels?',
    'solar panels',
    'Can you fix my car?',
    'How can I book?',
    'Do you take bookings for Saturday mornings?',
    'Hi, I was wondering if you do gas safety certificates',
    'thanks but I still need to know if you fit solar panels',
    // a question with an email or a phone number in it is still a question
    'Is dave@example.com the right address to send photos to?',
    'Do you cover Leeds? You can reach me at dave@example.com',
    'Do you cover Leeds? Call me on 07700 900123',
    'My name is Sarah, do you install heat pumps?',
    'Kunnen jullie zonnepanelen plaatsen?',
    '¿Instalan paneles solares?',
    'Installez-vous des panneaux solaires ?',
    'Bauen Sie Solaranlagen ein?',
    'Installate pannelli solari?',
    'Vocês instalam painéis solares?',
  ])('%p is a real question nothing answers: "I don\'t know" and unanswered', (message) => {
    const result = answer(message);
    expect(result.unanswered).toBe(true);
    expect(result.text).toMatch(DONT_KNOW);
  });

  it.each([
    ['thanks but I still need to know whether you are open on Saturdays', 'On Saturdays we open 9am to 1pm.'],
    ['Can you tell me how much an emergency callout costs? My email is a@b.co.uk', 'Emergency callouts outside opening hours cost £140.'],
    ['Do you repair boilers? Thanks', 'We service and repair gas boilers of every make.'],
    ["I'm Dave, are your engineers Gas Safe?", 'Our engineers are Gas Safe registered.'],
  ])('%p is a question the knowledge answers: answered verbatim, not unanswered', (message, expected) => {
    const result = answer(message);
    expect(result.unanswered).toBe(false);
    expect(result.text).toContain(expected);
    expect(result.text).not.toMatch(DONT_KNOW);
  });

  it('does not say "you\'re welcome" to thanks given in advance of a question', () => {
    expect(answer('Do you repair boilers? Thanks').text).toBe('We service and repair gas boilers of every make.');
  });
});

describe('offline responder: acknowledgements', () => {
  it('thanks the visitor by name for their details and says they were noted for the team', () => {
    expect(answer('My name is Sarah and my email is sarah@example.com').text).toBe(
      "Thanks, Sarah — I've noted your details for the team at Pipe Dreams Plumbing.",
    );
  });

  it('knows the name from an earlier message of the conversation', () => {
    const history: ConversationMessage[] = [
      { role: 'user', content: "Hi, I'm Dave, my pipe burst" },
      { role: 'assistant', content: 'What is the best number to reach you on?' },
    ];
    expect(answer('07700 900123', { history }).text).toBe("Thanks, Dave — I've noted your details for the team at Pipe Dreams Plumbing.");
  });

  it('knows a returning customer by name', () => {
    const result = answer('my email is zoe@example.com', { directives: [{ kind: 'greet_returning', name: 'Zoë Smith' }] });
    expect(result.text).toBe(
      "Good to see you again, Zoë Smith! Thanks, Zoë — I've noted your details for the team at Pipe Dreams Plumbing.",
    );
  });

  it('acknowledges a booking request and asks for the missing name and contact details', () => {
    expect(answer("I'd like to book a boiler service for next Tuesday").text).toBe(
      "Thanks — I've noted your booking request for the team at Pipe Dreams Plumbing so they can confirm it with you. Could I take your name and the best phone number or email to reach you on?",
    );
  });

  it('asks only for what is missing, and nothing when the conversation has a way to reach the visitor', () => {
    expect(answer("I'm Dave and I'd like to book a boiler service").text).toMatch(
      /What is the best phone number or email to reach you on\?$/,
    );
    const history: ConversationMessage[] = [{ role: 'user', content: 'my email is dave@example.com' }];
    expect(answer('Can I book a boiler service for Tuesday?', { history }).text).not.toMatch(/reach you/);
  });

  it('says the request was passed on only when the turn raised an urgent callback', () => {
    const urgent = answer("I'm Dave, my pipe burst, call me on 07700 900123", URGENT).text;
    expect(urgent).toContain(
      "I can see this is urgent — I'm flagging it for an urgent callback. Thanks, Dave — I've passed your request for a call back and your details on to the team at Pipe Dreams Plumbing",
    );
    expect(answer("I'm Dave, call me on 07700 900123").text).toContain(
      "Thanks, Dave — I've noted your request for a call back and your details for the team at Pipe Dreams Plumbing",
    );
  });

  it('asks for a number when a callback is flagged and the conversation has none', () => {
    expect(answer('my pipe burst and the kitchen is flooding', URGENT).text).toBe(
      "I can see this is urgent — I'm flagging it for an urgent callback. Could I take your name and the best number to reach you on?",
    );
    const named: ConversationMessage[] = [{ role: 'user', content: 'My name is Priya' }];
    expect(answer('water is pouring through the ceiling', { ...URGENT, history: named }).text).toMatch(
      /What is the best number to reach you on\?$/,
    );
    expect(answer('please call me back').text).toMatch(/Could I take your name and the best number to reach you on\?$/);
    // an email is not a number to call back on
    expect(answer('please call me back, my email is a@b.com').text).toMatch(/best number to reach you on\?$/);
  });

  it('does not ask again once the conversation has the number', () => {
    const history: ConversationMessage[] = [{ role: 'user', content: 'I am on 07700 900123' }];
    expect(answer('my pipe burst and the kitchen is flooding', { ...URGENT, history }).text).toBe(
      "I can see this is urgent — I'm flagging it for an urgent callback.",
    );
  });

  it.each([
    ['thanks!', [], "You're welcome! Is there anything else I can help with?"],
    ['thanks!', [{ role: 'user', content: 'My name is Dave' }], "You're welcome, Dave! Is there anything else I can help with?"],
    ['Thanks, that is all I needed', [], "You're welcome! Is there anything else I can help with?"],
    ['hi', [], 'Hi! How can I help you today?'],
    ['hi', [{ role: 'user', content: "I'm Dave" }], 'Hi Dave! How can I help you today?'],
    ["I'm Dave", [], 'Nice to meet you, Dave! How can I help you today?'],
    ['ok great, bye', [{ role: 'user', content: "I'm Dave" }], 'Thanks for chatting, Dave — goodbye!'],
    ['My boiler is making a funny noise', [], "Thanks for letting me know — I've noted that for the team at Pipe Dreams Plumbing."],
  ] as Array<[string, ConversationMessage[], string]>)('%p (history %j) -> %p', (message, history, expected) => {
    expect(answer(message, { history })).toEqual({ text: expected, unanswered: false });
  });

  it('greets back on the first turn with the tenant greeting, and thanks a returning customer by name', () => {
    expect(answer('hi', { firstTurn: true }).text).toBe("Hi, I'm the assistant for Pipe Dreams Plumbing. How can I help you today?");
    expect(answer('thanks', { directives: [{ kind: 'greet_returning', name: 'Zoë' }] }).text).toBe(
      "Good to see you again, Zoë! You're welcome, Zoë! Is there anything else I can help with?",
    );
  });

  it('personalises the default handoff message, never the tenant’s own', () => {
    const history: ConversationMessage[] = [{ role: 'user', content: "I'm Dave" }];
    expect(answer('I want a person', { history, directives: [{ kind: 'handoff', message: null }] }).text).toBe(
      "Thanks, Dave — I've passed your message on, and a person from the team will reply here shortly.",
    );
    expect(answer('I want a person', { history, directives: [{ kind: 'handoff', message: 'Sam will reply.' }] }).text).toBe(
      'Sam will reply.',
    );
  });

  it('does not acknowledge contact details or bookings in the staff assistant', () => {
    const staff = answer('Can I book a boiler service for Tuesday? my number is 07700 900123', { audience: 'staff' });
    expect(staff.text).not.toMatch(/noted your|reach you/);
  });

  it('speaks in the tenant tone in English', () => {
    const persona = { displayName: 'Acme Law', persona: '', tone: 'formal' as const, allowedTopics: [] };
    expect(answer('My name is Ruth Jones, my email is ruth@example.com', { persona }).text).toBe(
      'Thank you, Ruth — I have noted your details for the team at Acme Law.',
    );
    expect(answer('thank you', { persona }).text).toBe('You are most welcome. May I assist with anything else?');
  });

  it('is deterministic', () => {
    const message = "Hi, I'm Dave, my boiler's leaking, call me on 07700 900123 — not before 10am please";
    expect(answer(message, URGENT)).toEqual(answer(message, URGENT));
  });

  it('says only sentences of the knowledge besides its own lines', () => {
    const result = answer("Hi, I'm Dave, do you repair boilers? My number is 07700 900123");
    expect(result.text.startsWith("Thanks, Dave — I've noted your details for the team at Pipe Dreams Plumbing.")).toBe(true);
    const said = sentences(result.text.replace("Thanks, Dave — I've noted your details for the team at Pipe Dreams Plumbing.", '').trim());
    for (const sentence of said) expect(KNOWN.has(sentence)).toBe(true);
  });
});

describe('offline responder: other languages', () => {
  it.each([
    [
      'Hallo, ich heiße Hans. Ich möchte einen Termin für eine Heizungswartung buchen.',
      'Danke, Hans — ich habe Ihre Terminanfrage für das Team von Pipe Dreams Plumbing notiert, damit es den Termin mit Ihnen bestätigen kann. Unter welcher Telefonnummer oder E-Mail-Adresse sind Sie am besten erreichbar?',
    ],
    ['Meine Nummer ist 0171 1234567, danke!', 'Danke — ich habe Ihre Kontaktdaten für das Team von Pipe Dreams Plumbing notiert.'],
    ['Vielen Dank!', 'Gern geschehen! Kann ich Ihnen sonst noch helfen?'],
    [
      'Bonjour, je voudrais prendre rendez-vous pour mardi',
      "Merci — j'ai noté votre demande de rendez-vous pour l'équipe de Pipe Dreams Plumbing afin qu'elle puisse vous le confirmer. Puis-je avoir votre nom et le meilleur numéro ou e-mail pour vous joindre ?",
    ],
    ['Merci beaucoup', 'Je vous en prie ! Puis-je vous aider pour autre chose ?'],
    [
      'Hola, me llamo Ana. Quisiera reservar una cita para el viernes',
      'Gracias, Ana — he anotado su solicitud de cita para el equipo de Pipe Dreams Plumbing para que puedan confirmársela. ¿Cuál es el mejor número o correo electrónico para contactarle?',
    ],
    ['Muchas gracias', '¡De nada! ¿Puedo ayudarle en algo más?'],
    [
      'Buongiorno, mi chiamo Marco, vorrei prenotare un appuntamento',
      "Grazie, Marco — ho annotato la sua richiesta di appuntamento per il team di Pipe Dreams Plumbing, che potrà confermarglielo. Qual è il numero o l'e-mail migliore per contattarla?",
    ],
    ['Grazie mille!', "Prego! Posso aiutarla in qualcos'altro?"],
    [
      'Olá, chamo-me João, gostaria de marcar uma visita',
      'Obrigado, João — anotei o seu pedido de marcação para a equipa de Pipe Dreams Plumbing, para que a possam confirmar consigo. Qual é o melhor número ou e-mail para o contactar?',
    ],
    ['Obrigado!', 'De nada! Posso ajudar em mais alguma coisa?'],
    [
      'Hoi, ik heet Jan. Ik wil graag een afspraak maken voor donderdag',
      'Bedankt, Jan — ik heb uw afspraakverzoek genoteerd voor het team van Pipe Dreams Plumbing, zodat zij het met u kunnen bevestigen. Wat is het beste nummer of e-mailadres om u te bereiken?',
    ],
    ['Bedankt!', 'Graag gedaan! Kan ik u nog ergens anders mee helpen?'],
  ])('%p -> %p', (message, expected) => {
    expect(answer(message)).toEqual({ text: expected, unanswered: false });
  });

  it('keeps the language of the conversation for a message that shows none (a phone number)', () => {
    const history: ConversationMessage[] = [{ role: 'user', content: 'Hallo, ich bin Hans und brauche einen Rückruf' }];
    expect(answer('0171 1234567', { history }).text).toBe(
      'Danke, Hans — ich habe Ihre Kontaktdaten für das Team von Pipe Dreams Plumbing notiert.',
    );
  });

  it('says its own lines in the language of the message around the tenant’s knowledge', () => {
    expect(answer('Haben Sie am Samstag geöffnet?', { firstTurn: true, ...URGENT }).text).toBe(
      'Hallo, ich bin der Assistent von Pipe Dreams Plumbing. Ich sehe, dass es dringend ist — ich melde es für einen dringenden Rückruf. Das weiß ich leider nicht. Ich habe Ihre Frage für das Team von Pipe Dreams Plumbing notiert, damit es sich darum kümmern kann. Darf ich Ihren Namen und Ihre Telefonnummer notieren?',
    );
  });

  it.each([
    ['What are your opening hours?', 'en'],
    ['Haben Sie am Samstag geöffnet?', 'de'],
    ['Est-ce que vous travaillez le samedi ?', 'fr'],
    ['¿Trabajan los sábados?', 'es'],
    ['Siete aperti il sabato? Grazie', 'it'],
    ['Vocês trabalham ao sábado?', 'pt'],
    ['Zijn jullie op zaterdag open?', 'nl'],
    ['07700 900123', null],
    ['ok', null],
  ])('detects the language of %p as %p', (message, language) => {
    expect(detectLanguage(message)).toBe(language);
  });
});

describe('offline responder: reading a message', () => {
  it.each([
    ["I'm Dave", 'Dave'],
    ['my name is dave', 'Dave'],
    ["Hi, I'm Dave Smith and I need a plumber", 'Dave'],
    ["I'm looking for a plumber", null],
    ["I'm Sorry to bother you", null],
    ['ich heiße Hans', 'Hans'],
    ["je m'appelle Marie", 'Marie'],
    ['me llamo Ana', 'Ana'],
    ['mi chiamo Marco', 'Marco'],
    ['chamo-me João', 'João'],
    ['ik heet Jan', 'Jan'],
    ['mi correo es ana@example.com', null],
    ['Kind regards, Priya', 'Priya'],
  ])('the visitor introduced in %p is %p', (message, name) => {
    expect(introducedName(message)).toBe(name);
  });

  it('splits a long message into what it does', () => {
    const reading = readMessage(
      "Hi, I'm Dave, my boiler's leaking, can someone come today? Do you cover Leeds? Call me on 07700 900123",
      'en',
    );
    expect(reading).toMatchObject({
      hello: true,
      phone: true,
      email: false,
      booking: true,
      callback: true,
      questions: ['Do you cover Leeds?'],
    });
  });
});
