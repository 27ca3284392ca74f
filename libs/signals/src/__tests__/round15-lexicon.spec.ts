import { createSignalDetector } from '../detector/signal-detector';

// Round 15: hazards and threats told in the other languages by what is happening (sparks, a
// blackened or crackling socket, water running into a socket, a CO alarm, smoke from an oven, a
// pan that caught fire, a threat with a knife or a bottle, choking, fainting and not waking). Each
// row: a message, a type and whether it is found. Positives go through the rules alone (a rule must
// find them), negatives through rules + classifier.
const detector = createSignalDetector();
const rulesOnly = createSignalDetector(undefined, { classifier: false });

const CASES: ReadonlyArray<readonly [string, 'urgency' | 'safety', boolean]> = [
  ['Die Steckdose im Flur knistert und raucht, was soll ich machen?', 'safety', true],
  ['Die Steckdose im Flur knistert und raucht, was soll ich machen?', 'urgency', true],
  ['Bei uns tropft Wasser in den Sicherungskasten im Keller', 'safety', true],
  ['la prise de la cuisine grésille et noircit dès qu’on branche la bouilloire', 'safety', true],
  ["l'eau coule sur le tableau électrique du couloir", 'urgency', true],
  ['el enchufe del salón echa chispas y huele a quemado', 'safety', true],
  ['la presa della camera fa scintille quando accendo la luce', 'safety', true],
  ['a tomada da sala deita fumo desde há cinco minutos', 'safety', true],
  ['het stopcontact in de keuken vonkt en er hangt een schroeilucht', 'safety', true],
  ['de CO-melder gaat af en we zijn allemaal duizelig', 'safety', true],
  ['Der CO-Melder piept seit zehn Minuten im Bad', 'urgency', true],
  ['ça sent fortement le gaz dans l’entrée', 'urgency', true],
  ['In der Küche qualmt es aus dem Backofen, der Rauch wird immer mehr', 'safety', true],
  ['de frituurpan vloog in brand en de kap smeult nog', 'safety', true],
  ['Ein Mann bedroht gerade die Kassiererin mit einem Messer', 'safety', true],
  ['Mein Nachbar hat mir gedroht, mich abzustechen', 'safety', true],
  ['un client menace le serveur avec un couteau', 'safety', true],
  ['un tipo sta minacciando il barista con una bottiglia rotta', 'safety', true],
  ['mon mari a fait un malaise et il ne se réveille pas', 'safety', true],
  ['mia suocera si è strozzata e non riesce a parlare', 'safety', true],
  // Hard negatives: the same words about products, plans, the past and nothing happening.
  ['Ich brauche zwei neue Steckdosen in der Garage, wann haben Sie Zeit?', 'safety', false],
  ["mon fils est à fond sur l'électronique, il lui faut des prises dans le garage", 'safety', false],
  ['¿Vendéis detectores de monóxido de carbono para la cocina?', 'safety', false],
  ['Die Steckdose im Bad funkt nicht mehr, können Sie eine neue einbauen?', 'safety', false],
  ['vorrei cambiare la presa della cucina con una più moderna, quando passate?', 'safety', false],
  ["Ma mère a fait un malaise il y a un mois, un de vos chauffeurs l'a aidée, merci", 'safety', false],
  ['cero olor a gas en la casa, solo quería saber si la estufa es de leña', 'safety', false],
  ['Der Film heute Abend war so spannend, der Bösewicht bedroht alle mit einem Messer', 'urgency', false],
];

describe('the other languages’ hazards and threats told by what happens (round 15)', () => {
  it.each(CASES)('%j -> %s %s', (text, type, expected) => {
    const found = (expected ? rulesOnly : detector).detect(text).some((f) => f.type === type);
    expect(found).toBe(expected);
  });
});
