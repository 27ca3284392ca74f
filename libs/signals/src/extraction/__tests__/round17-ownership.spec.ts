import { extractConversation } from '../evaluation/evaluate-extraction.util';
import { extractMessage } from '../extract-message';

const customerPhone = (text: string, country: string) => extractMessage(text, { country }).customer.phone?.value;
const thirdPhones = (text: string, country: string) =>
  extractMessage(text, { country })
    .contacts.filter((c) => c.field === 'phone' && c.owner === 'third_party')
    .map((c) => c.value);

describe('round 17: a number given for the other person when the writer acts for them', () => {
  it.each([
    ["Le fixe de Mme Roussel est le 04 78 62 11 09 mais elle n'entend plus bien", 'FR', '+33478621109'],
    ['Le portable de Monsieur Blanc : 06 12 34 56 78', 'FR', '+33612345678'],
    ['Son natel c’est le 079 301 22 45', 'CH', '+41793012245'],
    ['Vous pouvez le joindre au 0475 21 33 90 directement', 'BE', '+32475213390'],
    ['Il fisso della nonna è 081 552 3410, ma meglio me', 'IT', '+390815523410'],
    ['Il numero della signora è 347 556 0912', 'IT', '+393475560912'],
    ['Potete chiamarla al 347 556 0912 dopo le 10', 'IT', '+393475560912'],
    ['O telefone fixo do avô é 21 845 3320, mas ele já não atende', 'PT', '+351218453320'],
    ['Haar vaste nummer 020 612 4490 liever niet', 'NL', '+31206124490'],
    ['U kunt hem bereiken op 06 31 77 20 45', 'NL', '+31631772045'],
    ['Ihre Festnetznummer 030 4418273 bitte nicht, sie hört schlecht', 'DE', '+49304418273'],
    ['Erreichen Sie ihn unter 0421 339812', 'DE', '+49421339812'],
    ['El fijo de la señora Pérez es 91 554 32 10', 'ES', '+34915543210'],
    ['Pueden llamarla al 622 48 19 07 por la tarde', 'ES', '+34622481907'],
    ['Her own phone is 01632 960 118', 'GB', '+441632960118'],
    ['You can reach her at 01632 960 447 in the mornings', 'GB', '+441632960447'],
  ])('%j: the number is the other person’s', (text, country, phone) => {
    expect(customerPhone(text, country)).toBeUndefined();
    expect(thirdPhones(text, country)).toEqual([phone]);
  });

  it.each([
    ['Vous pouvez me joindre au 06 45 12 88 30', 'FR', '+33645128830'],
    ['Mon numéro de portable : 06 22 18 47 95', 'FR', '+33622184795'],
    ['Mi número de móvil es 622 48 19 07', 'ES', '+34622481907'],
    ['Il mio fisso è 02 8845 1290', 'IT', '+390288451290'],
    ['Meine Festnetznummer ist 030 4418273', 'DE', '+49304418273'],
    ['Mijn vaste nummer is 010 422 3381', 'NL', '+31104223381'],
    ['O meu telemóvel é 917 554 302', 'PT', '+351917554302'],
    ['My own phone is 07700 900 418', 'GB', '+447700900418'],
  ])('%j: hard negative, the writer’s own number', (text, country, phone) => {
    expect(customerPhone(text, country)).toBe(phone);
  });
});

