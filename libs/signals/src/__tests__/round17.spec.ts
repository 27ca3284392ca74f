import { isAnimalOnly } from '../classifier/animal-subject.util';
import { FIXTURE_DENTAL_VETO_BELOW, vetoedByCue } from '../classifier/cue-vetoes.util';
import { isDentalOnly } from '../classifier/dental-only.util';
import { isHarmlessSmell } from '../classifier/harmless-smell.util';
import { saysNoOneHurt } from '../classifier/no-one-hurt.util';
import { createSignalDetector } from '../detector/signal-detector';
import { normalizeText } from '../normalize/normalize-text.util';
import { probeLabels as labels } from './probe-labels.util';

// Round 17: the dental emergency in the other languages (rule `dental_emergency_i18n`), and two
// vetoes of the classifier's findings: a message that says no one is hurt or in danger (safety), and
// a harmless or figurative smell (safety and urgency). Probes written for these changes, not taken
// from any corpus, positives and the hard negatives each must not fire on.
type Probe = readonly [lang: string, text: string];

const rulesOnly = createSignalDetector(undefined, { classifier: false });
const detector = createSignalDetector();
const ruleIds = (text: string) => rulesOnly.detect(text).map((f) => f.subtype);

describe('round 17: dental_emergency_i18n (a dental trouble and "today / now")', () => {
  const POSITIVES: readonly Probe[] = [
    ['de', 'Mir ist gerade ein Schneidezahn abgebrochen, können Sie mich heute noch drannehmen?'],
    ['de', 'Meine Füllung ist rausgefallen und der Zahn tut höllisch weh, geht es sofort?'],
    ['fr', "ma fille s'est cassé une dent au parc, vous pouvez la voir aujourd'hui ?"],
    ['fr', 'ma couronne vient de tomber, un rendez-vous ce matin serait possible ?'],
    ['es', 'se me ha caído la corona y mañana tengo un juicio, ¿me podéis ver hoy?'],
    ['es', 'mi hijo se ha partido un diente jugando al fútbol, ¿nos atendéis ahora?'],
    ['it', "mi è saltata l'otturazione e il dolore è insopportabile, avete posto oggi?"],
    ['it', 'mio figlio si è rotto un dente cadendo dalla bici, possiamo venire subito?'],
    ['pt', 'partiu-se-me um dente e tenho uma reunião importante, conseguem ver-me hoje?'],
    ['pt', 'a coroa descolou e dói muito, há vaga ainda hoje?'],
    ['nl', 'mijn voortand is afgebroken bij het sporten, kan ik vandaag nog komen?'],
    ['nl', 'mijn kroon is eraf en ik heb morgen een bruiloft, kunnen jullie me meteen helpen?'],
  ];
  it.each(POSITIVES)('[%s] %j is urgency by the rule', (_lang, text) => {
    expect(ruleIds(text)).toContain('dental_emergency_i18n');
  });

  const NEGATIVES: readonly Probe[] = [
    ['de', 'Was kostet eine neue Krone? Ich könnte heute vorbeikommen.'], // no trouble, only a price
    ['de', 'Vor zwei Jahren ist mir ein Zahn abgebrochen, heute möchte ich einen Kontrolltermin.'], // past
    ['fr', 'ma couronne est tombée il y a deux mois, je voudrais un rendez-vous le mois prochain'], // no "today"
    ['fr', "que faire si une dent est cassée ? je demande pour mon cours aujourd'hui"], // hypothetical
    ['es', 'se me cayó el empaste el año pasado, ¿tenéis cita hoy para una revisión?'], // past
    ['es', '¿hacéis carillas? quería pedir presupuesto hoy'], // enquiry, no trouble
    ['it', 'mio figlio ha perso un dente da latte oggi, che emozione!'], // a milk tooth
    ['it', 'la corona nuova sta benissimo, grazie, oggi mangio di tutto'], // no trouble
    ['pt', 'o meu filho perdeu o primeiro dente hoje, que alegria'], // a milk tooth
    ['nl', 'mijn kroon zit weer vast, dank jullie, vandaag ging alles goed'], // resolved
    ['nl', 'mijn vulling is eruit gevallen, kan ik volgende week een afspraak maken?'], // no "today"
  ];
  it.each(NEGATIVES)('[%s] %j is not urgency by the rule', (_lang, text) => {
    expect(ruleIds(text)).not.toContain('dental_emergency_i18n');
  });
});

