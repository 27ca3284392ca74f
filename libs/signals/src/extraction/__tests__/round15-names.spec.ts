import { extractMessage } from '../extract-message';

const customerName = (text: string) => extractMessage(text).customer.name?.value;

describe('round 15 names: a name label opening the message, the name in lower case ending it', () => {
  it.each([
    ['Naam: fatima bouzid', 'Fatima Bouzid'],
    ['Nom : hélène vasseur.', 'Hélène Vasseur'],
    ['nombre: javier ruiz', 'Javier Ruiz'],
    ['Nome: giulia', 'Giulia'],
    ['Name: Tom', 'Tom'],
  ])('%s gives %s', (text, name) => {
    expect(customerName(text)).toBe(name);
  });

  it.each([['Naam: de afspraak van dinsdag moet weg'], ['Nom : pas encore décidé, je vous redis'], ['Please write your name: thanks']])(
    '%s gives no name',
    (text) => {
      expect(customerName(text)).toBeUndefined();
    },
  );
});

describe('round 15 names: who to ask for at the customer’s own number', () => {
  it.each([
    ["Vous pouvez m'appeler au 04 79 33 12 58, demandez Hélène Vasseur.", 'Hélène Vasseur'],
    ['call 01632 960123 and ask for Priya Shah', 'Priya Shah'],
    ['Bel 06 12345678 en vraag naar Sanne de Wit', 'Sanne de Wit'],
    ['Llame al 655 443 221 y pregunte por Lucía Gómez', 'Lucía Gómez'],
  ])('%s gives %s', (text, name) => {
    expect(customerName(text)).toBe(name);
  });

  it.each([['Can I ask for a refund?'], ['Please ask for Dr Patel when you call'], ["Je voudrais demander un devis pour l'embrayage."]])(
    '%s gives no name',
    (text) => {
      expect(customerName(text)).toBeUndefined();
    },
  );
});
