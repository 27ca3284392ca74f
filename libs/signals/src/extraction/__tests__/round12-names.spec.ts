import { extractMessage } from '../extract-message';

const customerName = (text: string) => extractMessage(text).customer.name?.value;

describe('round 12 names: self-introductions, booking names and signatures', () => {
  it.each([
    ['ciao sono marta, vorrei prenotare un taglio per sabato', 'Marta'],
    ['hallo ik ben femke en ik zoek een fietsenmaker in de buurt', 'Femke'],
    ['hola soy vero y quería saber si tienen mesa para hoy', 'Vero'],
    ['salut chu julie tremblay, je voudrais un rendez-vous', 'Julie Tremblay'],
    ['Guten Morgen, hier ist Frau Yıldız, ich komme heute etwas später.', 'Yıldız'],
    ['Buongiorno, qui è Marco Ferretti dello studio, avrei una domanda.', 'Marco Ferretti'],
    ["The name on the file is Dr Ama Boateng-Clarke, I'd like to move my check-up.", 'Ama Boateng-Clarke'],
    ["Can we cancel? It's under my name, Okonkwo.", 'Okonkwo'],
    ["C'est sous le nom de Haddad, commande 5531.", 'Haddad'],
    ['La reserva está bajo el nombre de Quintana, para cuatro.', 'Quintana'],
    ['Abbiamo prenotato sotto il nome di Galli, alle otto.', 'Galli'],
    ['Vielen Dank für die schnelle Hilfe 🙏 Jana Krüger, jana.krueger@web.de, 0171 2345678', 'Jana Krüger'],
  ])('%j gives %j', (text, name) => {
    expect(customerName(text)).toBe(name);
  });

  it.each([
    'ciao sono maestro di sci con brevetto e cerco lavoro per la stagione',
    'bonjour je suis ébéniste de formation, vous embauchez ?',
    'hallo ik ben benieuwd naar de prijzen voor een kapsel',
  ])('no name: %j', (text) => {
    expect(customerName(text)).toBeUndefined();
  });
});
