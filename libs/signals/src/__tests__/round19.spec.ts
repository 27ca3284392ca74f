import { createSignalDetector } from '../detector/signal-detector';
import { probeLabels } from './probe-labels.util';

// Round 19: danger told in clinical or machine-translated words (unseen-12's safety misses, read after its
// retirement, fixed by their general causes, not by their messages): "the patient presents with",
// "having difficulty of breathing", "breathing slow, 6 breaths a minute", heavy bleeding (not in a mouth:
// that is the dental rules' urgency), a diver who surfaced too fast, a carbon-monoxide alarm told as a
// report or a ppm reading, water "which enters in the electric box", a gun pointed or waved at people, and
// a toddler locked in a car. Probes written for these rules, not taken from any corpus, in all seven
// languages, with hard negatives (a breathing exercise, a blood test or donation, "0 ppm" after a service,
// a question about the alarm level, a water pistol, a target at the range).
type Probe = readonly [lang: string, text: string, expected: string];

const rulesOnly = createSignalDetector(undefined, { classifier: false });
const ruleLabels = (text: string) => probeLabels(rulesOnly, text);
const ruleIds = (text: string) => rulesOnly.detect(text).map((f) => f.subtype);

const POSITIVES: readonly Probe[] = [
  ['en', 'The patient presents with confusion and vomiting since this afternoon, what was sprayed?', 's'],
  ['en', 'The elderly is having difficulty of breathing since this morning, please advise', 's'],
  ['en', 'My grandmother has difficulty in breathing after the new tablets', 's'],
  ['en', 'He is very drowsy now, breathing is slow and shallow', 's'],
  ['en', 'she is taking about 6 breaths a minute and we cannot wake her properly', 's'],
  ['en', 'One of our divers surfaced too fast from 30 m and now has tingling in his arms', 's'],
  ['en', 'There is a lot of blood coming from his head after the fall', 's'],
  ['en', 'Two things: the invoice is wrong. Also there is water which enters in the electric box in the garage right now', 'su'],
  ['en', 'water is coming into the fuse box from the ceiling', 'su'],
  ['en', 'CO alarm reading 95 ppm in the bedroom and rising', 'su'],
  ['en', 'The carbon monoxide detector has triggered and my wife has a headache', 'su'],
  ['en', 'a man in the car park is pointing a gun at people', 's'],
  ['en', 'my toddler is locked in the car and it is really hot', 'su'],
  ['de', 'Mein Vater bekommt schlecht Luft und ist ganz blass', 's'],
  ['de', 'Meine Tochter hat plötzlich Atemnot', 's'],
  ['de', 'Mein Mann blutet stark am Kopf nach dem Sturz', 's'],
  ['de', 'Der CO-Melder zeigt 150 ppm an, ich habe Kopfschmerzen', 'su'],
  ['de', 'Der Kohlenmonoxidmelder hat ausgelöst, wir sind draußen', 'su'],
  ['de', 'Ein Mann fuchtelt mit einer geladenen Pistole herum', 's'],
  ['fr', 'Mon père a du mal à respirer et il est tout gris', 's'],
  ['fr', 'ma fille a des difficultés à respirer depuis ce matin', 's'],
  ['fr', 'mon mari saigne beaucoup de la main', 's'],
  ['fr', 'Détecteur de monoxyde déclenché, ma femme a mal à la tête', 'su'],
  ['fr', "l'alarme de CO affiche 90 ppm dans la chambre", 'su'],
  ['fr', 'un client braque un pistolet chargé sur le caissier', 's'],
  ['es', 'mi abuela tiene dificultad para respirar', 's'],
  ['es', 'mi hijo sangra mucho de la cabeza', 's'],
  ['es', 'el detector de monóxido se ha activado y mi marido está mareado', 'su'],
  ['es', 'un hombre apunta con una pistola cargada a los clientes', 's'],
  ['it', 'mia madre ha difficoltà a respirare', 's'],
  ['it', 'mio marito sanguina molto dalla gamba', 's'],
  ['it', 'un cliente ha minacciato il cassiere con la pistola carica', 's'],
  ['it', 'rilevatore di monossido acceso, segna 120 ppm, ho mal di testa', 'su'],
  ['pt', 'a minha avó tem dificuldade em respirar', 's'],
  ['pt', 'o meu filho está a sangrar muito da cabeça', 's'],
  ['pt', 'ele sangra bastante do pescoço', 's'],
  ['pt', 'o detetor de monóxido disparou e o meu pai está tonto', 'su'],
  ['pt', 'um homem aponta uma arma carregada para as pessoas', 's'],
  ['nl', 'mijn moeder heeft moeite met ademhalen', 's'],
  ['nl', 'mijn zoon bloedt hevig uit zijn hoofd', 's'],
  ['nl', 'de co-melder geeft 200 ppm aan en ik heb hoofdpijn', 'su'],
  ['nl', 'iemand zwaait met een geladen pistool in de winkel', 's'],
];