describe('round 17: saysNoOneHurt (vetoes a classifier-only safety finding)', () => {
  const SAYS: readonly Probe[] = [
    ['en', "no one is hurt, but the treadmill belt came off and it's making a racket"],
    ['en', 'Nobody got hurt, the shelf fell in the stock room, can someone tidy it?'],
    ['de', 'Niemand ist verletzt, aber das Regal ist umgefallen'],
    ['de', 'es besteht keine Gefahr, nur die Tür klemmt'],
    ['fr', "personne n'est blessé, mais le miroir du vestiaire est tombé"],
    ['es', 'nadie se ha hecho daño, pero la máquina de remo hace un ruido raro'],
    ['es', 'no hay peligro, solo gotea el grifo del baño'],
    ['it', 'nessuno si è fatto male, ma è caduto lo specchio in palestra'],
    ['pt', 'ninguém se magoou, mas a passadeira faz um barulho estranho'],
    ['nl', 'niemand is gewond, maar de spiegel in de kleedkamer is gevallen'],
  ];
  it.each(SAYS)('[%s] %j says no one is hurt', (_lang, text) => {
    expect(saysNoOneHurt(normalizeText(text))).toBe(true);
    expect(vetoedByCue('safety', normalizeText(text))).toBe(true);
  });

  const DOES_NOT: readonly Probe[] = [
    ['en', 'is no one hurt? I heard a bang from your shop'], // a question
    ['es', '¿no hay peligro si el agua toca el enchufe?'], // a question
    ['en', 'someone is hurt, he fell off the treadmill'], // the opposite
    ['de', 'jemand ist verletzt, bitte kommen Sie'], // the opposite
    ['fr', 'personne ne répond au téléphone depuis une heure'], // "personne" without "hurt"
    ['it', 'nessuno mi richiama, è la terza volta che scrivo'], // "nessuno" without "hurt"
  ];
  it.each(DOES_NOT)('[%s] %j does not say so', (_lang, text) => {
    expect(saysNoOneHurt(normalizeText(text))).toBe(false);
  });

  it('a rule finding stands whatever the message says about injuries', () => {
    expect(labels(detector, 'nobody is hurt yet but the socket is sparking and smoking')).toContain('s');
    expect(labels(detector, 'niemand ist verletzt, aber es riecht stark nach Gas im Flur')).toContain('s');
  });
});

describe('round 17: isHarmlessSmell (vetoes a classifier-only safety or urgency finding)', () => {
  const HARMLESS: readonly Probe[] = [
    ['en', 'the toast burnt and now the kitchen smells burnt, is the extractor fan covered?'],
    ['en', 'this surcharge smells like a scam to me'],
    ['de', 'Ich finde, das riecht nach Betrug, dass ihr das Gas doppelt abrechnet'],
    ['fr', "ça sent l'arnaque, votre facture de gaz a doublé"],
    ['es', 'La vela aromática huele a quemado en vez de a vainilla, quiero devolverla.'],
    ['it', 'la candela profumata sa di bruciato, posso cambiarla?'],
    ['pt', 'Cheira a queimado porque o vizinho está a fazer um churrasco, não é nada.'],
    ['nl', 'De buren barbecuen en het ruikt naar verbrand vlees, vraagje over de openingstijden.'],
  ];
  it.each(HARMLESS)('[%s] %j is a harmless or figurative smell, and no finding', (_lang, text) => {
    expect(isHarmlessSmell(normalizeText(text))).toBe(true);
    expect(labels(detector, text)).toBe('');
  });

  const HAZARD: readonly Probe[] = [
    ['en', 'there is a burning smell from the fuse box and a crackling noise, nobody is cooking'], // no harmless source
    ['en', 'it smells like a scam to me but there is a gas smell in the hall too'], // a gas smell as well
    ['de', 'die Kerze ist umgefallen und es riecht verbrannt, die Gardine brennt'], // a fire as well
    ['pt', 'a vela cheira a queimado e sai fumo da cortina'], // smoke as well
    ['nl', 'het ruikt naar verbrand plastic uit de meterkast'], // no harmless source
  ];
  it.each(HAZARD)('[%s] %j is not vetoed as harmless', (_lang, text) => {
    expect(isHarmlessSmell(normalizeText(text))).toBe(false);
  });
  it.each(HAZARD.filter(([lang]) => lang !== 'nl'))('[%s] %j is still safety', (_lang, text) => {
    expect(labels(detector, text)).toContain('s');
  });
});

