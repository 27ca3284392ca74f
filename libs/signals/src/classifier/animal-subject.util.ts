/**
 * The label guide makes a pet emergency urgency, not safety (safety is a person at risk), unless a
 * hazard (fire, smoke, gas, sparks) or a person is involved, or an animal is locked in a car. The
 * classifier learns that distinction poorly: on dev, about 10 of its 24 safety false alarms were
 * animal emergencies. `isAnimalOnly` is the guide's test, in the seven languages, on normalised
 * (lower-case) text: an animal named, and no person or hazard word. Used only to veto a
 * classifier-only safety finding; a safety rule hit is never touched.
 */
const ANIMAL = new RegExp(
  [
    // en
    'dogs?|pupp(?:y|ies)|pup|cats?|kittens?|kitty|horses?|mare|pony|foal|rabbits?|bunny|parrots?|budgies?|birds?|hamsters?|guinea pigs?|ferrets?|tortoise|snake|pets?|spaniel|labrador|terrier|retriever|collie|poodle|puppy',
    // de
    'hund|hündin|welpen?|katze|kater|kätzchen|pferd|stute|fohlen|kaninchen|hasen?|papagei|wellensittich|vogel|meerschweinchen|haustier|dackel',
    // fr (the bare "chat" is also English, so only with a determiner)
    "chien(?:ne)?|chiot|chaton|chatte|(?:mon|ma|notre|le|du|au|son) chat|cheval|jument|poulain|lapin|perroquet|perruche|oiseau|cochon d'inde|hamster",
    // es / pt
    'perr[oa]s?|perrit[oa]|cachorr[oa]|gat[oa]s?|gatit[oa]|gatinh[oa]|caballo|yegua|conejo|loro|pájaro|periquito|cobaya|cão|cães|cadela|cavalo|égua|coelho|papagaio|pássaro|periquito|porquinho-da-índia|mascota|animal de estimação',
    // it
    "cane|cagnolin[oa]|cucciol[oa]|gatt[oa]|gattin[oa]|cavall[oa]|puledro|coniglio|pappagallo|uccellino|criceto|porcellino d'india",
    // nl
    'hond(?:je)?|puppy|kat|kater|poes|kitten|paard|merrie|veulen|konijn|papegaai|parkiet|vogel|cavia|huisdier',
    // Round 17: farm animals (a farm vet's calf, cow, sheep, goat, pig), in the seven languages; words
    // that are something else too are left out ("burro" is Italian butter, "hen" a hen party, the English
    // "calf" a leg: "my calf went hot and swollen" is a person's emergency)
    'cows?|cattle|heifer|sheep|lambs?|ewes?|goats?|pigs?|piglets?|donkeys?|kalb|kälber|kuh|kühe|rind(?:er)?|schafe?|lamm|ziegen?|schweine?|ferkel|esel|veaux?|vaches?|génisse|moutons?|brebis|agneaux?|chèvres?|porcelets?|ânes?|terner[oa]s?|vacas?|ovejas?|corderos?|cabras?|cerdos?|vitell[oa]|vitelli|mucc[ae]|pecor[ae]|agnell[oi]|capr[ae]|maial[ei]|asin[oi]|bezerr[oa]s?|ovelhas?|cordeiros?|porcos?|kalf|kalveren|koe(?:ien)?|schapen?|geiten?|varkens?|biggen|ezels?',
  ].join('|'),
  'u',
);
const ANIMAL_WORD = new RegExp(`(?<![\\p{L}])(?:${ANIMAL.source})(?![\\p{L}])`, 'u');

/** A person at risk, a bite, a hazard, or an animal locked in a car: the guide's exceptions. */
const EXCEPTION = new RegExp(
  `(?<![\\p{L}])(?:${[
    // people
    'child|children|kids?|baby|toddler|son|daughter|boy|girl|husband|wife|partner|man|woman|person|someone|neighbou?r|bit me|bitten',
    'kind|kinder|baby|sohn|tochter|junge|mädchen|mann|frau|jemand|nachbar(?:in)?|gebissen',
    "enfant|bébé|fils|fille|garçon|mari|femme|quelqu'un|voisin(?:e)?|mordu(?:e)?|mordue?",
    'niñ[oa]|bebé|bebê|hij[oa]|chic[oa]|marido|mujer|esposa|alguien|vecin[oa]|mordid[oa]|mordió|me mordió',
    'bambin[oa]|figli[oa]|ragazz[oa]|marito|moglie|qualcuno|vicin[oa]|morso|morsicat[oa]',
    'criança|filh[oa]|menin[oa]|mulher|alguém|vizinh[oa]|mordeu',
    'kind|kindje|zoon|dochter|jongen|meisje|mijn man|mijn vrouw|iemand|buurman|buurvrouw|gebeten',
    // hazards
    'fire|smoke|gas|sparks?|flames?|burning smell|carbon monoxide|electric\\w*|socket|cables?|wires?|kabel|câbles?|cavi|cavo|cabos?',
    'feuer|brand|rauch|gas|funken|flammen|kohlenmonoxid|strom|steckdose',
    'feu|incendie|fumée|gaz|étincelles?|flammes?|monoxyde|électri\\w*|prise',
    'fuego|incendio|humo|gas|chispas?|llamas|monóxido|eléctric\\w*|enchufe',
    'fuoco|incendio|fumo|gas|scintille|fiamme|monossido|elettric\\w*|presa',
    'fogo|incêndio|fumo|fumaça|gás|faíscas?|chamas|monóxido|elétric\\w*|tomada',
    'vuur|brand|rook|gas|vonken|vlammen|koolmonoxide|elektri\\w*|stopcontact',
    // locked in a car (guide: a pet locked in a car is urgency + safety)
    'locked in|eingesperrt|eingeschlossen|enfermée?|encerrad[oa]|chius[oa] dentro|trancad[oa]|opgesloten',
    // Round 12: the same, told with the car ("chiuso in macchina", "fechado no carro", "cerrado en el coche", "vast in de auto")
    'chius[oa] in (?:macchina|auto)|bloccat[oa] in (?:macchina|auto)|fechad[oa] (?:dentro|no carro)|cerrad[oa] en el (?:coche|carro|auto)|vast in de auto|stuck in the car|left in the car|im auto gelassen',
  ].join('|')})(?![\\p{L}])`,
  'u',
);

/** True when normalised text names an animal and none of the guide's person or hazard exceptions. */
export function isAnimalOnly(norm: string): boolean {
  return ANIMAL_WORD.test(norm) && !EXCEPTION.test(norm);
}
