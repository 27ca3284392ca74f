import { extractMessage } from '../extract-message';
import { InvalidExtractionInputError } from '../extraction.errors';

// Local-format numbers are read in the tenant's country (issue 15 point 3): without it, a North
// American (312) 555-0147 has no trunk 0 and was dropped.
const phone = (text: string, country?: string) => extractMessage(text, country ? { country } : {}).customer.phone?.value;

describe('phone numbers in the tenant country', () => {
  it.each([
    ['call me at (312) 555-0147', 'US', '+13125550147'],
    ['cell is 201.555.0123', 'US', '+12015550123'],
    ['416 555 0198 is my number', 'CA', '+14165550198'],
    ['erreichbar unter 0151 23456789', 'DE', '+4915123456789'],
    ['mon numéro est le 06 12 34 56 78', 'FR', '+33612345678'],
    ['mi móvil es 612 345 678', 'ES', '+34612345678'],
    ['cellulare 312 345 6789', 'IT', '+393123456789'],
    ['fisso 06 1234 5678', 'IT', '+390612345678'],
    ['o meu número é 912 345 678', 'PT', '+351912345678'],
    ['meu celular é (11) 91234-5678', 'BR', '+5511912345678'],
    ['bel me op 020 123 4567', 'NL', '+31201234567'],
    ['my number is 07700 900123', 'GB', '+447700900123'],
    ['international wins: +44 7700 900123', 'US', '+447700900123'],
  ])('%p in %s gives %s', (text, country, e164) => {
    expect(phone(text, country)).toBe(e164);
  });

  it.each([
    ['order 312 555 0147 has not arrived', 'US'],
    ['my order number is 612345678', 'ES'],
    ['it cost 1250 dollars', 'US'],
    ['ref 123456789', 'FR'],
    ['call me at (312) 555-0147', undefined],
  ])('no phone in %p (%s)', (text, country) => {
    expect(phone(text, country)).toBeUndefined();
  });

  it('an unknown or malformed country falls back to GB or is refused', () => {
    expect(phone('call me on 07700 900123', 'ZZ')).toBe('+447700900123');
    expect(() => extractMessage('hi', { country: 'USA' })).toThrow(InvalidExtractionInputError);
  });
});

describe('phone numbers: national forms and references in other languages', () => {
  it.each([
    ['Me llamo Agustina, mi celu 011 15 6234-9071', 'AR', '+5491162349071'],
    ['soy Facundo, 11 15 4567-8901', 'AR', '+5491145678901'],
    ['Name is Tan Wei Ling, HP 9123 4567', 'SG', '+6591234567'],
    ['can whatsapp me at 8765 4321', 'SG', '+6587654321'],
    ['meine Nummer ist 0151 23456789', 'DE', '+4915123456789'],
  ])('%p in %s gives %s', (text, country, e164) => {
    expect(phone(text, country)).toBe(e164);
  });

  it.each([
    ['bestelnummer 2024-55817, maar er is nog niets bezorgd', 'NL'],
    ['Ordernummer 100238847. Moet ik ze terugsturen?', 'NL'],
    ['meine Bestellung 2024-11873 steht seit vier Tagen auf in Produktion', 'DE'],
    ['Apólice 7720019384, CPF 123.456.789-09', 'BR'],
    ['numéro de commande 612345678', 'FR'],
    ['order 12345678', 'SG'],
    ['12345678 is the reference', 'DE'],
  ])('no phone in %p (%s)', (text, country) => {
    expect(phone(text, country)).toBeUndefined();
  });
});
