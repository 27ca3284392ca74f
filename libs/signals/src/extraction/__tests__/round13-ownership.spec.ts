import { extractMessage } from '../extract-message';

const phones = (text: string, country: string) =>
  extractMessage(text, { country })
    .contacts.filter((c) => c.field === 'phone')
    .map((c) => [c.value, c.owner]);
const customerPhone = (text: string, country: string) => extractMessage(text, { country }).customer.phone?.value;

describe("round 13 phone ownership: a relative's or someone else's number in the six other languages", () => {
  it.each([
    ['Falls ich nicht da bin, erreichen Sie meinen Sohn unter 0171 2345678.', 'DE'],
    ['Die Nummer vom Vermieter ist 030 12345678, der hat den Schlüssel.', 'DE'],
    ['Si je ne réponds pas, appelez mon mari au 06 12 34 56 78.', 'FR'],
    ['Son numéro à elle, c’est le 06 98 76 54 32, elle est au courant.', 'FR'],
    ['Cualquier cosa llamen a mi hermana al 612 345 678, yo estoy de viaje.', 'ES'],
    ['El teléfono del casero es 699 123 456 por si necesitan entrar.', 'ES'],
    ['Se serve chiamate mia figlia al 347 123 4567, lei sa tutto.', 'IT'],
    ['Il suo cellulare è 338 765 4321, lo chiami pure.', 'IT'],
    ['Se eu não atender, liguem para o meu marido no 912 345 678.', 'PT'],
    ['O telemóvel dela é 913 456 789, é a minha vizinha.', 'PT'],
    ['Mijn buurman heeft een sleutel, hij is bereikbaar op 06 12345678.', 'NL'],
    ['Bel haar gerust op 06 87654321, ze weet ervan.', 'NL'],
  ])('%j: the number is not the customer’s', (text, country) => {
    const found = phones(text, country);
    expect(found).toHaveLength(1);
    expect(found[0]?.[1]).toBe('third_party');
    expect(customerPhone(text, country)).toBeUndefined();
  });

  it.each([
    ['Mein Mann ist verreist, meine Nummer ist 0171 2345678.', 'DE', '+491712345678'],
    ['Ma mère est à l’hôpital, vous pouvez me joindre au 06 12 34 56 78.', 'FR', '+33612345678'],
    ['Mi madre está ingresada; si necesitan hablar conmigo es el 612 345 678.', 'ES', '+34612345678'],
    ['Mio marito è fuori, il mio numero è 347 123 4567.', 'IT', '+393471234567'],
    ['A minha mãe foi internada, se precisarem falar comigo é 912 345 678.', 'PT', '+351912345678'],
    ['Ik ben zijn dochter, Marloes, 06 41827395.', 'NL', '+31641827395'],
    ['Sono la mamma di Luca, 333 987 6543.', 'IT', '+393339876543'],
    ['Soy su hija, me pueden llamar al 612 345 678.', 'ES', '+34612345678'],
  ])('%j: the customer’s own number after a relation is still theirs', (text, country, phone) => {
    expect(customerPhone(text, country)).toBe(phone);
  });

  it('of two numbers, the one given for a relative is not the customer’s', () => {
    expect(customerPhone('Il mio cellulare è 347 218 6405, mio marito invece 338 772 1049', 'IT')).toBe('+393472186405');
    expect(customerPhone('Me llamo Ana, 310 456 7890. Si no contesto, llamen a mi esposo al 310 987 6543', 'CO')).toBe('+573104567890');
  });

  it('a sentence that opens with the relation ("Landlord is Mr Fitzgerald, 086 …") is a third party’s', () => {
    expect(customerPhone('Landlord is Mr Fitzgerald, 086 555 0101 if you need him.', 'IE')).toBeUndefined();
  });

  it('an emoji ends the sentence: a signature after it is the customer’s', () => {
    expect(
      extractMessage('Wär schön, wenn ich es zur Hochzeit von meiner Schwester tragen könnt 🥰 Lena Moser, lena.moser@example.at').customer
        .email?.value,
    ).toBe('lena.moser@example.at');
  });
});

describe('round 13 refusals in the seven languages', () => {
  const refusals = (text: string) => extractMessage(text).refusals;

  it.each([
    ["I don't really want to hand over my number, email is fine", ['phone']],
    ["I'm not leaving my number this time", ['phone']],
    ['Meine Handynummer gebe ich nicht heraus, nur per Mail bitte.', ['phone']],
    ['Ich gebe keine Telefonnummer an.', ['phone']],
    ['Je ne laisserai pas mon numéro, écrivez-moi.', ['phone']],
    ['Je préfère ne pas donner mon nom pour le moment.', ['name']],
    ['No les voy a dar mi celular, escríbanme aquí.', ['phone']],
    ['Prefiero no dejar el correo.', ['email']],
    ['Il cellulare preferisco non lasciarlo, rispondetemi qui.', ['phone']],
    ['Il numero non ve lo do, scrivetemi.', ['phone']],
    ['Não quero deixar o meu telemóvel.', ['phone']],
    ['Ik geef liever nog geen telefoonnummer.', ['phone']],
    // "leave" with a recipient, or the object ending the clause.
    ['no les voy a dejar mi teléfono hasta que me digan el precio', ['phone']],
    ['prefiro não deixar-lhe o meu número por agora', ['phone']],
    ['Não vou deixar o número de telefone, respondam por aqui.', ['phone']],
  ])('%j refuses %j', (text, fields) => {
    expect(refusals(text)).toEqual(fields);
  });

  it.each([
    ['Ich habe eine neue Nummer, will aber die alte behalten.'],
    ['Je ne sais pas si mon numéro est le bon : 06 12 34 56 78'],
    ['No sé si les di mi teléfono, es el 612 345 678'],
    ['Il numero di prima non va più, ora è 347 123 4567'],
    ['mijn nummer is 06 12345678, geef maar een belletje'],
    // Leaving a phone somewhere, a number that is not the customer's (review of 6bf072e).
    ['não posso deixar o telefone em casa hoje'],
    ['no voy a dejar el móvil cargando toda la noche'],
    ['ma perché non posso dare il numero di un altro?'],
    ['no voy a dejar el número de teléfono en el coche'],
  ])('%j is not a refusal', (text) => {
    expect(refusals(text)).toEqual([]);
  });
});
