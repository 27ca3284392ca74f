import type { Tone } from '@parley/contracts';

/** What the responder acknowledges in one message. */
export interface Acknowledgement {
  /** The visitor's name when the conversation knows it. */
  name: string | null;
  /** The message gives an email address or a phone number. */
  details: boolean;
  booking: boolean;
  callback: boolean;
  /** The turn itself hands the request to the team (an urgent callback request is raised). */
  passedOn: boolean;
  /** The tenant's display name. */
  team: string;
}

/** Which contact details to ask for: a number (a callback), or a number or an email (a booking). */
export interface ContactAsk {
  name: boolean;
  reach: 'phone' | 'phone_or_email';
}

/** What the offline responder says around the extracted answer, per tenant tone (English) or per language. */
export interface OfflinePhrases {
  greeting(displayName: string): string;
  welcomeBack(name: string, displayName: string, firstTurn: boolean): string;
  urgentCallback: string;
  frustration: string;
  offerHuman: string;
  defaultHandoff(name: string | null): string;
  genericEmergency: string;
  notKnown(displayName: string): string;
  /** A greeting returned on a later turn ("Hi!", "Hi Dave!"). */
  helloBack(name: string | null): string;
  howCanIHelp: string;
  /** The reply to thanks ("You're welcome, Dave!"). */
  welcome(name: string | null): string;
  /** Said after a reply to thanks; may be empty. */
  anythingElse: string;
  bye(name: string | null): string;
  niceToMeet(name: string): string;
  acknowledge(ack: Acknowledgement): string;
  askContact(ask: ContactAsk): string;
  /** A statement that is not a question and that the knowledge says nothing about. */
  noted(displayName: string): string;
}

const GENERIC_EMERGENCY = 'If anyone is in danger, call 999 or your local emergency services now.';
const URGENT = "I can see this is urgent — I'm flagging it for an urgent callback.";

const withName = (base: string, name: string | null, end: string) => (name ? `${base}, ${name}${end}` : `${base}${end}`);

function englishAcknowledge(thanks: string, iHave: string): (ack: Acknowledgement) => string {
  return (ack) => {
    const items = [
      ack.booking ? 'your booking request' : ack.callback ? 'your request for a call back' : null,
      ack.details ? 'your details' : null,
    ].filter(Boolean);
    const what = items.length > 0 ? items.join(' and ') : 'your message';
    const done = ack.passedOn
      ? `${iHave} passed ${what} on to the team at ${ack.team}`
      : `${iHave} noted ${what} for the team at ${ack.team}`;
    const tail = ack.booking ? ' so they can confirm it with you' : ack.callback ? ' so they can get back to you' : '';
    return `${withName(thanks, ack.name, '')} — ${done}${tail}.`;
  };
}

function englishAskContact(ask: ContactAsk): string {
  const reach = ask.reach === 'phone' ? 'the best number to reach you on' : 'the best phone number or email to reach you on';
  return ask.name ? `Could I take your name and ${reach}?` : `What is ${reach}?`;
}

const FRIENDLY: OfflinePhrases = {
  greeting: (name) => `Hi, I'm the assistant for ${name}.`,
  welcomeBack: (name, displayName, firstTurn) =>
    firstTurn ? `Hi ${name}, welcome back! I'm the assistant for ${displayName}.` : `Good to see you again, ${name}!`,
  urgentCallback: URGENT,
  frustration: "I'm sorry this has been frustrating.",
  offerHuman: 'If you would rather talk to a person, I can ask someone from the team to get in touch.',
  defaultHandoff: (name) =>
    `${withName('Thanks', name, '')} — I've passed your message on, and a person from the team will reply here shortly.`,
  genericEmergency: GENERIC_EMERGENCY,
  notKnown: (name) => `I'm sorry, I don't know the answer to that. I've noted your question for the team at ${name} so they can follow up.`,
  helloBack: (name) => (name ? `Hi ${name}!` : 'Hi!'),
  howCanIHelp: 'How can I help you today?',
  welcome: (name) => withName("You're welcome", name, '!'),
  anythingElse: 'Is there anything else I can help with?',
  bye: (name) => `${withName('Thanks for chatting', name, '')} — goodbye!`,
  niceToMeet: (name) => `Nice to meet you, ${name}!`,
  acknowledge: englishAcknowledge('Thanks', "I've"),
  askContact: englishAskContact,
  noted: (name) => `Thanks for letting me know — I've noted that for the team at ${name}.`,
};

