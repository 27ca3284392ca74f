import { NOT_A_NAME_BEFORE_HERE } from './name.rules';
import { readName } from './name-read.util';

// "Dave here", "Hallo, Sanne hier", "Karim ici", "renata aqui", "Luca qui": a name before "here"
// (used by name.extractor.ts).

export interface HereName {
  start: number;
  end: number;
  value: string;
  confidence: number;
  owner: 'customer';
  cue: 'name_here';
}

// A sentence start, or a greeting opening it ("Hallo, Sanne hier", "Oi, renata aqui").
const HERE_CUE =
  /(?:^|[.!?]\s+)((?:hallo|hi|hey|hoi|moin|servus|grüezi|gruezi|salut|coucou|bonjour|bonsoir|hola|buenas|ciao|salve|buongiorno|buonasera|oi|olá|ola|bom\s+dia|boa\s+(?:tarde|noite)|goedemorgen|goedemiddag|goeiedag)[,!.]*\s+)?/gu;
// Round 19 review: "M. Dupont à l'appareil" (French "speaking").
const HERE_AFTER = /^\s+(aqui|aquí|qui|ici|hier|here|à\s+l'appareil)(?:\s*(?:$|[,.;:!?\n])|\s+(?:de|da|do|di|von|van|from)\s)/u;

/** Names before "here" at a sentence start; `german`: the message is German (every noun capitalised). */
export function hereCandidates(text: string, normalized: string, german: boolean): HereName[] {
  const out: HereName[] = [];
  for (const m of normalized.matchAll(HERE_CUE)) {
    const at = m.index + m[0].length;
    const greeted = m[1] !== undefined;
    const name = readName(text, at, false);
    if (name !== undefined && /^\s+(?:here|speaking)\b/.test(normalized.slice(name.end, name.end + 10))) {
      out.push({ start: name.start, end: name.end, value: name.value, confidence: 0.8, owner: 'customer', cue: 'name_here' });
      continue;
    }
    // Round 13: "marcos vinícius aqui", "Luca qui", "Karim ici", "Sanne hier": "here" in the other
    // languages, at the start of a sentence, the name in any case when the clause ends after "here".
    const any = readName(text, at, true);
    const here = any === undefined ? null : HERE_AFTER.exec(normalized.slice(any.end, any.end + 20));
    if (any === undefined || any.possessive || here === null) continue;
    // Not a common word of these languages ("Frage hier:", "Urgence ici", "Duda aqui", "Domanda qui"),
    // and in German, which capitalises every noun, one capitalised word only after a greeting
    // ("Hallo, Sanne hier"); a first name and a surname ("Jonas Weber hier") need none.
    const words = any.value.toLowerCase().split(/\s+/);
    if (words.some((w) => NOT_A_NAME_BEFORE_HERE.has(w))) continue;
    if (here[1] === 'hier' && words.length === 1 && !any.lower && !greeted && german) continue;
    out.push({
      start: any.start,
      end: any.end,
      value: any.value,
      confidence: any.lower ? 0.7 : 0.8,
      owner: 'customer',
      cue: 'name_here',
    });
  }
  return out;
}
