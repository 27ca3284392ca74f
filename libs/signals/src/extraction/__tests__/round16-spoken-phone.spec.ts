import { extractMessage } from '../extract-message';
import { findSpokenPhoneRuns } from '../contacts/spoken-phone.util';

// Round 16: phone numbers dictated in words, in the seven languages, read as E.164 in the tenant's
// country. The probes are written for this test (not taken from any labelled set).
const phone = (text: string, country: string) => extractMessage(text, { country }).customer.phone?.value;

describe('phone numbers spoken in words (round 16)', () => {
  it.each([
    ['ok so the best way to get me is my mobile which is oh seven seven double oh nine double oh one two three', 'GB', '+447700900123'],
    ['you can text me, cell number is three one two, five five five, zero one four seven', 'US', '+13125550147'],
    ['number is oh eight seven triple two four five six seven thanks', 'IE', '+353872224567'],
    ['reach me on plus six one four one two three four five six seven eight', 'AU', '+61412345678'],
    ['Sie erreichen mich unter null eins fünf eins, zwei drei vier fünf, sechs sieben acht neun', 'DE', '+4915123456789'],
    ['Handy null sechs sechs vier, doppel eins zwei drei, vier fünf sechs', 'AT', '+436641123456'],
    ['meine Nummer ist null drei null, zwölf vierunddreißig sechsundfünfzig achtundsiebzig', 'DE', '+493012345678'],
    ['vous pouvez me rappeler au zéro six, vingt-trois, quarante et un, soixante-dix-sept, quatre-vingt-huit', 'FR', '+33623417788'],
    ['mon gsm: zéro quatre septante-deux, douze, trente-quatre, nonante-neuf', 'BE', '+32472123499'],
    ['mi celular es cincuenta y cinco, doce, treinta y cuatro, cincuenta y seis, setenta y ocho', 'MX', '+525512345678'],
    ['il mio cellulare è tre tre otto, doppio sei, ventidue, trentuno, nove', 'IT', '+393386622319'],
    ['meu zap é vinte e um, nove oito sete seis cinco, quatro três dois um', 'BR', '+5521987654321'],
    ['o meu telemóvel é nove um dois, três quatro cinco, seis sete oito', 'PT', '+351912345678'],
    ['bel me op nul zes, twaalf, vierendertig, zesenvijftig, achtenzeventig', 'NL', '+31612345678'],
    ["my number's oh seven seven double oh nine double oh one two three, sorry, one two four", 'GB', '+447700900124'],
  ])('%p (%s) -> %s', (text, country, e164) => {
    expect(phone(text, country)).toBe(e164);
  });

  it.each([
    ['we are a party of twenty two arriving at seven thirty for three nights, my number is on the booking', 'GB'],
    ['the quote said four five zero plus two two five for parts, one two three four five six seven eight', 'GB'],
    ['my order number is seven seven one two three four five six seven', 'US'],
    ['number of guests: twenty, thirty, forty, fifty, sixty', 'US'],
    ['Die Bestellnummer lautet null eins sieben eins vier vier zwei neun null', 'DE'],
    ['wir sind zwölf Personen und kommen um neunzehn Uhr dreißig am dreiundzwanzigsten', 'DE'],
    ['le numéro de commande est zéro six douze quarante-cinq soixante-dix-huit', 'FR'],
    ["j'ai payé quatre-vingt-dix-neuf euros pour deux douzaines, six sept huit neuf dix onze", 'FR'],
    ['tenemos veintidós invitados, llegamos a las ocho y media, mesa para doce', 'ES'],
    ['meu número de cliente é nove nove um dois três quatro oito sete', 'BR'],
    ['il numero di persone è dodici, tredici al massimo', 'IT'],
    ['mijn nummer staat al bij jullie. We komen met z’n zessen om acht uur', 'NL'],
    ['call me at nine thirty tomorrow', 'US'],
  ])('no phone in %p (%s)', (text, country) => {
    expect(phone(text, country)).toBeUndefined();
  });

  it('keeps the span of the words, so evidence points at them', () => {
    const text = 'mijn nummer is nul zes, twaalf, vierendertig, zesenvijftig, achtenzeventig dank je';
    const [run] = findSpokenPhoneRuns(text);
    expect(run && text.slice(run.start, run.end)).toBe('nul zes, twaalf, vierendertig, zesenvijftig, achtenzeventig');
    expect(run?.digits).toBe('0612345678');
  });

  it('a run without a phone word before it is not read', () => {
    expect(findSpokenPhoneRuns('oh seven seven double oh nine double oh one two three')).toEqual([]);
  });
});