describe('round 17: the writer names their own role, then their name', () => {
  it.each([
    ['I’m his daughter, Karen Whitlow, 07700 900 418', 'GB', 'Karen Whitlow'],
    ["Lead leader is Mr Ahmed, I'm the assistant leader, Bethany Clough", 'GB', 'Bethany Clough'],
    ['Je suis sa fille, Sylvie Marchand, joignable au 06 45 12 88 30', 'FR', 'Sylvie Marchand'],
    ['Soy su hija, Lorena Gil Navarro, mi móvil es 622 48 19 07', 'ES', 'Lorena Gil Navarro'],
    ["Sono la nipote, Giulia D'Amico, 347 220 1983", 'IT', "Giulia D'Amico"],
    ['Sono il nipote, Marco Ricci, cell. 338 412 9067', 'IT', 'Marco Ricci'],
    ['Sou a neta, Inês Alves, 936 220 418', 'PT', 'Inês Alves'],
    ['Ik ben haar dochter, Marjolein Visser, bereikbaar op 06 41 22 87 35', 'NL', 'Marjolein Visser'],
    ['Hallo, ich bin die Tochter, Petra Vogt, 0172 5583014', 'DE', 'Petra Vogt'],
  ])('%j: the name after the role', (text, country, name) => {
    expect(extractMessage(text, { country }).customer.name?.value).toBe(name);
  });

  it.each([
    ['ik ben de mantelzorger van mevrouw Truus Bakker', 'NL'],
    ['Sono la nipote della signora Ferraro', 'IT'],
    ['Sou a neta do Sr. Joaquim', 'PT'],
    ['soy la vecina de la dueña, ella está de viaje', 'ES'],
    ['I’m his daughter, and I need to book him in', 'GB'],
    ['Her carer is me, ring 0431 902 557', 'AU'],
    ['Seine Nummer 0351 8820145 bitte nicht, er hört schlecht', 'DE'],
  ])('%j: hard negative, a role word is no name', (text, country) => {
    expect(extractMessage(text, { country }).customer.name).toBeUndefined();
  });
});

describe('round 17: whole conversations written for someone else', () => {
  it.each([
    [
      'IT',
      [
        'Buongiorno, scrivo per mia nonna, la signora Rosa Ferraro',
        "Sono la nipote, Giulia D'Amico, 347 220 1983",
        'Il fisso della nonna è 081 552 3410, ma meglio me',
      ],
      "Giulia D'Amico",
      '+393472201983',
    ],
    [
      'NL',
      [
        'Goedemiddag, ik ben de mantelzorger van mevrouw Truus Bakker',
        'U kunt mij bellen, Dewi Pattipeilohy, 06 31 77 20 45',
        'Haar vaste nummer 020 612 4490 liever niet',
      ],
      'Dewi Pattipeilohy',
      '+31631772045',
    ],
    [
      'FR',
      [
        'Bonjour, je vous écris pour ma mère, Mme Odette Lambert',
        'Je suis sa fille, Sylvie Marchand, joignable au 06 45 12 88 30',
        'Le fixe de ma mère est le 02 41 55 67 12 mais elle entend mal',
      ],
      'Sylvie Marchand',
      '+33645128830',
    ],
    [
      'DE',
      [
        'Guten Tag, ich schreibe für meinen Vater, Herrn Klaus Wendt',
        'Rückruf bitte an mich: Sabine Wendt-Hoffmann, 0171 4429183',
        'Seine Nummer 0351 8820145 bitte nicht, er hört schlecht',
      ],
      'Sabine Wendt-Hoffmann',
      '+491714429183',
    ],
  ])('%s: the writer’s name and number win over the other person’s given later', (country, messages, name, phone) => {
    const got = extractConversation(messages, country);
    expect(got.name?.value).toBe(name);
    expect(got.phone?.value).toBe(phone);
  });
});

describe('round 17: the writer’s name between commas after “me”, before where to reach them', () => {
  it.each([
    ['you can reach me, Aoife Ní Bhriain, on 087 314 2290', 'IE', 'Aoife Ní Bhriain'],
    ['rappelez-moi, Sylvie Marchand, au 06 45 12 88 30', 'FR', 'Sylvie Marchand'],
    ['ruft mich, Petra Vogt, unter 0172 5583014 an', 'DE', 'Petra Vogt'],
    ['llamadme, Lorena Gil, al 622 48 19 07', 'ES', 'Lorena Gil'],
    ["chiamatemi, Giulia D'Amico, al 347 220 1983", 'IT', "Giulia D'Amico"],
    ['Chiamate a me, Ciro, al 081 552 3344', 'IT', 'Ciro'],
    ['liguem-me, Inês Alves, no 936 220 418', 'PT', 'Inês Alves'],
    ['bel mij, Dewi Pattipeilohy, op 06 31 77 20 45', 'NL', 'Dewi Pattipeilohy'],
  ])('%j: the name is the writer’s', (text, country, name) => {
    expect(extractMessage(text, { country }).customer.name?.value).toBe(name);
  });

  it.each([
    ['thanks for helping me, Sarah, on Monday', 'GB'],
    ['merci de m’avoir aidée, Sophie, au téléphone', 'FR'],
  ])('%j: hard negative, no contact after the name, so no name', (text, country) => {
    expect(extractMessage(text, { country }).customer.name).toBeUndefined();
  });
});
