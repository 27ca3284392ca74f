// Life-safety phrases in German, French, Spanish, Italian, Portuguese and Dutch, joined to the
// English rules of the same id (safety.rules.ts). The learned classifier carries most of L1a's
// recall in these languages; these rules make sure the gravest messages (self-harm, a threat to
// kill, a gas smell) are flagged by a rule, with its severity, whatever the classifier scores.
// Matched on the normalised (lower-case) text; accents as written, with the usual unaccented
// spellings too.

/** Self-harm and suicidal intent. */
export const SELF_HARM_I18N: readonly string[] = [
  // de
  String.raw`nicht mehr leben (?:will|möchte|mag|wollen)|(?:will|möchte|wollen) nicht mehr leben|(?:mich|sich) (?:selbst )?umbringen|mir (?:das leben|was|etwas) (?:nehmen|antun)|(?:selbstmord|suizid)\w*|(?:will|möchte) (?:nur noch )?sterben|alle (?:tabletten|pillen) (?:genommen|geschluckt)|(?:will|möchte|mag) (?:einfach )?nicht mehr (?:da sein|aufwachen|hier sein)|(?:wären|wäre|sind) (?:alle )?besser dran ohne mich`,
  // fr
  String.raw`(?:me|se) suicider|suicid(?:e|aire)|mettre fin à (?:mes|ses) jours|(?:plus|pas) envie de vivre|(?:veux|voudrais|vais) mourir(?! de)|(?:veux|voudrais|vais|envie de) me tuer|me (?:re)?faire du mal|(?:avalé|pris) toutes? (?:les|mes) (?:pilules|comprimés|cachets)|(?:(?:veux|voudrais|vais|envie de|besoin de) |(?:envie|besoin) d')en finir(?! avec (?!la vie|tout\b))|(?:seraient|serait|serez|seront) (?:tous )?mieux sans moi|(?:plus|pas) envie d'être là`,
  // es
  String.raw`suicid(?:arme|arse|io)|quitarme la vida|no quiero (?:seguir )?vivir|quiero morir(?:me)?(?! de)|(?:voy a|quiero) matarme|(?:volver a )?hacerme daño|(?:tomé|me tomé|tomado) todas (?:las|mis) pastillas|(?:quiero|voy a|ganas de|pensando en) acabar con todo(?=\s*$|[.,!?;]| ya| hoy| esta noche| de una vez)|(?:estarían|estaríais|estarán) (?:todos )?mejor sin mí|no quiero despertar(?:me)?(?! tarde| temprano| antes)`,
  // it
  String.raw`suicid(?:io|armi|arsi)|togliermi la vita|non voglio più vivere|voglio morire(?! d[ia])|(?:voglio|vado a) uccidermi|(?:ri)?farmi (?:ancora )?del male|(?:preso|ingoiato) tutte (?:le|le mie) (?:pillole|pastiglie|compresse)|(?:farla|la (?:voglio|vorrei) fare) finita(?! con)|(?:starebbero|stareste|staranno) (?:tutti )?meglio senza di me|non (?:voglio|vorrei) più svegliarmi`,
  // pt
  String.raw`suic[ií]d(?:io|ar-me|ar)|(?:vou|quero) me matar|matar-me|tirar a (?:minha )?(?:própria )?vida|não quero (?:mais )?viver|quero morrer(?! de)|me machucar|(?:tomei|engoli) todos os (?:comprimidos|remédios)|(?:vontade de|quero|vou|pensando em) acabar com tudo(?=\s*$|[.,!?;]| hoje| já| de vez| esta noite)|(?:ficariam|estariam|ficavam|vão ficar) (?:todos )?melhor sem mim|não quero (?:mais )?acordar(?! cedo| tarde)`,
  // nl
  String.raw`zelfmoord|su[iï]cid\w*|(?:wil|wilt) niet meer leven|(?:wil|wilt) (?:dood|sterven)(?! van)|mezelf (?:iets )?aan(?:doen)?|een eind(?:e)? aan (?:mijn|m'n|zijn|haar) leven|alle (?:pillen|tabletten) (?:ingenomen|geslikt)|(?:wil|wilt) er (?:gewoon |echt )?niet meer zijn|(?:zijn|zou|zouden) (?:allemaal )?beter af zonder mij|niet meer wakker (?:willen )?worden`,
];