const NEGATIVES: readonly (readonly [lang: string, text: string])[] = [
  ['en', 'Do your yoga classes teach slow breathing exercises?'],
  ['en', 'Which breathing technique helps with stress? I like breathing slow and deep.'],
  ['en', 'Can I book a blood test, my GP wants to check my blood sugar'],
  ['en', 'We need a lot of blood donors this month, can you share our poster?'],
  ['en', 'What ppm level should a CO alarm trigger at?'],
  ['en', 'Our CO alarm was reading 0 ppm after your service, thanks'],
  ['en', 'The instructor explained why you must never surface too fast'],
  ['en', 'At the range he was aiming the pistol at the target all afternoon, great lesson'],
  ['en', 'My son keeps pointing his water pistol at the cat'],
  ['en', 'Can you quote for a waterproof electric box for the garden?'],
  ['de', 'Haben Sie Kurse gegen Atemnot für meine Mutter?'],
  ['de', 'Mein Sohn zielt mit der Wasserpistole auf den Hund'],
  ['de', 'Wie viel ppm darf ein CO-Melder anzeigen?'],
  ['fr', "j'ai donné beaucoup de sang à la collecte hier"],
  ['fr', 'Mon fils pointe son pistolet à eau sur le chat'],
  ['fr', 'Proposez-vous des cours de yoga pour mieux respirer ?'],
  ['es', 'mi hijo sangra un poco de la nariz, ¿es normal?'],
  ['es', '¿Cuántos ppm suele marcar un detector de monóxido?'],
  ['es', 'mi hijo juega a apuntar con una pistola de agua'],
  ['it', 'mio figlio gioca con la pistola ad acqua in giardino'],
  ['it', 'quanto costa un corso per imparare a respirare con il diaframma?'],
  ['pt', 'o preço subiu muito rápido este mês'],
  ['pt', 'ele doou bastante sangue na campanha'],
  ['nl', 'mijn zoon zwaait met zijn waterpistool'],
  ['nl', 'hebben jullie een cursus ademhalen voor mijn moeder?'],
];

describe('round 19: clinical and machine-translated danger (rules alone)', () => {
  it.each(POSITIVES)('[%s] %j -> %j', (_lang, text, expected) => {
    expect(ruleLabels(text)).toBe(expected);
  });
  it.each(NEGATIVES)('[%s] %j is not safety by the rules', (_lang, text) => {
    expect(ruleLabels(text)).not.toContain('s');
  });
  it('bleeding in a mouth stays with the dental rules, not the clinical safety rule', () => {
    expect(ruleIds('minha filha cortou o lábio e o dente está mole, sangra muito')).not.toContain('medical_emergency_clinical_i18n');
    expect(ruleIds('o meu filho está a sangrar muito da perna')).toContain('medical_emergency_clinical_i18n');
    expect(ruleIds('mon fils saigne beaucoup du nez')).not.toContain('medical_emergency_clinical_i18n');
  });
});

describe('round 19: a fire told by its spreading, often as the second issue (rules alone)', () => {
  it.each<readonly [string, string]>([
    ['en', 'Small thing first, the invoice has the wrong date. More important: the fire is spreading to the fence'],
    ['en', 'the barbecue set the hedge alight and the flames are getting bigger'],
    ['de', 'Zuerst: die Rechnung stimmt nicht. Wichtiger: das Feuer breitet sich aus bis zur Garage'],
    ['fr', "d'abord la facture, ensuite : le feu se propage vers le garage"],
    ['es', 'el fuego se está extendiendo por la cocina'],
    ['it', 'il fuoco si sta propagando al balcone'],
    ['pt', 'o fogo está a espalhar-se pela sala'],
    ['nl', 'het vuur verspreidt zich naar de schuur'],
  ])('[%s] %j is urgency and safety', (_lang, text) => {
    expect(ruleLabels(text)).toBe('su');
  });
  it.each<readonly [string, string]>([
    ['en', 'the wildfire is spreading in California, are flights cancelled?'],
    ['en', 'last summer a spark set the hedge alight, can you quote for a new one?'],
    ['en', 'the fire in the fireplace is lovely tonight'],
    ['it', 'il fuoco del camino è acceso, tutto bene'],
  ])('[%s] %j is no fire', (_lang, text) => {
    expect(ruleIds(text)).not.toContain('fire');
  });
});
