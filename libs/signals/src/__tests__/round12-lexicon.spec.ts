import { isAnimalOnly } from '../classifier/animal-subject.util';
import { createSignalDetector } from '../detector/signal-detector';
import { normalizeText } from '../normalize/normalize-text.util';

const rulesOnly = createSignalDetector(undefined, { classifier: false });
const safetyRule = (text: string) => rulesOnly.detect(text).find((f) => f.type === 'safety')?.subtype;

describe('indirect suicidal intent in the seven languages is a self-harm rule finding (round 12)', () => {
  it.each([
    'honestly I think everyone would be better off without me, sorry for writing this here',
    'ich will einfach nicht mehr da sein, tut mir leid dass ich das hier schreibe',
    'meine Familie wäre besser dran ohne mich',
    "j'ai envie d'en finir ce soir, désolée de vous écrire ça",
    'je vais encore me refaire du mal, je le sens',
    'ils seraient tous mieux sans moi',
    'ya no puedo, quiero acabar con todo hoy',
    'estarían mejor sin mí, perdón por escribir esto aquí',
    'stanotte la voglio fare finita',
    'starebbero tutti meglio senza di me',
    'tenho vontade de acabar com tudo de vez',
    'ficariam todos melhor sem mim',
    'ik wil er gewoon niet meer zijn',
    'ze zouden beter af zijn zonder mij... zouden allemaal beter af zonder mij',
  ])('%j', (text) => {
    expect(safetyRule(text)).toBe('self_harm');
  });

  it.each([
    'on veut en finir avec cette fuite, vous passez quand ?',
    'quiero acabar con todo el moho del baño, ¿qué producto me recomiendan?',
    'facciamola finita con questa storia del rimborso, mi ridate i soldi?',
    'vamos acabar com tudo isto do orçamento hoje?',
    'no quiero despertarme tarde el sábado, ¿a qué hora abren?',
  ])('not self-harm: %j', (text) => {
    expect(safetyRule(text)).toBeUndefined();
  });
});

describe('a gas smell with an intensifier between the words (round 12)', () => {
  it.each([
    'cheira imenso a gás na cozinha, já abri as janelas',
    'huele muchísimo a gas en el portal',
    'ça sent vraiment le gaz dans la cage d’escalier',
    "c'è una puzza fortissima di gas in cantina",
  ])('%j', (text) => {
    expect(safetyRule(text)).toBeDefined();
  });

  it.each(['no huele muchísimo a gas, solo quería saber el precio de la revisión', 'se um dia cheirar muito a gás, o que devo fazer?'])(
    'negated or hypothetical: %j',
    (text) => {
      expect(safetyRule(text)).toBeUndefined();
    },
  );
});

describe('assault and brake failure in the other languages are rule findings (round 12)', () => {
  it.each([
    'mi compañero de piso me pegó y ahora tengo miedo de salir de la habitación',
    "il m'a giflée devant les clients, j'ai peur de rentrer chez moi",
    'il mio ex mi ha aggredita sotto casa',
    'o meu namorado bateu-me outra vez, tenho medo de voltar para casa',
    'mein Mann hat mich heute wieder geschlagen',
    'hij heeft me geslagen en ik durf niet naar huis',
  ])('%j', (text) => {
    expect(safetyRule(text)).toBe('abuse_disclosure');
  });

  it.each([
    'voy por la autovía y los frenos no responden',
    'je roule sur la nationale et les freins ne répondent plus',
    'sono in autostrada e i freni non funzionano',
    'estou na autoestrada e os travões não funcionam',
    'ich fahre auf der Autobahn und die Bremse geht nicht mehr',
    'ik rijd op de snelweg en de remmen doen niks meer',
  ])('%j', (text) => {
    expect(safetyRule(text)).toBe('vehicle_control_failure');
  });

  it.each([
    'cosa si deve fare se i freni non rispondono in discesa? è una domanda del quiz',
    'los frenos de la bici no frenan bien, ¿puedo pedir cita para revisarlos?',
    "ça m'a touchée, merci pour le bouquet",
  ])('not a rule finding: %j', (text) => {
    expect(safetyRule(text)).toBeUndefined();
  });
});

describe('a pet locked in a car keeps a classifier safety finding (round 12)', () => {
  it.each([
    'il mio cane è rimasto chiuso in macchina al sole',
    'o meu gato ficou fechado no carro ao sol',
    'mi perro se quedó cerrado en el coche',
    'onze hond zit vast in de auto',
  ])('%j', (text) => {
    expect(isAnimalOnly(normalizeText(text))).toBe(false);
  });

  it('a pet emergency without a car is still animal-only', () => {
    expect(isAnimalOnly(normalizeText('il mio cane ha mangiato del cioccolato e vomita'))).toBe(true);
  });
});

describe('a medical emergency told by its symptoms in the other languages (round 12)', () => {
  it.each([
    'ma fille a avalé une pile bouton, on part aux urgences',
    'mi hijo se ha tragado una pila de botón, ¿qué hago?',
    'il mio bimbo ha bevuto la candeggina',
    'o meu marido não consegue respirar, está roxo',
    'mein Vater ist bewusstlos im Bad',
    'mijn man heeft pijn op de borst en zweet',
  ])('%j', (text) => {
    expect(safetyRule(text)).toBe('medical_emergency_i18n');
  });

  it.each([
    'mi perro no respira bien desde esta mañana',
    'avete l’adrenalina in caso un cliente abbia una reazione allergica?',
    'hebben jullie een adrenalinepen voor als een gast een allergische reactie krijgt?',
    'Que procedimento têm se uma criança tiver uma convulsão na creche?',
    'Mein Sohn hatte vor zwei Jahren einen allergischen Schock, ist Erdnussöl in der Torte?',
  ])('not a medical rule finding: %j', (text) => {
    expect(safetyRule(text)).toBeUndefined();
  });
});
