import { extractConversation } from '../evaluation/evaluate-extraction.util';

// Round 18 (docs/extraction.md, "Round 18"): names in formal letter closes. A: a signed name followed by its
// contact line ("…, Florencia Iturralde. Mi celular es …"); B: Austrian honorific titles before a signed name
// ("Hofrätin Dr. …"); C: hard negatives, a department or a title signed instead of a person.

describe('round 18: names in letter closes', () => {
  it.each([
    ['A-en1', 'GB', ['Yours faithfully, Margaret Hale. My phone is 01632 960 123'], 'Margaret Hale'],
    ['A-de1', 'DE', ['Mit freundlichen Grüßen, Jürgen Weber. Telefon 030 1234567'], 'Jürgen Weber'],
    ['A-fr1', 'FR', ['Cordialement, Claire Dubois. Mon portable : 06 12 34 56 78'], 'Claire Dubois'],
    ['A-es1', 'AR', ['Desde ya muchas gracias, Florencia Iturralde. Mi celular es 011 15-5823-4417'], 'Florencia Iturralde'],
    ['A-it1', 'IT', ['Distinti saluti, Marco Bianchi. Il mio cellulare è 333 1234567'], 'Marco Bianchi'],
    ['A-pt1', 'PT', ['Com os melhores cumprimentos, João Silva. Telemóvel 912 345 678'], 'João Silva'],
    ['A-nl1', 'NL', ['Met vriendelijke groet, Jan de Vries, telefoon 06 12345678'], 'Jan de Vries'],
    ['B-de1', 'AT', ['Ich bitte um Rückruf. Hochachtungsvoll, Hofrätin Dr. Elfriede Stöckl-Haberl'], 'Elfriede Stöckl-Haberl'],
    ['B-de2', 'AT', ['Hochachtungsvoll, Kommerzialrat Herbert Gruber'], 'Herbert Gruber'],
    ['C-en1', 'GB', ['Yours faithfully, Customer Service, phone 0161 496 0752'], null],
    ['C-de1', 'DE', ['Mit freundlichen Grüßen, Ihr Kundenservice. Telefon 030 1234567'], null],
    ['C-fr1', 'FR', ['Cordialement, Service Client'], null],
    ['C-es1', 'ES', ['Atentamente, Servicio al Cliente'], null],
    ['C-it1', 'IT', ['Distinti saluti, Servizio Clienti'], null],
    ['C-pt1', 'PT', ['Atenciosamente, Equipe de Atendimento'], null],
    ['C-nl1', 'NL', ['Met vriendelijke groet, Klantenservice'], null],
    ['C-de2', 'AT', ['Hochachtungsvoll, Hofrätin'], null],
  ])('%s %s %j: name %j', (_id, country, messages, name) => {
    expect(extractConversation(messages, country).name?.value ?? null).toBe(name);
  });
});
