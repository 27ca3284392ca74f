/**
 * Round 17: the sender says outright that no one is hurt or in danger ("no one is hurt, but the
 * treadmill makes a noise", "nadie se ha hecho daño, pero…", "no hay riesgo eléctrico, pero el agua
 * cae por la pared", "niemand ist verletzt", "personne n'est blessé", "nessun pericolo", "ninguém se
 * magoou", "geen gevaar"). The label guide's safety is a person at risk now; such a message is not,
 * whatever the classifier reads in its words (water near sockets, a machine's noise, a fall that
 * hurt no one). Vetoes a classifier-only safety finding (cue-vetoes); a rule's finding (a gas smell,
 * sparks, fire) stands, so "nobody is hurt but the socket is sparking" is still safety. A question
 * ("is there no danger?") is not the sender's statement and does not veto.
 */
const NO_ONE_HURT = new RegExp(
  [
    // English
    String.raw`(?:no ?one|nobody)(?: is|'s| was| has been| got| were)? (?:hurt|injured|harmed|in danger)|no(?:body| one) (?:got|was) hurt|no (?:injuries|one injured)|(?:there is |there's )?no (?:danger|risk) to anyone|everyone(?: is|'s) (?:safe|fine|ok|okay|unhurt)`,
    // German
    String.raw`niemand (?:ist |wurde |hat sich )?(?:verletzt|in gefahr)|keiner (?:ist |wurde |hat sich )?verletzt|keine verletzten|(?:es besteht )?keine gefahr|alle sind (?:wohlauf|unverletzt|in sicherheit)`,
    // French
    String.raw`personne (?:n'est|n'a été|ne s'est) (?:blessée?|fait mal|en danger)|personne ne s'est (?:blessée?|fait mal)|(?:pas|aucun) de (?:blessés?|danger)|aucun blessé|aucun danger|il n'y a pas de danger|tout le monde va bien`,
    // Spanish
    String.raw`nadie (?:está |ha resultado |resultó |salió |ha salido )?herido|nadie (?:se ha hecho|se hizo) daño|nadie (?:está )?en peligro|no hay (?:heridos|peligro|riesgo)|sin (?:heridos|peligro)|todos (?:estamos|están) bien`,
    // Italian
    String.raw`nessuno (?:è |e' |si è |si e' |è rimasto |e' rimasto )?(?:ferito|fatto male|in pericolo)|nessun (?:ferito|pericolo|rischio)|non c'è (?:pericolo|rischio)|stiamo tutti bene`,
    // Portuguese
    String.raw`ninguém (?:está |ficou |se )?(?:ferido|magoado|magoou|machucou|machucado|feriu|em perigo)|não há (?:feridos|perigo|risco)|sem (?:feridos|perigo)|estamos todos bem`,
    // Dutch
    String.raw`niemand (?:is |raakte |werd )?(?:gewond|in gevaar)|niemand heeft zich (?:bezeerd|pijn gedaan)|geen (?:gewonden|gevaar)|iedereen is (?:ok|oké|veilig|in orde)`,
  ].join('|'),
  'u',
);
const LETTER = /\p{L}/u;

/** True when normalised text says no one is hurt or in danger, as a statement (not a question). */
export function saysNoOneHurt(norm: string): boolean {
  const m = NO_ONE_HURT.exec(norm);
  if (!m) return false;
  const before = norm[m.index - 1] ?? '';
  const after = norm[m.index + m[0].length] ?? '';
  if (LETTER.test(before) || LETTER.test(after)) return false;
  // A question about it ("is there no danger?", "¿no hay peligro?") asks; it does not tell. Its clause
  // ends at a comma too: "nobody got hurt, can someone tidy it?" tells, then asks something else.
  const end = norm.slice(m.index).search(/[.!?,;\n]/);
  return !(end >= 0 && norm[m.index + end] === '?') && !/[¿]\s*$/.test(norm.slice(Math.max(0, m.index - 2), m.index));
}
