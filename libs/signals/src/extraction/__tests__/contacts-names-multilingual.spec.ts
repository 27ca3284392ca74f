import { extractMessage } from '../extract-message';
import { mergeConversation } from '../merge-conversation';

const customerName = (text: string) => extractMessage(text).customer.name?.value;

describe('names in seven languages (issue 15 point 3)', () => {
  it.each([
    ['Ich bin Jonas Weber, erreichbar unter 0151 23456789', 'Jonas Weber'],
    ['Mein Name ist Katrin Hoffmann', 'Katrin Hoffmann'],
    ['Hi! Ich heiße Mia und würde gern einen Termin buchen', 'Mia'],
    ['Hier ist Stefan Braun. Die Waschmaschine läuft aus', 'Stefan Braun'],
    ["Je m'appelle Claire Dubois, mon numéro est le 06 12 34 56 78", 'Claire Dubois'],
    ['Mon nom est Étienne Gagnon', 'Étienne Gagnon'],
    ["Salut ! C'est Léa, je peux prendre rendez-vous ?", 'Léa'],
    ['Me llamo Lucía Fernández', 'Lucía Fernández'],
    ['Hola soy Valentina, ¿tienen cita?', 'Valentina'],
    ['Mi chiamo Giulia Rossi', 'Giulia Rossi'],
    ['Ciao, sono Francesca, vorrei un appuntamento', 'Francesca'],
    ['Chamo-me Inês Costa', 'Inês Costa'],
    ['Oi, meu nome é Ana Souza', 'Ana Souza'],
    ['Ik heet Emma Bakker', 'Emma Bakker'],
    ['Mijn naam is Sanne Jansen', 'Sanne Jansen'],
    ['Mit freundlichen Grüßen, Thomas Becker', 'Thomas Becker'],
    ['Cordialement, Sophie Lambert', 'Sophie Lambert'],
    ['Un saludo, Javier Moreno', 'Javier Moreno'],
    ['Cordiali saluti, Alessandro Conti', 'Alessandro Conti'],
    ['Atenciosamente, Pedro Almeida', 'Pedro Almeida'],
    ['Met vriendelijke groet, Pieter Claes', 'Pieter Claes'],
  ])('%p -> %p', (text, name) => {
    expect(customerName(text)).toBe(name);
  });

  it.each([
    'meine E-Mail ist lena.schulz@example.de',
    'Meine Email ist lena@example.de',
    'mon email est julien.martin@example.fr',
    'mi correo es pablo.ruiz@example.es',
    'la mia email è marco.bianchi@example.it',
    'o meu email é rui.santos@example.pt',
    'mijn e-mail is sanne.jansen@example.nl',
    'my email is dana.k@example.com',
    'Ich bin Kunde bei Ihnen',
    'Ich bin sehr enttäuscht',
    'Je suis très déçue',
    'Perfecto, ¡mil gracias por todo!',
    'Perfeito, muito obrigado pela ajuda!',
    'thx!',
  ])('no name in %p', (text) => {
    expect(customerName(text)).toBeUndefined();
  });

  it('a respelled surname corrects only the surname', () => {
    const merged = mergeConversation([extractMessage('Hi, this is Sarah Smith calling'), extractMessage("Sorry, it's Smyth not Smith")]);
    expect(merged.name?.value).toBe('Sarah Smyth');
  });
});

describe('surname particles', () => {
  it.each([
    ['Ik heet Jan van der Berg', 'Jan van der Berg'],
    ['Mijn naam is Sanne de Vries, bel me op 06 12345678', 'Sanne de Vries'],
    ["Met vriendelijke groet, Daan van 't Hof", "Daan van 't Hof"],
    ['Mein Name ist Ludwig von Trapp', 'Ludwig von Trapp'],
    ['Mi chiamo Luca di Stefano', 'Luca di Stefano'],
    ['Me llamo Diego de la Cruz', 'Diego de la Cruz'],
    ['Oi, meu nome é Maria da Silva', 'Maria da Silva'],
    ["Je m'appelle Pierre de l'Isle", "Pierre de l'Isle"],
    ['my name is jan van der berg', 'Jan van der Berg'],
    ['MY NAME IS PIETER VAN DER BERG', 'Pieter van der Berg'],
    ['Hi, this is Anna Le', 'Anna Le'],
  ])('%p -> %p', (text, name) => {
    expect(customerName(text)).toBe(name);
  });

  it.each([
    ['Hi, this is Tom from the van hire place', 'Tom'],
    ['I am Sarah de', 'Sarah'],
  ])('a particle without a surname after it is not a name: %p -> %p', (text, name) => {
    expect(customerName(text)).toBe(name);
  });
});