const PROFESSIONAL: OfflinePhrases = {
  ...FRIENDLY,
  greeting: (name) => `Hello, I'm the assistant for ${name}.`,
  welcomeBack: (name, displayName, firstTurn) =>
    firstTurn ? `Hello ${name}, welcome back. I'm the assistant for ${displayName}.` : `Welcome back, ${name}.`,
  frustration: "I'm sorry for the frustration.",
  notKnown: (name) => `I don't have that information. I've noted your question for the team at ${name}, who can follow up.`,
  helloBack: (name) => withName('Hello', name, '.'),
  welcome: (name) => withName("You're welcome", name, '.'),
  bye: (name) => `${withName('Thank you for getting in touch', name, '')}. Goodbye.`,
  niceToMeet: (name) => `Nice to meet you, ${name}.`,
  acknowledge: englishAcknowledge('Thank you', 'I have'),
  noted: (name) => `Thank you for letting me know. I have noted that for the team at ${name}.`,
};

const FORMAL: OfflinePhrases = {
  ...PROFESSIONAL,
  greeting: (name) => `Good day. I am the assistant for ${name}.`,
  welcomeBack: (name, displayName, firstTurn) =>
    firstTurn ? `Good day, ${name}, and welcome back. I am the assistant for ${displayName}.` : `Welcome back, ${name}.`,
  frustration: 'I apologise for the frustration this has caused.',
  offerHuman: 'Should you prefer to speak with a member of staff, I can arrange for someone to contact you.',
  notKnown: (name) =>
    `I regret that I do not have that information. Your question has been noted for the team at ${name}, who will follow up.`,
  helloBack: (name) => withName('Good day', name, '.'),
  howCanIHelp: 'How may I assist you?',
  welcome: (name) => withName('You are most welcome', name, '.'),
  anythingElse: 'May I assist with anything else?',
  niceToMeet: (name) => `A pleasure to meet you, ${name}.`,
};

const CASUAL: OfflinePhrases = {
  ...FRIENDLY,
  greeting: (name) => `Hey! I'm the assistant for ${name}.`,
  welcomeBack: (name, displayName, firstTurn) =>
    firstTurn ? `Hey ${name}, welcome back! I'm the assistant for ${displayName}.` : `Hey ${name}, good to see you again!`,
  frustration: 'Sorry this has been a pain.',
  notKnown: (name) => `Sorry, I don't know that one. I've noted your question for the team at ${name} so they can get back to you.`,
  helloBack: (name) => (name ? `Hey ${name}!` : 'Hey!'),
  howCanIHelp: 'What can I do for you?',
  welcome: (name) => withName('No problem', name, '!'),
  anythingElse: 'Anything else?',
  bye: (name) => `${withName('Cheers', name, '')} — bye!`,
};

const CONCISE: OfflinePhrases = {
  ...PROFESSIONAL,
  greeting: (name) => `Hi, I'm ${name}'s assistant.`,
  welcomeBack: (name, displayName, firstTurn) =>
    firstTurn ? `Hi ${name}, welcome back. I'm ${displayName}'s assistant.` : `Welcome back, ${name}.`,
  frustration: 'Sorry for the trouble.',
  offerHuman: 'I can ask a person from the team to contact you.',
  defaultHandoff: () => 'A person from the team will reply here shortly.',
  notKnown: (name) => `I don't know. Your question is noted for the team at ${name}.`,
  helloBack: (name) => (name ? `Hi ${name}.` : 'Hi.'),
  howCanIHelp: 'How can I help?',
  welcome: (name) => withName("You're welcome", name, '.'),
  anythingElse: '',
  bye: (name) => withName('Goodbye', name, '.'),
  niceToMeet: (name) => `Hi ${name}.`,
  acknowledge: englishAcknowledge('Thanks', "I've"),
  noted: (name) => `Noted for the team at ${name}.`,
};

export const OFFLINE_PHRASES: Record<Tone, OfflinePhrases> = {
  friendly: FRIENDLY,
  professional: PROFESSIONAL,
  formal: FORMAL,
  casual: CASUAL,
  concise: CONCISE,
};
