import { wordStart } from './cue-words.util';

/**
 * The label guide: an electrical hazard is safety when it is told by what is happening (sparks, a
 * hot, buzzing, smoking or melting socket, a burning smell, water on a socket or fuse box, a shock).
 * A socket, plug, fuse box or switch named with nothing happening to it ("il lui faut des prises
 * dans le garage", "can you fit 3 new sockets", "wat kost een nieuwe groepenkast?") is a job, not a
 * hazard. The classifier reads the fixture's words alone as safety now and then (round 16: a French
 * request for garage sockets at 0.38 with the threshold at 0.37). `isFixtureOnly` is that test, in the
 * seven languages, on normalised (lower-case) text: an electrical fixture named and no word of
 * something happening to it, of another hazard, or of a person hurt. Over every read labelled
 * message (corpus train and dev, the gate set, the holdout, unseen-1 to unseen-9: 11,400) it holds
 * for 48, none of them labelled safety. Used only to veto a classifier-only safety finding; a safety
 * rule hit is never touched.
 */

/** Sockets, plugs, fuse boxes, switches and wiring (Italian "presa" only with its article: "ficou presa" is Portuguese for stuck). */
const FIXTURE = wordStart([
  'sockets?(?!\\p{L})|plugs?(?!\\p{L})|outlets?(?!\\p{L})|fuse ?box|consumer unit|wiring|light switch|extension lead',
  'steckdose|stecker|sicherungskasten|verteilerkasten|mehrfachsteckdose|steckdosenleiste|lichtschalter',
  'prises?(?!\\p{L})|tableau électrique|disjoncteur|interrupteur|multiprise|rallonge',
  'enchufes?|cuadro eléctrico|cuadro de la luz|interruptor|regleta|cableado',
  '(?:la|una|della|alla|nella|dalla|sulla|le|delle|alle|nelle) pres[ae](?!\\p{L})(?! in giro)|quadro elettrico|interruttore|ciabatta|salvavita',
  '(?:a|as|da|das|na|nas|uma|duas|três|mais) tomadas?(?!\\p{L})|quadro el[ée]c?trico|disjuntor|extensão',
  'stopcontact|meterkast|groepenkast|stekker|schakelaar|bedrading|verlengsnoer',
]);

/** German and Dutch compounds ("Außensteckdose", "buitenstopcontact"). */
const FIXTURE_INSIDE_WORD = /steckdose|stopcontact/u;

/** Something happening to the fixture, another hazard, or a person hurt or touching it (word starts). */
const HAPPENING = wordStart([
  // review additions: torn out of the wall, wires showing, a small child at it, mouth on it
  'out of the wall|came (?:out|off)|pulled out|ripped|sticking out|showing|visible|loose|lick|chew|biting|tongue|mouth|toddler|baby|child|kid',
  'aus der wand|abgerissen|herausgerissen|drähte|gucken raus|schauen raus|kind|kleine|baby|leck|kaut',
  'arrach|fils (?:sortent|apparents|dénudés)|bébé|enfant|lèch|mâch',
  'salido de la pared|se ven los cables|arrancad|bebé|niñ|lam[eí]|muerd',
  'staccat|si vedono i fili|bambin|neonat|lecc|mord',
  'saiu da parede|fios à mostra|arrancad|bebé|bebê|criança|filho|filha|lamb|mord',
  'uit de muur|draden|peuter|baby|kind|likt|kauwt|bijt',
  'threat|strangl|chok|droht|bedroh|würg|menac|étrangl|amenaz|estrangul|minacc|strangol|ameaç|dreig|wurg',
  // en
  'spark|smok|smoul|burn|melt|scorch|charr|black|hot(?!\\p{L})|warm|heat|shock|zap|tingl|crackl|buzz|fizz|hiss|sizzl',
  'popp|pop(?!\\p{L})|bang|flash|arc|fire|flame|smell|stink|fume|water|wet|leak|drip|flood|soak|rain|exposed|bare',
  'live(?!\\p{L})|dangl|hanging|electrocut|flicker|trip|hurt|injur|bleed|blood|unconscious|breath|collaps|faint',
  'ambulance|999|911|112|hospital|finger|fork|knife|hairpin|paper ?clip|poke|stuck (?:a|his|her|their|something)',
  // de
  'funk|rauch|qualm|raucht|schmor|schmilz|geschmolz|schwarz|heiß|heiss|schlag|stromschlag|knister|knall|zisch|brizzel',
  'brenn|brand|feuer|flamm|riecht|geruch|stinkt|wasser|nass|feucht|tropf|läuft|leck|blank|lose kabel|hängt|offen',
  'verletz|blut|bewusstlos|gabel|messer|gesteckt|steckt',
  // fr
  'étincel|fum|brûl|fondu|fondre|noirc|noir|chaud|chauff|décharge|secousse|crépit|grésill|claqu|feu|odeur|sent|eau|mouill',
  'humid|coul|goutt|fuite|dénud|à nu|pend|blessé|saign|inconscient|doigt|fourchette|couteau',
  // es
  'chisp|hum|quem|derrit|negr|calient|calor|descarga|calambre|zumb|fuego|llama|olor|huele|agua|mojad|gote|fuga',
  'pelad|colg|suelto|herid|sangr|dedo|tenedor|cuchillo|metió',
  // it
  'scintill|brucia|bruci|sciol|anner|nero|caldo|scald|scossa|folgor|sfrigol|ronz|crepit|fuoco|fiamm|odore|puzza',
  'acqua|bagnat|goccio|perdit|scopert|pendent|penzol|ferit|sangu|dito|forchetta|coltello|infilat',
  // pt
  'faísc|fumo|fumaç|fumeg|queim|derret|preto|quent|aquec|choque|estal|fogo|chama|cheir|água|molhad|ping|vaz',
  'descarnad|pendur|solt|ferid|sangue|garfo|faca|enfiou',
  // nl
  'vonk|rook|smeul|smelt|gesmolten|zwart|heet|schok|tintel|knetter|knal|sputter|zoem|vuur|vlam|lucht|ruik',
  'nat(?!\\p{L})|vocht|druppel|lek|bloot|los(?!\\p{L})|gewond|bloed|vinger|vork|mes(?!\\p{L})|gestoken|flits|flikker',
]);

/** True when normalised text names an electrical fixture and nothing happening to it, no other hazard and no one hurt. */
export function isFixtureOnly(norm: string): boolean {
  return (FIXTURE.test(norm) || FIXTURE_INSIDE_WORD.test(norm)) && !HAPPENING.test(norm);
}
