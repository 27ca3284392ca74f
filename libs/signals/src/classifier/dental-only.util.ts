import { wordStart } from './cue-words.util';

/**
 * The label guide: a dental emergency is urgency (the business's own service); it is safety too only
 * when it threatens more than the tooth: swelling spreading to the eye, throat, tongue or neck,
 * trouble breathing or swallowing, bleeding that will not stop (for hours, still, dizzy with it), a
 * swallowed crown or brace part, fever with the swelling, a face drooping. The classifier reads a
 * child's knocked tooth with blood as safety now and then (round 16's census of the read sets: 6
 * classifier safety false alarms of this kind, "her front tooth has been pushed up into the gum", "het
 * bloedt uit zijn mond", "sangra muito, chegamos em 10 minutos"). `isDentalOnly` is that test, in the
 * seven languages, on normalised (lower-case) text: a dental word and none of those signs. Over every
 * read labelled message (corpus train and dev, the gate set, the holdout, unseen-1 to unseen-9) it
 * holds for 238, none of them labelled safety. Used only to veto a classifier-only safety finding; a
 * safety rule hit is never touched.
 */

/** Teeth, gums, braces, crowns, extractions and the dentist (each line one language: en, de, fr, es, it, pt, nl). */
const DENTAL = wordStart([
  'tooth|teeth|dental|dentist|gum(?!\\p{L})|gums|wisdom|brace|crown|filling(?! up)|extraction|molar',
  'zahn|zähne|zahnfleisch|zahnspange|weisheitszahn|krone|plombe|backenzahn|milchzahn',
  'dent(?!\\p{L})|dents|dentaire|dentiste|gencive|appareil dentaire|molaire|dent de sagesse',
  'diente|dientes|muela|encía|dental|dentista|brackets|ortodoncia|extracción',
  'dente|denti|gengiva|apparecchio|molare|dentista|estrazione',
  'dente|dentes|gengiva|aparelho|siso|extração|extracção',
  'tand|tanden|kies|tandvlees|beugel|tandarts|melktand|voortand|verstandskies',
]);

/** What makes a dental emergency a danger to the person (the guide's exceptions). */
const BEYOND_THE_TOOTH = wordStart([
  "can'?t (?:breathe|swallow)|cannot (?:breathe|swallow)|trouble (?:breathing|swallowing)|struggling to (?:breathe|swallow)|difficulty (?:breathing|swallowing)|eye|unconscious|faint|collaps|won'?t stop|will not stop|not stopping|hasn'?t stopped|seizure|allerg|anaphyla|ambulance|999|911|112",
  'schlucken|atmen|luft|auge|bewusstlos|ohnmächtig|hört nicht auf|aufhören|allergi',
  "avaler|respirer|œil|oeil|yeux|inconscient|évanoui|arrête pas|s'arrête pas|allergi",
  'tragar|respirar|ojo|inconsciente|desmay|no para|no se detiene|alergi',
  'deglutire|respirare|occhio|incosciente|svenut|non si ferma|allergi',
  'engolir|respirar|olho|inconsciente|desmai|não para|alergi',
  'slikken|ademen|lucht|oog|bewusteloos|flauw|stopt niet|houdt niet op|allergi',
  'dizzy|light-?headed|breath|throat|tongue|neck|lips?(?!\\p{L})|droop|fever|swallowed|still bleeding|keeps bleeding|for (?:hours|\\d+ hours)|coughing',
  'schwindel|hals|zunge|lippen|fieber|seit (?:\\w+ )?stunden|verschluckt',
  "tête qui tourne|gorge|cou(?!\\p{L})|langue|lèvres|fièvre|sans arrêt|sans s'arrêter|encore|toujours|à flots|avalé",
  'tonta|tonto|mareado|mareada|garganta|cuello|lengua|labios|fiebre|sigue sangrando|continúa|tragó|se tragó',
  'gola|collo|lingua|labbra|febbre|ancora|ingoiato|tossisce',
  'tonta|tonto|garganta|pescoço|língua|lábios|febre|continua|engoliu',
  "licht in (?:mijn|m'n) hoofd|duizelig|keel|nek|tong|lippen|koorts|al \\d+ uur|ingeslikt|doorgeslikt",
]);

/** True when normalised text is about teeth and names none of the signs that make it a danger to the person. */
export function isDentalOnly(norm: string): boolean {
  return DENTAL.test(norm) && !BEYOND_THE_TOOTH.test(norm);
}