/** Threats to kill or hurt someone, now. */
export const VIOLENCE_I18N: readonly string[] = [
  String.raw`(?:bringe?|bring) (?:dich|sie|euch|ihn|mich) um|(?:dass|das) er mich umbringt|(?:mach|mache) (?:dich|euch) fertig|(?:schlag|schlage) (?:dich|euch) (?:tot|zusammen)|droht (?:mir|uns),? (?:mich|uns) (?:umzubringen|zu schlagen)`,
  String.raw`(?:je vais|va) (?:te|vous|le|la) (?:tuer|buter|frapper|défoncer)|(?:il|elle|ils|on) (?:va|veut|vont) (?:me|nous) (?:tuer|buter)|menace de (?:me|nous) (?:tuer|frapper)`,
  String.raw`(?:te|lo|la|los|os) voy a matar|(?:me|nos) (?:va|quiere) a matar|amenaza con matar(?:me|nos)`,
  String.raw`(?:ti|vi|lo|la) ammazzo|(?:mi|ci) (?:vuole )?ammazza(?:re)?|minaccia di (?:uccidermi|ammazzarmi|picchiarmi)`,
  String.raw`(?:vou|vai) (?:te|o|a|vos) matar|(?:me|nos) (?:vai|quer) matar|ameaça (?:me )?matar`,
  String.raw`(?:ik )?(?:maak|sla) (?:je|jou|jullie) (?:af|dood)|(?:hij|zij) (?:maakt|slaat) me dood|dreigt (?:me|mij|ons) (?:dood te maken|te vermoorden|te slaan)`,
];

/** A gas smell now (joined to the English gas patterns of the gas_danger rule). */
export const GAS_I18N: readonly string[] = [
  String.raw`(?:riecht|stinkt) (?:es )?(?:stark |total |extrem )?nach gas|gasgeruch`,
  String.raw`(?:ça |ca )?sent (?:très |vraiment |trop )?(?:fort |le )?(?:le )?gaz|odeur de gaz`,
  String.raw`(?:huele|olor|olía) (?:muchísimo |mucho |fuerte |un montón |bastante )?a gas`,
  String.raw`(?:puzza|odore|puzzo) (?:fort(?:e|issim[ao]) |tremend[ao] )?di gas`,
  String.raw`cheiro (?:forte |intenso )?(?:a|de) g[aá]s|cheira (?:imenso |muito |bastante |forte )?a g[aá]s`,
  String.raw`(?:ruik|ruikt|stinkt) (?:het )?(?:sterk )?naar gas|gaslucht`,
];

/**
 * Round 11: a fire now, told in the other languages ("a pris feu", "ha preso fuoco", "pegou fogo"),
 * joined to the English fire rules (urgency `fire_hazard` and safety `fire`: the guide makes a fire
 * both). Over every labelled message the patterns match 13, 10 of them labelled urgency and safety;
 * the other 3 are stories the past and story guards suppress.
 */
export const FIRE_I18N: readonly string[] = [
  String.raw`(?:hat|ist) (?:feuer gefangen|in flammen)|fängt feuer|steht in flammen|brennt lichterloh`,
  String.raw`(?:a|ont) pris feu|prend feu|(?:est|sont) en flammes|il y a des flammes`,
  String.raw`(?:se ha|se han) (?:incendiado|prendido fuego)|(?:está|están) en llamas|(?:ha|han) salido llamas|(?:agarró|cogió) fuego`,
  String.raw`(?:ha|hanno) preso fuoco|(?:sta|stanno) andando a fuoco|(?:è|sono) in fiamme|escono (?:le )?fiamme`,
  String.raw`(?:pegou|pegaram|está a pegar) fogo|(?:está|estão) em chamas|(?:saem|saíram) chamas`,
  String.raw`(?:heeft|hebben) vlam gevat|vat vlam|staat in (?:brand|de fik|lichterlaaie)|(?:komen|sloegen) vlammen`,
];
