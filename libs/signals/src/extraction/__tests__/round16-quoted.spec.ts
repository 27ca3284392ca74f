import { extractMessage } from '../extract-message';
import { quotedRanges } from '../contacts/quoted-text.util';

// Round 16: an e-mail thread pasted or forwarded into the chat carries the business's own details in
// its quoted part; they are not the customer's. Probes written for this test.
const customer = (text: string, country: string) => {
  const c = extractMessage(text, { country }).customer;
  return { name: c.name?.value ?? null, email: c.email?.value ?? null, phone: c.phone?.value ?? null };
};

describe('quoted and forwarded text (round 16)', () => {
  it.each([
    [
      'Could we push the survey back a week?\nBest regards,\nTomasz Wrona\n\nOn Tue 4 Mar, Keystone Surveyors <office@keystone-surveyors.co.uk> wrote:\n> Your survey is booked for 11 March. Questions? 0161 496 0733',
      'GB',
      { name: 'Tomasz Wrona', email: null, phone: null },
    ],
    [
      'Bitte verschieben Sie die Lieferung.\n\nMit freundlichen Grüßen\nAnnika Brandt\n\n-------- Weitergeleitete Nachricht --------\nVon: Möbelhaus Sonne <service@moebel-sonne.de>\nTel. 0711 2345678',
      'DE',
      { name: 'Annika Brandt', email: null, phone: null },
    ],
    [
      'Pouvez-vous me rappeler ?\nBien cordialement,\nÉlodie Marchand\n06 71 82 93 04\n\nLe 3 mars 2026 à 10:12, Garage Dubreuil <contact@garage-dubreuil.fr> a écrit :\n> Votre véhicule est prêt. Tél. 04 78 12 34 56',
      'FR',
      { name: 'Élodie Marchand', email: null, phone: '+33671829304' },
    ],
    [
      '---------- Mensaje reenviado ---------\nDe: Clínica Vet Sol <citas@vetsol.es>\nTeléfono de la clínica: 915 123 456\n---\nHola, ¿puedo cambiar la cita de Luna al jueves? Mi móvil es 612 345 678',
      'ES',
      { name: null, email: null, phone: '+34612345678' },
    ],
    [
      'Grazie, confermo.\nSaluti, Beatrice Ferri\n\nIl giorno 5 marzo, Studio Dentistico Galli ha scritto:\n> La aspettiamo lunedì. Per disdire: 02 8765 4321',
      'IT',
      { name: 'Beatrice Ferri', email: null, phone: null },
    ],
    [
      'Hallo, kunnen we de afspraak verzetten?\nGroeten,\nSanne de Wit\n\nOp 2 maart 2026 schreef Fysio Centrum <info@fysiocentrum.nl>:\n> Bel ons gerust op 030 234 5678',
      'NL',
      { name: 'Sanne de Wit', email: null, phone: null },
    ],
  ])('%#: %p', (text, country, expected) => {
    expect(customer(text, country)).toEqual(expected);
  });

  it('leaves a message without a thread alone, including its own ">" in a sentence', () => {
    expect(quotedRanges('we need > 3 chairs\nthanks, Ola\n07700 900123')).toEqual([]);
    expect(customer('we need > 3 chairs\nthanks, Ola\n07700 900123', 'GB').phone).toBe('+447700900123');
    expect(quotedRanges('On Monday I wrote to you about the leak, nobody answered.\nCall me on 07700 900123')).toEqual([]);
  });
});
