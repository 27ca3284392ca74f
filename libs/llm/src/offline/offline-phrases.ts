import type { Tone } from '@parley/contracts';

/** What the offline responder says around the extracted answer, per tenant tone. */
export interface OfflinePhrases {
  greeting(displayName: string): string;
  welcomeBack(name: string, displayName: string, firstTurn: boolean): string;
  urgentCallback: string;
  frustration: string;
  offerHuman: string;
  defaultHandoff: string;
  genericEmergency: string;
  notKnown(displayName: string): string;
  smallTalkHello: string;
  smallTalkThanks: string;
  smallTalkBye: string;
}

const GENERIC_EMERGENCY = 'If anyone is in danger, call 999 or your local emergency services now.';
const URGENT = "I can see this is urgent — I'm flagging it for an urgent callback.";

const FRIENDLY: OfflinePhrases = {
  greeting: (name) => `Hi, I'm the assistant for ${name}.`,
  welcomeBack: (name, displayName, firstTurn) => (firstTurn ? `Hi ${name}, welcome back! I'm the assistant for ${displayName}.` : `Good to see you again, ${name}!`),
  urgentCallback: URGENT,
  frustration: "I'm sorry this has been frustrating.",
  offerHuman: 'If you would rather talk to a person, I can ask someone from the team to get in touch.',
  defaultHandoff: "Thanks — I've passed your message on, and a person from the team will reply here shortly.",
  genericEmergency: GENERIC_EMERGENCY,
  notKnown: (name) => `I'm sorry, I don't know the answer to that. I've noted your question for the team at ${name} so they can follow up.`,
  smallTalkHello: 'How can I help you today?',
  smallTalkThanks: "You're welcome! Is there anything else I can help with?",
  smallTalkBye: 'Thanks for chatting — goodbye!',
};

const PROFESSIONAL: OfflinePhrases = {
  ...FRIENDLY,
  greeting: (name) => `Hello, I'm the assistant for ${name}.`,
  welcomeBack: (name, displayName, firstTurn) => (firstTurn ? `Hello ${name}, welcome back. I'm the assistant for ${displayName}.` : `Welcome back, ${name}.`),
  frustration: "I'm sorry for the frustration.",
  notKnown: (name) => `I don't have that information. I've noted your question for the team at ${name}, who can follow up.`,
  smallTalkThanks: "You're welcome. Is there anything else I can help with?",
  smallTalkBye: 'Thank you for getting in touch. Goodbye.',
};

const FORMAL: OfflinePhrases = {
  ...PROFESSIONAL,
  greeting: (name) => `Good day. I am the assistant for ${name}.`,
  welcomeBack: (name, displayName, firstTurn) => (firstTurn ? `Good day, ${name}, and welcome back. I am the assistant for ${displayName}.` : `Welcome back, ${name}.`),
  frustration: 'I apologise for the frustration this has caused.',
  offerHuman: 'Should you prefer to speak with a member of staff, I can arrange for someone to contact you.',
  notKnown: (name) => `I regret that I do not have that information. Your question has been noted for the team at ${name}, who will follow up.`,
  smallTalkHello: 'How may I assist you?',
  smallTalkThanks: 'You are most welcome. May I assist with anything else?',
};

const CASUAL: OfflinePhrases = {
  ...FRIENDLY,
  greeting: (name) => `Hey! I'm the assistant for ${name}.`,
  welcomeBack: (name, displayName, firstTurn) => (firstTurn ? `Hey ${name}, welcome back! I'm the assistant for ${displayName}.` : `Hey ${name}, good to see you again!`),
  frustration: "Sorry this has been a pain.",
  notKnown: (name) => `Sorry, I don't know that one. I've noted your question for the team at ${name} so they can get back to you.`,
  smallTalkHello: 'What can I do for you?',
  smallTalkThanks: 'No problem! Anything else?',
  smallTalkBye: 'Cheers — bye!',
};

const CONCISE: OfflinePhrases = {
  ...PROFESSIONAL,
  greeting: (name) => `Hi, I'm ${name}'s assistant.`,
  welcomeBack: (name, displayName, firstTurn) => (firstTurn ? `Hi ${name}, welcome back. I'm ${displayName}'s assistant.` : `Welcome back, ${name}.`),
  frustration: 'Sorry for the trouble.',
  offerHuman: 'I can ask a person from the team to contact you.',
  defaultHandoff: 'A person from the team will reply here shortly.',
  notKnown: (name) => `I don't know. Your question is noted for the team at ${name}.`,
  smallTalkHello: 'How can I help?',
  smallTalkThanks: "You're welcome.",
  smallTalkBye: 'Goodbye.',
};

export const OFFLINE_PHRASES: Record<Tone, OfflinePhrases> = {
  friendly: FRIENDLY,
  professional: PROFESSIONAL,
  formal: FORMAL,
  casual: CASUAL,
  concise: CONCISE,
};