describe('round 17: the fixture/dental veto cut-off is a named constant', () => {
  it('holds below FIXTURE_DENTAL_VETO_BELOW and not at it', () => {
    const norm = normalizeText('can you add two sockets in the garage?');
    expect(vetoedByCue('safety', norm, { confidence: FIXTURE_DENTAL_VETO_BELOW - 0.01 })).toBe(true);
    expect(vetoedByCue('safety', norm, { confidence: FIXTURE_DENTAL_VETO_BELOW })).toBe(false);
  });
});

describe('round 17: isAnimalOnly knows farm animals', () => {
  const ANIMAL_ONLY: readonly Probe[] = [
    ['en', 'the cow has been calving for three hours and nothing is coming'],
    ['de', 'unsere Ziege ist aufgebläht und atmet schwer'],
    ['fr', 'la vache ne se lève plus depuis ce matin'],
    ['es', 'la oveja está pariendo y el cordero viene de lado'],
    ['it', 'il vitello appena nato non respira bene'],
    ['pt', 'a vaca está caída e não se levanta'],
    ['nl', 'de koe ligt al een uur en het kalf komt niet'],
  ];
  it.each(ANIMAL_ONLY)('[%s] %j is an animal only (a classifier safety finding is vetoed)', (_lang, text) => {
    expect(isAnimalOnly(normalizeText(text))).toBe(true);
  });
  const NOT_ONLY: readonly Probe[] = [
    ['en', 'after the run my calf went hot and swollen and now I am short of breath'], // a leg, not an animal
    ['de', 'die Kuh hat meinen Sohn getreten, er blutet am Kopf'], // a person hurt
    ['es', 'la cabra derribó la estufa y hay humo en el establo'], // a hazard
    ['nl', 'het varken heeft mijn dochter gebeten'], // a person bitten
  ];
  it.each(NOT_ONLY)('[%s] %j is not an animal only', (_lang, text) => {
    expect(isAnimalOnly(normalizeText(text))).toBe(false);
  });
});

describe('round 17: "X would give him a heart attack" is figurative (English)', () => {
  it.each([
    "the bride's dad joked the bill would give him a heart attack 😂 can we see the drinks package?",
    'that quote is going to give my wife a heart attack, any discounts?',
    "your prices will give me a heart attack, what's the cheapest option?",
  ])('%j is not safety', (text) => {
    expect(labels(detector, text)).not.toContain('s');
  });
  it.each([
    "I think the stress will give him a heart attack, he's clutching his chest now",
    'my dad is having a heart attack, he says his arm is numb',
  ])('%j is still safety', (text) => {
    expect(labels(detector, text)).toContain('s');
  });
});

describe('round 17: isDentalOnly knows an abscess and the jaw, and not a heart attack', () => {
  it.each([
    "I've got an abscess and my face is swollen up, I can barely open my mouth",
    "I've got a huge swelling under my jaw and it's spreading",
    'Llevo toda la noche sin dormir con el flemón y ahora no puedo ni abrir la boca',
    "j'ai un abcès et la joue gonflée, vous avez un rendez-vous aujourd'hui ?",
    'mijn kaak is dik en ik heb een abces, kan ik vandaag komen?',
  ])('%j is a dental emergency only', (text) => {
    expect(isDentalOnly(normalizeText(text))).toBe(true);
  });
  it.each([
    "Guy on the rowing machine says his chest feels tight and his jaw hurts, he's gone really clammy",
    'Mon père a mal dans la mâchoire et le bras gauche depuis le petit-déjeuner, il est tout gris',
    'o meu pai tem uma dor no peito que lhe sobe para o maxilar',
    'mijn vader heeft pijn op de borst en nu ook in zijn kaak',
    'I have an abscess and the swelling is closing my eye',
  ])('%j is not', (text) => {
    expect(isDentalOnly(normalizeText(text))).toBe(false);
  });
});
